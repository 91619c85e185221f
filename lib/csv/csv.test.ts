import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectDelimiter, parseCsv } from './parse';
import { UTF8_BOM, csvCell, csvDocument, csvRow } from './write';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['Nurul, Aina', '"Nurul, Aina"'],
    ['say "hai"', '"say ""hai"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['陈美玲', '陈美玲'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
  ])('guards the formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(['+60123456789', '-12', '-45.90', '42'])('leaves the plain number %s alone', (value) => {
    expect(csvCell(value)).toBe(value);
  });

  it('writes null and undefined as empty cells, numbers and booleans as text', () => {
    expect(csvRow([null, undefined, 3, true])).toBe(',,3,true\r\n');
  });

  it('starts a document with the UTF-8 byte-order mark', () => {
    expect(csvDocument(['a', 'b'], [['1', '2']])).toBe(`${UTF8_BOM}a,b\r\n1,2\r\n`);
  });
});

describe('parseCsv', () => {
  it('reads quoted values with separators, quotes and line breaks inside', () => {
    const result = parseCsv('name,note\r\n"Lim, Mei","said ""hi""\nthen left"\r\nAli,ok\r\n');
    expect(result).toEqual({
      ok: true,
      delimiter: ',',
      records: [
        { row: 1, cells: ['name', 'note'] },
        { row: 2, cells: ['Lim, Mei', 'said "hi"\nthen left'] },
        { row: 3, cells: ['Ali', 'ok'] },
      ],
    });
  });

  it('skips blank rows but keeps the spreadsheet row numbers', () => {
    const result = parseCsv('a,b\n\n1,2\n,\n3,4');
    expect(result.ok && result.records.map((r) => [r.row, r.cells])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [5, ['3', '4']],
    ]);
  });

  it('accepts CR-only line ends', () => {
    const result = parseCsv('a\rb\r');
    expect(result.ok && result.records.map((r) => r.cells)).toEqual([['a'], ['b']]);
  });

  it('reports a quote that is never closed with its row', () => {
    expect(parseCsv('a,b\n1,"open\n2,3')).toEqual({ ok: false, message: 'Row 2 opens a quoted value (") that is never closed.' });
  });

  it('reads semicolon- and tab-separated files', () => {
    expect(detectDelimiter('name;phone\nA;1')).toBe(';');
    expect(detectDelimiter('name\tphone\tcity;x\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    const result = parseCsv('name;phone\nAli;0123456789');
    expect(result.ok && result.records[1]?.cells).toEqual(['Ali', '0123456789']);
  });

  it('round-trips what csvRow writes, apart from the formula guard', () => {
    const values = ['Lim, Mei', 'say "hi"', 'two\r\nlines', '+60123456789'];
    const result = parseCsv(csvRow(values));
    expect(result.ok && result.records[0]?.cells).toEqual(values);
  });
});

describe('decodeCsvBytes', () => {
  it('drops the byte-order mark of UTF-8 files', () => {
    expect(decodeCsvBytes(new TextEncoder().encode(`${UTF8_BOM}nama,telefon`))).toBe('nama,telefon');
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    // "Café" saved by Excel's plain "CSV (Comma delimited)".
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toBe('Café');
  });
});
