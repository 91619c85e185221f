import { z } from 'zod';
import { breachDataKinds } from './breach-kinds';
import { breachCreateSchema } from './breaches';
import { dataRequestCreateSchema, dataRequestKinds } from './requests';
import { malaysiaDay } from './clock';

// The dashboard's forms send strings in Malaysian local time; these turn them into the API's
// inputs, so both go through one set of rules.

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

// <input type="datetime-local"> gives "2026-04-01T10:30", meant in Malaysia (UTC+8).
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and time.');
export const myt = (local: string) => `${local}:00+08:00`;

export const dataRequestFormSchema = z
  .object({
    kind: z.enum(dataRequestKinds, { error: 'Choose what the person asked for.' }),
    customerId: z.preprocess(blankAsUndefined, z.uuid().optional()),
    subjectLabel: z.preprocess(blankAsUndefined, z.string().optional()),
    // <input type="date">; today means "now", so the clock starts at the real moment.
    receivedOn: z.iso.date('Enter the day the request arrived.'),
    notes: z.preprocess(blankAsUndefined, z.string().optional()),
  })
  .transform(({ receivedOn, ...rest }): z.input<typeof dataRequestCreateSchema> =>
    receivedOn === malaysiaDay(new Date()) ? rest : { ...rest, receivedAt: `${receivedOn}T00:00:00+08:00` },
  )
  .pipe(dataRequestCreateSchema);

export const breachFormSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    // The checked kinds, comma-separated by the form.
    dataKinds: z
      .string()
      .transform((v) => v.split(',').filter(Boolean))
      .pipe(z.array(z.enum(breachDataKinds))),
    affectedCount: z.preprocess(blankAsUndefined, z.coerce.number({ error: 'Enter a number of people, or leave it empty.' }).int('Enter a whole number.').min(0).optional()),
    discoveredAt: localDateTime,
  })
  .transform((f): z.input<typeof breachCreateSchema> => ({ ...f, discoveredAt: myt(f.discoveredAt) }))
  .pipe(breachCreateSchema);

export const breachNotificationFormSchema = z.object({
  id: z.uuid(),
  who: z.enum(['commissioner', 'subjects']),
  at: localDateTime,
});
