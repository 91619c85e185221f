// What leaked, in words the Commissioner's notification form asks about.
export const breachDataKinds = ['name', 'phone', 'ic_number', 'date_of_birth', 'address', 'messages', 'media', 'purchases', 'consent_records', 'other'] as const;
export const breachDataKindLabels: Record<(typeof breachDataKinds)[number], string> = {
  name: 'Names',
  phone: 'Phone numbers',
  ic_number: 'IC numbers',
  date_of_birth: 'Dates of birth',
  address: 'Addresses',
  messages: 'WhatsApp messages',
  media: 'Photos and documents',
  purchases: 'Purchases and receipts',
  consent_records: 'Consent records',
  other: 'Other',
};
