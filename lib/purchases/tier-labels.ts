import type { Tier } from '@/db/schema';

// Tier names for people, lowest first; free of server imports so client components can use them.
export const tierLabels: Record<'en' | 'ms', Record<Tier, string>> = {
  en: { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
  ms: { bronze: 'Gangsa', silver: 'Perak', gold: 'Emas', platinum: 'Platinum' },
};
