'use client';

import { ConfirmDeleteButton } from '@/components/shell/confirm-delete-button';
import { removeSegment } from './segment-api';

export function DeleteSegmentButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDeleteButton
      remove={() => removeSegment(id)}
      name={name}
      what="segment"
      description="The segment goes; the customers in it stay. Messages already sent to it are not affected."
      backTo="/segments"
    />
  );
}
