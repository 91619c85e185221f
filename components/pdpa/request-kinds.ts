import type { DataRequestKind } from '@/lib/pdpa/requests';

// PDPA rights in the words of the request log.
export const dataRequestKindLabels: Record<DataRequestKind, string> = {
  access: 'Access (a copy of their data)',
  correction: 'Correction',
  erasure: 'Erasure',
  portability: 'Portability (data to take elsewhere)',
  withdrawal: 'Withdrawal of consent',
};

export const dataRequestKindShort: Record<DataRequestKind, string> = {
  access: 'Access',
  correction: 'Correction',
  erasure: 'Erasure',
  portability: 'Portability',
  withdrawal: 'Withdrawal',
};
