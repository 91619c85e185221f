export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// One line of recognised text. `box` is absent for text that had no layout (tests, typed
// text); confidence is 0..1.
export interface OcrLine {
  text: string;
  confidence: number;
  box?: Box;
}

export interface OcrPage {
  text: string;
  confidence: number;
  lines: OcrLine[];
}

export type DocumentKind = 'ic_card' | 'receipt' | 'unknown';

export interface IcCardFields {
  icNumber: string;
  name: string | null;
  dateOfBirth: string;
  gender: 'M' | 'F';
  state: `MY-${string}` | null;
}

export interface ReceiptItem {
  name: string;
  quantity: number;
  amount: string;
}

export interface ReceiptFields {
  merchant: string | null;
  // The shop's address as printed under its name, lines joined by spaces.
  address: string | null;
  // ISO date, YYYY-MM-DD.
  date: string | null;
  // Money is a decimal string with two places, e.g. "45.90".
  total: string | null;
  currency: 'MYR';
  items: ReceiptItem[];
  subtotal: string | null;
  tax: string | null;
  rounding: string | null;
  receiptNumber: string | null;
  paymentMethod: string | null;
  cash: string | null;
  change: string | null;
}

export type OcrFailureReason =
  | 'empty'
  | 'too_large'
  | 'unsupported_type'
  | 'too_many_pixels'
  | 'unreadable'
  | 'pdf_no_text'
  | 'too_many_pages'
  | 'ocr_failed';

export interface OcrFailure {
  ok: false;
  reason: OcrFailureReason;
  message: string;
}
