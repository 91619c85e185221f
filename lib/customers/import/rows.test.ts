import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv/parse';
import { importReportCsv } from './report';
import { suggestMapping } from './fields';
import { normalizeRows, resolveColumns } from './rows';
import { parseConsentAnswer, parseLanguage } from './values';

const now = new Date('2026-06-01T00:00:00Z');

function run(csv: string) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.message);
  const [header, ...records] = parsed.records;
  const headers = header?.cells ?? [];
  const { columns } = resolveColumns(headers, suggestMapping(headers));
  return normalizeRows(records, columns, now);
}

describe('suggestMapping', () => {
  it('recognises English and Malay headers', () => {
    expect(suggestMapping(['Nama', 'No. Telefon', 'No. Kad Pengenalan', 'Jantina', 'Status Perkahwinan', 'Bandar', 'Bahasa', 'Persetujuan', 'Bukti Persetujuan'])).toEqual({
      name: 'Nama',
      phone: 'No. Telefon',
      icNumber: 'No. Kad Pengenalan',
      gender: 'Jantina',
      maritalStatus: 'Status Perkahwinan',
      city: 'Bandar',
      language: 'Bahasa',
      consent: 'Persetujuan',
      consentEvidence: 'Bukti Persetujuan',
    });
  });

  it('tells consent from consent evidence, and finds headers that contain a word', () => {
    expect(suggestMapping(['Customer Name', 'Mobile No', 'Consent evidence', 'Marketing consent', 'IC'])).toEqual({
      name: 'Customer Name',
      phone: 'Mobile No',
      consentEvidence: 'Consent evidence',
      consent: 'Marketing consent',
      icNumber: 'IC',
    });
  });

  it('maps each column once and leaves unknown columns out', () => {
    expect(suggestMapping(['Phone', 'Telefon', 'Favourite drink'])).toEqual({ phone: 'Phone' });
  });
});

describe('parseLanguage and parseConsentAnswer', () => {
  it.each([
    ['BM', 'ms'],
    ['Bahasa Melayu', 'ms'],
    ['english', 'en'],
    ['中文', 'zh'],
    ['Klingon', null],
  ])('language %s → %s', (input, expected) => {
    expect(parseLanguage(input)).toBe(expected);
  });

  it.each([
    ['Ya', 'granted'],
    ['yes', 'granted'],
    ['Opt-in', 'granted'],
    ['TIDAK', 'withdrawn'],
    ['unsubscribed', 'withdrawn'],
    ['maybe', null],
  ])('consent %s → %s', (input, expected) => {
    expect(parseConsentAnswer(input)).toBe(expected);
  });
});

describe('normalizeRows', () => {
  it('normalises Malaysian numbers to E.164 and reads every column', () => {
    const { rows, issues } = run('Name,Phone,IC,Gender,Marital status,City,Language,Consent,Consent evidence\nSiti,012-345 6789,900101-14-5678,P,Berkahwin,Shah Alam,BM,Ya,Borang ahli 2026-01-02\n');
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        name: 'Siti',
        phone: '+60123456789',
        mykad: expect.objectContaining({ icNumber: '900101145678', dateOfBirth: '1990-01-01', state: 'MY-14' }),
        gender: 'F',
        maritalStatus: 'married',
        city: 'Shah Alam',
        language: 'ms',
        consent: { status: 'granted', evidence: 'Borang ahli 2026-01-02' },
      },
    ]);
  });

  it('imports consent only with evidence; without it the row comes in with a warning', () => {
    const { rows, issues } = run('Phone,Consent,Consent evidence\n0123456789,yes,\n');
    expect(rows.map((r) => r.consent)).toEqual([null]);
    expect(issues).toEqual([{ row: 2, column: 'Consent', message: expect.stringContaining('no consent evidence'), severity: 'warning' }]);
  });

  it('reports every bad value with its row and column, and leaves those rows out whole', () => {
    const { rows, issues } = run(
      ['Name,Phone,IC,Gender,Language', 'Ali,hello,,,', 'Abu,0123456780,901331-01-1234,X,', 'Chong,0123456781,,,Klingon', 'Devi,,,,', 'Good,0123456782,,,'].join('\n'),
    );
    expect(rows.map((r) => r.name)).toEqual(['Good']);
    expect(issues).toEqual([
      { row: 2, column: 'Phone', message: expect.stringContaining('“hello” is not a phone number'), severity: 'error' },
      { row: 3, column: 'IC', message: expect.stringContaining('is not a real date'), severity: 'error' },
      { row: 3, column: 'Gender', message: expect.stringContaining('Write M, F or NB'), severity: 'error' },
      { row: 4, column: 'Language', message: expect.stringContaining('Write ms, en or zh'), severity: 'error' },
      { row: 5, column: 'Phone', message: 'No phone number: every customer needs one.', severity: 'error' },
    ]);
  });

  it('keeps the first good row of a number written twice', () => {
    const { rows, issues } = run('Name,Phone,IC\nBad,012-3456789,123\nFirst,0123456789,\nSecond,+60 12-345 6789,\n');
    expect(rows.map((r) => [r.row, r.name])).toEqual([[3, 'First']]);
    expect(issues.map((i) => [i.row, i.message])).toEqual([
      [2, expect.stringContaining('12 digits')],
      [4, 'The same number as row 3, which is the one imported.'],
    ]);
  });

  it('writes the report as a spreadsheet, guarding what came from the file', () => {
    // The header is the file's text, and a spreadsheet would run it as a formula.
    const { issues } = run('@Phone\n0123\n');
    expect(importReportCsv(issues)).toBe(
      '\uFEFFRow,Column,Problem,Result\r\n2,\'@Phone,“0123” is not a phone number. Write Malaysian numbers as 012-345 6789 and others with their country code (+65…).,Row not imported\r\n',
    );
  });
});
