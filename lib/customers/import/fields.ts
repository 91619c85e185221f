import { z } from 'zod';
import { type HeaderWords, guessColumns } from '@/lib/csv/columns';

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
const headerWords: HeaderWords<ImportField> = [
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

export function suggestMapping(headers: readonly string[]): ImportMapping {
  return guessColumns(headers, headerWords);
}
