// CSV for people who open it in Excel or Google Sheets (RFC 4180, CRLF line ends).

// Excel needs the byte-order mark to read UTF-8 (names in Malay, Chinese and Tamil).
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

// A plain number (an E.164 phone, a count, a negative amount) cannot hide a formula, so it
// stays as it is; anything else a spreadsheet would evaluate gets a leading apostrophe.
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

// One cell: the formula-injection guard (OWASP "CSV injection"), then quoting when needed.
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

// A whole small document (an error report), BOM first.
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + csvRow(header) + rows.map(csvRow).join('');
}
