// Reads CSV as spreadsheets write it: RFC 4180 quoting (newlines and "" inside quotes),
// CRLF, LF or CR line ends, comma, semicolon or tab as the separator.

export interface CsvRecord {
  // The row number a spreadsheet shows: the header is row 1.
  row: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[]; delimiter: string } | { ok: false; message: string };

// Excel saves "CSV (Comma delimited)" in the Windows code page and "CSV UTF-8" with a BOM;
// text that is not valid UTF-8 is read as Windows-1252 rather than turned into U+FFFD.
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

// The separator that splits the first line into the most fields (outside quotes).
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

// Rows with only empty cells are left out; the others keep their spreadsheet row number.
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParseResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  let quoteOpenedOn = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ row, cells });
    cells = [];
    cell = '';
    row += 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
      quoteOpenedOn = row;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else cell += ch;
  }
  if (quoted) return { ok: false, message: `Row ${quoteOpenedOn} opens a quoted value (") that is never closed.` };
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, records, delimiter };
}
