import { z } from 'zod';

// Ringgit amounts as the API writes them (DESIGN §9): decimal strings with two places, "45.90".
// Sums and comparisons happen in integer sen, never in floating point.

const DECIMAL = /^(-)?(\d{1,10})(?:\.(\d{1,2}))?$/;

export function toCents(value: string): number | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

export function formatCents(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// The API's answer shape for money.
export const moneyString = z.string().regex(/^-?\d+\.\d{2}$/).describe('Ringgit (MYR) as a decimal string with two places, e.g. "45.90"');

export function averageSpend(totalSpent: string, purchaseCount: number): string {
  return purchaseCount === 0 ? '0.00' : formatCents(Math.round((toCents(totalSpent) ?? 0) / purchaseCount));
}

// "RM 1,234.50" for people; the API keeps "1234.50".
export function formatRinggit(amount: string): string {
  const cents = toCents(amount) ?? 0;
  return `RM ${(cents / 100).toLocaleString('en-MY', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

// A money field: "45.9", "45.90" or the JSON number 45.9 (POS systems send both), at most two
// places, between min and max; answers the two-place string.
export function moneySchema(options: { minCents: number; maxCents: number; label: string }) {
  const { minCents, maxCents, label } = options;
  return z
    .union([z.string(), z.number()])
    .transform((raw, ctx) => {
      const cents = toCents(typeof raw === 'number' ? String(raw) : raw.replace(/^RM\s*/i, '').replace(/,(?=\d{3}(?:\D|$))/g, ''));
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message: `Write the ${label} in ringgit with at most two decimal places, e.g. "45.90".` });
        return z.NEVER;
      }
      if (cents < minCents || cents > maxCents) {
        ctx.addIssue({ code: 'custom', message: `The ${label} must be between ${formatCents(minCents)} and ${formatCents(maxCents)}.` });
        return z.NEVER;
      }
      return formatCents(cents);
    })
    .describe(`Ringgit (MYR), e.g. "45.90"; from ${formatCents(minCents)} to ${formatCents(maxCents)}`);
}
