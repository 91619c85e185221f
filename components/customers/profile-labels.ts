import type { customerLanguages } from '@/lib/customers/correction';

// The customer's language as the profile shows it.
export const languageLabels: Record<(typeof customerLanguages)[number], string> = { ms: 'Bahasa Melayu', en: 'English', zh: '中文 (Chinese)' };
