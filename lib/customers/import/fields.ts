import { z } from 'zod';

// What a CSV column can be imported as. Only phone is required.
export const importFields = ['name', 'phone', 'icNumber', 'gender', 'maritalStatus', 'city', 'language', 'consent', 'consentEvidence'] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  name: 'Name',
  phone: 'Phone',
  icNumber: 'IC number',
  gender: 'Gender',
  maritalStatus: 'Marital status',
  city: 'City',
  language: 'Language',
  consent: 'Marketing consent',
  consentEvidence: 'Consent evidence',
};

// Field → the header of the column it comes from (null or absent: not imported).
export type ImportMapping = Partial<Record<ImportField, string | null>>;

export const importMappingSchema = z
  .object(Object.fromEntries(importFields.map((f) => [f, z.string().max(200).nullable().optional()])) as Record<ImportField, z.ZodOptional<z.ZodNullable<z.ZodString>>>)
  .strict()
  .meta({ id: 'CustomerImportMapping' })
  .describe('Which column (by its header) each field comes from; fields left out are not imported');

// Headers as businesses write them, in English and Malay, compared without case, spaces or
// punctuation. Checked in this order, so "Consent evidence" is evidence, not consent.
const headerWords: [ImportField, exact: string[], contains: string[]][] = [
  ['consentEvidence', ['consentevidence', 'evidence', 'bukti', 'buktipersetujuan', 'consentsource', 'consentnote'], ['evidence', 'bukti']],
  ['consent', ['consent', 'consentstatus', 'marketingconsent', 'persetujuan', 'optin', 'marketing'], ['consent', 'persetujuan']],
  ['icNumber', ['ic', 'icno', 'icnumber', 'noic', 'nric', 'mykad', 'kadpengenalan', 'nokadpengenalan', 'identitycard'], ['mykad', 'kadpengenalan', 'nric']],
  ['maritalStatus', ['maritalstatus', 'marital', 'statusperkahwinan', 'perkahwinan', 'status'], ['marital', 'perkahwinan']],
  ['phone', ['phone', 'phonenumber', 'telefon', 'notelefon', 'nombortelefon', 'tel', 'notel', 'mobile', 'handphone', 'hp', 'nohp', 'whatsapp', 'contact'], ['phone', 'telefon', 'mobile', 'whatsapp']],
  ['name', ['name', 'nama', 'fullname', 'namapenuh', 'customer', 'customername', 'pelanggan', 'namapelanggan'], ['name', 'nama']],
  ['gender', ['gender', 'jantina', 'sex'], ['gender', 'jantina']],
  ['city', ['city', 'bandar', 'town', 'bandaraya'], ['city', 'bandar']],
  ['language', ['language', 'bahasa', 'lang'], ['language', 'bahasa']],
];

const squash = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// A first guess at the mapping from the header row: exact words first, then headers that
// contain one (e.g. "No. Telefon Bimbit"). Each field and each column is used at most once.
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  const squashed = headers.map(squash);
  for (const pass of ['exact', 'contains'] as const) {
    for (const [field, exact, contains] of headerWords) {
      if (mapping[field]) continue;
      const index = squashed.findIndex((h, i) => !taken.has(i) && h !== '' && (pass === 'exact' ? exact.includes(h) : contains.some((w) => h.includes(w))));
      if (index === -1) continue;
      mapping[field] = headers[index] ?? null;
      taken.add(index);
    }
  }
  return mapping;
}
