import type { ConsentStatus } from '@/db/schema';
import type { BadgeProps } from '@/components/ui/badge';

// How the customers pages name profile and consent values.
export const genderLabels = { M: 'Male', F: 'Female', NB: 'Non-binary' } as const;
export const maritalLabels = { single: 'Single', married: 'Married', divorced: 'Divorced', widowed: 'Widowed' } as const;
export const consentLabels: Record<ConsentStatus, string> = { unknown: 'Not asked', pending: 'Asked', granted: 'Granted', withdrawn: 'Withdrawn' };
export const consentVariants: Record<ConsentStatus, BadgeProps['variant']> = { unknown: 'outline', pending: 'warning', granted: 'success', withdrawn: 'destructive' };
