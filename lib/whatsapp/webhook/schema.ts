import { z } from 'zod';

// Zod shapes of Meta's WhatsApp Cloud API webhook payloads (see parse.ts for the doc pages).
// Every object is loose: Meta adds properties without notice, and an unknown key must never
// reject a delivery. Arrays are read item by item in parse.ts, so one bad item costs only itself.

// Meta sends unix seconds as a string in messages and statuses, as a number in user_preferences.
const unixSeconds = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform((value) => new Date(Number(value) * 1000));

const optionalString = z.string().optional();

// Optional parts that are only decoration: a malformed one is dropped, not the whole message.
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

export const entrySchema = z.looseObject({
  id: optionalString,
  changes: z.array(z.unknown()),
});

export const changeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

const itemsSchema = z.array(z.unknown()).optional();

// The `value` of a `messages` or `user_preferences` change.
export const valueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string().min(1), display_phone_number: optionalString }),
  contacts: itemsSchema,
  messages: itemsSchema,
  statuses: itemsSchema,
  errors: itemsSchema,
  user_preferences: itemsSchema,
});

// Error objects in value.errors, messages[].errors and statuses[].errors share one shape.
export const errorSchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  title: optionalString,
  message: optionalString,
  error_data: lenient(z.looseObject({ details: optionalString })),
  href: optionalString,
});
export type MetaError = z.infer<typeof errorSchema>;

export const contactSchema = z.looseObject({
  wa_id: optionalString,
  // Business-scoped user id (BSUID); the only id when the user hides their number.
  user_id: optionalString,
  parent_user_id: optionalString,
  profile: lenient(z.looseObject({ name: optionalString, username: optionalString })),
});
export type MetaContact = z.infer<typeof contactSchema>;

const contextSchema = z.looseObject({
  from: optionalString,
  id: optionalString,
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: lenient(z.looseObject({ catalog_id: optionalString, product_retailer_id: optionalString })),
});

// Click to WhatsApp ad that started the conversation.
const referralSchema = z.looseObject({
  source_url: optionalString,
  source_id: optionalString,
  source_type: optionalString,
  body: optionalString,
  headline: optionalString,
  media_type: optionalString,
  image_url: optionalString,
  video_url: optionalString,
  thumbnail_url: optionalString,
  ctwa_clid: optionalString,
  welcome_message: lenient(z.looseObject({ text: optionalString })),
});
export type MetaReferral = z.infer<typeof referralSchema>;

// What every incoming message carries whatever its type; `from` is omitted when Meta may not
// share the phone number, `from_user_id` (BSUID) is then the sender.
export const messageBaseSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string().min(1).optional(),
  from: optionalString,
  from_user_id: optionalString,
  from_parent_user_id: optionalString,
  group_id: optionalString,
  context: lenient(contextSchema),
  referral: lenient(referralSchema),
  errors: lenient(z.array(errorSchema)),
});
export type MetaMessageBase = z.infer<typeof messageBaseSchema>;

// One shape for image, video, audio, document and sticker; each type uses its own fields.
export const mediaSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: optionalString,
  sha256: optionalString,
  caption: optionalString,
  filename: optionalString,
  url: optionalString,
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

export const textSchema = z.looseObject({ body: z.string() });

export const locationSchema = z.looseObject({
  // Documented as floats; coerced because older payloads sent strings.
  latitude: z.coerce.number(),
  longitude: z.coerce.number(),
  name: optionalString,
  address: optionalString,
  url: optionalString,
});

export const sharedContactsSchema = z
  .array(
    z.looseObject({
      name: lenient(z.looseObject({ formatted_name: optionalString, first_name: optionalString, last_name: optionalString })),
      phones: lenient(z.array(z.looseObject({ phone: optionalString, wa_id: optionalString, type: optionalString }))),
    }),
  )
  .min(1);

const replySchema = z.looseObject({ id: z.string(), title: z.string(), description: optionalString });

export const interactiveSchema = z.looseObject({
  type: z.string(),
  button_reply: replySchema.optional(),
  list_reply: replySchema.optional(),
  // WhatsApp Flows and address messages answer with nfm_reply.
  nfm_reply: z.looseObject({ name: optionalString, body: optionalString, response_json: optionalString }).optional(),
});

export const buttonSchema = z.looseObject({ payload: optionalString, text: optionalString });

// `emoji` is omitted (or empty) when the user removes their reaction.
export const reactionSchema = z.looseObject({ message_id: z.string().min(1), emoji: optionalString });

export const orderSchema = z.looseObject({
  catalog_id: optionalString,
  text: optionalString,
  product_items: z
    .array(
      z.looseObject({
        product_retailer_id: z.string(),
        quantity: z.coerce.number(),
        item_price: z.coerce.number(),
        currency: z.string(),
      }),
    )
    .default([]),
});

export const systemSchema = z.looseObject({
  body: optionalString,
  type: optionalString,
  wa_id: optionalString,
  // Older payloads (type customer_changed_number) named the new id new_wa_id.
  new_wa_id: optionalString,
  user_id: optionalString,
  previous_user_id: optionalString,
});

// Never fails: an unreadable `unsupported` object still leaves an unsupported message.
export const unsupportedSchema = z.looseObject({ type: optionalString }).catch({});

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: unixSeconds,
  recipient_id: optionalString,
  recipient_type: optionalString,
  recipient_participant_id: optionalString,
  recipient_user_id: optionalString,
  errors: lenient(z.array(errorSchema)),
});

export const userPreferenceSchema = z.looseObject({
  wa_id: optionalString,
  user_id: optionalString,
  category: z.string(),
  value: z.string(),
  timestamp: unixSeconds,
  detail: optionalString,
});
