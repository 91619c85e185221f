// The keys of each distribution, in the order the charts show them.
export const AGE_BANDS = ['<18', '18–24', '25–34', '35–44', '45–54', '55–64', '65+', 'unknown'] as const;
export const GENDERS = ['F', 'M', 'NB', 'unknown'] as const;
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed', 'unknown'] as const;
export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
// Inbound messages in the last 30 days ("engagement score"); 0 is an inactive customer.
export const ENGAGEMENT_BANDS = ['0', '1', '2–3', '4–5', '6–10', '11–20', '21+'] as const;
