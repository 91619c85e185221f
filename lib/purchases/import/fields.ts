import { z } from 'zod';
import { type ColumnMapping, type HeaderWords, guessColumns } from '@/lib/csv/columns';

// What a column of a purchases CSV can be. A row names its customer by phone number or by
// Sembang's customer id; date and total are required.
export const purchaseImportFields = ['phone', 'customerId', 'date', 'total', 'merchant', 'receiptNumber', 'paymentMethod'] as const;
export type PurchaseImportField = (typeof purchaseImportFields)[number];

export const purchaseImportLabels: Record<PurchaseImportField, string> = {
  phone: 'Phone',
  customerId: 'Customer id',
  date: 'Date',
  total: 'Total',
  merchant: 'Merchant',
  receiptNumber: 'Receipt no.',
  paymentMethod: 'Payment',
};

export type PurchaseImportMapping = ColumnMapping<PurchaseImportField>;

export const purchaseImportMappingSchema = z
  .object(
    Object.fromEntries(purchaseImportFields.map((f) => [f, z.string().max(200).nullable().optional()])) as Record<PurchaseImportField, z.ZodOptional<z.ZodNullable<z.ZodString>>>,
  )
  .strict()
  .meta({ id: 'PurchaseImportMapping' })
  .describe('Which column (by its header) each field comes from; when left out, guessed from the headers');

// Headers as POS exports and spreadsheets write them, in English and Malay, compared without
// case, spaces or punctuation: exact words first, then a header containing one.
const headerWords: HeaderWords<PurchaseImportField> = [
  ['customerId', ['customerid', 'idpelanggan', 'sembangid'], ['customerid']],
  ['receiptNumber', ['receipt', 'receiptno', 'receiptnumber', 'resit', 'noresit', 'nomborresit', 'invoice', 'invoiceno', 'invois', 'noinvois', 'billno', 'transactionid'], ['receipt', 'resit', 'invoice', 'invois']],
  ['paymentMethod', ['payment', 'paymentmethod', 'paymenttype', 'bayaran', 'kaedahbayaran', 'tender'], ['payment', 'bayaran']],
  ['phone', ['phone', 'phonenumber', 'telefon', 'notelefon', 'tel', 'notel', 'mobile', 'hp', 'nohp', 'whatsapp'], ['phone', 'telefon', 'mobile', 'whatsapp']],
  ['date', ['date', 'tarikh', 'purchasedate', 'tarikhbelian', 'day', 'hari', 'receiptdate', 'transactiondate'], ['date', 'tarikh']],
  ['total', ['total', 'jumlah', 'amount', 'amaun', 'grandtotal', 'totalamount', 'nett', 'net', 'rm'], ['total', 'jumlah', 'amount', 'amaun']],
  ['merchant', ['merchant', 'kedai', 'outlet', 'store', 'shop', 'branch', 'cawangan', 'peniaga', 'premis'], ['merchant', 'outlet', 'store', 'kedai', 'cawangan']],
];

export function suggestPurchaseMapping(headers: readonly string[]): PurchaseImportMapping {
  return guessColumns(headers, headerWords);
}
