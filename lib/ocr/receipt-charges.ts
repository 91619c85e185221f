import { type LineRole, type ReceiptLine, lineAmount } from './receipt-lines';

// Tax and service charge, checked against their rates. Malaysian rates: GST 6% (2015–2018),
// SST 5%, 6%, 8% or 10%; a service charge is usually 5% or 10%.
const TAX_RATES = [6, 8, 10, 5];

export interface Charge {
  cents: number | null;
  // The printed amount is what its rate gives on the subtotal: the subtotal and the charge
  // were both read right, so their sum can be trusted.
  confirmed: boolean;
}

const NONE: Charge = { cents: null, confirmed: false };
const printedRate = (text: string) => Number(/(\d{1,2}(?:\.\d{1,2})?)\s*%/.exec(text)?.[1] ?? NaN);
const near = (printed: number, base: number, rate: number) => Math.abs(printed - Math.round((base * rate) / 100)) <= 2;

function chargeLine(lines: ReceiptLine[], role: LineRole, before: number): ReceiptLine | undefined {
  return lines.find((l) => l.role === role && l.index < before && (l.amounts.length > 0 || /\d\s*%/.test(l.text)));
}

// The service charge line's amount; when it is unreadable or disagrees with its printed rate
// ("SERVICE CHARGE 10%"), the rate's own figure on the subtotal.
export function serviceCharge(lines: ReceiptLine[], subtotal: number | null, before: number): Charge {
  const line = chargeLine(lines, 'service', before);
  if (!line) return NONE;
  const printed = lineAmount(line);
  const rate = printedRate(line.text);
  if (subtotal === null || !(rate > 0 && rate <= 15)) return { cents: printed, confirmed: false };
  if (printed !== null && near(printed, subtotal, rate)) return { cents: printed, confirmed: true };
  return { cents: Math.round((subtotal * rate) / 100), confirmed: false };
}

// The tax line's amount, checked against its printed rate ("SST (6%)", "GST @6%") or, with no
// rate printed, against the Malaysian ones. A tax its printed rate cannot give is a misread
// and the rate's own figure is used instead. Tax is charged on the subtotal, or on the
// subtotal plus a service charge.
export function taxCharge(lines: ReceiptLine[], subtotal: number | null, service: number | null, before: number): Charge {
  const line = chargeLine(lines, 'tax', before);
  if (!line) return NONE;
  const printed = lineAmount(line);
  const rate = printedRate(line.text);
  if (subtotal === null) return { cents: printed, confirmed: false };
  const bases = [subtotal, subtotal + (service ?? 0)];
  const rates = rate > 0 && rate <= 10 ? [rate] : TAX_RATES;
  const confirmed = printed !== null && printed > 0 && bases.some((base) => rates.some((r) => near(printed, base, r)));
  if (confirmed) return { cents: printed, confirmed };
  // No rate printed: a tax above 12% of the subtotal is no Malaysian tax, but a misread.
  if (!(rate > 0 && rate <= 10)) return { cents: printed !== null && printed > subtotal * 0.12 ? null : printed, confirmed: false };
  return { cents: Math.round((bases.at(-1)! * rate) / 100), confirmed: false };
}
