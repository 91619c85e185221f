import type { z } from 'zod';
import type { MessageType } from '@/db/schema';
import type { InboundMessage } from '@/lib/whatsapp/types';
import {
  buttonSchema,
  interactiveSchema,
  locationSchema,
  mediaSchema,
  type MetaError,
  type MetaMessageBase,
  type MetaReferral,
  orderSchema,
  reactionSchema,
  sharedContactsSchema,
  systemSchema,
  textSchema,
  unsupportedSchema,
} from './schema';

// Turns one Meta message (already checked by messageBaseSchema) into the InboundMessage the
// inbox stores: `text` is what search and previews show, `content` what the bubble needs.

type Body = Pick<InboundMessage, 'text' | 'content' | 'media'>;
type InboundType = Exclude<MessageType, 'template' | 'unsupported'>;
type Reader = (payload: unknown) => Body | null;

interface ErrorSummary {
  code: number | null;
  title: string | null;
  details: string | null;
}

function nonEmpty(value: string | undefined | null): string | null {
  return value && value.trim() !== '' ? value : null;
}

export function summarizeMetaError(error: MetaError): ErrorSummary {
  const code = typeof error.code === 'number' ? error.code : Number.parseInt(error.code ?? '', 10);
  const details = nonEmpty(error.error_data?.details);
  return {
    code: Number.isFinite(code) ? code : null,
    // `title` and `message` carry the same text in Meta's docs; details is the last resort.
    title: nonEmpty(error.title) ?? nonEmpty(error.message) ?? details,
    details,
  };
}

function reader<S extends z.ZodType>(schema: S, read: (payload: z.output<S>) => Body): Reader {
  return (payload) => {
    const parsed = schema.safeParse(payload);
    return parsed.success ? read(parsed.data) : null;
  };
}

type Media = z.output<typeof mediaSchema>;

function mediaReader(text: (media: Media) => string | null, content: (media: Media) => Record<string, unknown> = () => ({})): Reader {
  return reader(mediaSchema, (media) => ({
    text: text(media),
    content: content(media),
    media: { providerMediaId: media.id, mimeType: media.mime_type ?? null, sha256: media.sha256 ?? null, fileName: media.filename ?? null },
  }));
}

const caption = (media: Media) => nonEmpty(media.caption);
const noText = () => null;

const readers: Record<InboundType, Reader> = {
  text: reader(textSchema, (text) => ({ text: text.body, content: {}, media: null })),
  image: mediaReader(caption),
  video: mediaReader(caption),
  document: mediaReader((media) => caption(media) ?? nonEmpty(media.filename)),
  audio: mediaReader(noText, (media) => ({ audio: { voice: media.voice === true } })),
  sticker: mediaReader(noText, (media) => ({ sticker: { animated: media.animated === true } })),
  location: reader(locationSchema, (location) => ({
    text: `📍 ${nonEmpty(location.name) ?? nonEmpty(location.address) ?? `${location.latitude},${location.longitude}`}`,
    content: {
      location: {
        latitude: location.latitude,
        longitude: location.longitude,
        name: location.name ?? null,
        address: location.address ?? null,
        url: location.url ?? null,
      },
    },
    media: null,
  })),
  contacts: reader(sharedContactsSchema, (cards) => {
    const contacts = cards.map((card) => {
      const phones = (card.phones ?? []).map((p) => ({ phone: p.phone ?? null, waId: p.wa_id ?? null, type: p.type ?? null }));
      const fullName = [card.name?.first_name, card.name?.last_name].filter(Boolean).join(' ');
      const name = nonEmpty(card.name?.formatted_name) ?? nonEmpty(fullName) ?? phones[0]?.phone ?? null;
      return { name, phones };
    });
    return { text: nonEmpty(contacts.map((c) => c.name ?? '').filter(Boolean).join(', ')), content: { contacts }, media: null };
  }),
  interactive: reader(interactiveSchema, (interactive) => {
    const reply = interactive.button_reply ?? interactive.list_reply;
    const flow = interactive.nfm_reply;
    const title = reply?.title ?? nonEmpty(flow?.body);
    const details = {
      kind: interactive.type,
      id: reply?.id ?? flow?.name ?? null,
      title,
      description: reply?.description ?? null,
      ...(flow ? { responseJson: flow.response_json ?? null } : {}),
    };
    return { text: title, content: { interactive: details }, media: null };
  }),
  button: reader(buttonSchema, (button) => ({
    text: nonEmpty(button.text) ?? nonEmpty(button.payload),
    content: { button: { payload: button.payload ?? null, text: button.text ?? null } },
    media: null,
  })),
  reaction: reader(reactionSchema, (reaction) => {
    // No emoji means the user removed their reaction from that message.
    const emoji = nonEmpty(reaction.emoji);
    return { text: emoji, content: { reaction: { messageId: reaction.message_id, emoji } }, media: null };
  }),
  order: reader(orderSchema, (order) => {
    const items = order.product_items.map((item) => ({
      productRetailerId: item.product_retailer_id,
      quantity: item.quantity,
      itemPrice: item.item_price,
      currency: item.currency,
    }));
    const count = items.reduce((sum, item) => sum + item.quantity, 0);
    const note = nonEmpty(order.text);
    return {
      text: `🛒 Order: ${count} ${count === 1 ? 'item' : 'items'}${note ? ` — ${note}` : ''}`,
      content: { order: { catalogId: order.catalog_id ?? null, items, text: note } },
      media: null,
    };
  }),
  system: reader(systemSchema, (system) => ({
    text: nonEmpty(system.body) ?? `System message (${system.type ?? 'unknown'})`,
    content: {
      system: {
        body: system.body ?? null,
        type: system.type ?? null,
        newWaId: system.wa_id ?? system.new_wa_id ?? null,
        newUserId: system.user_id ?? null,
        previousUserId: system.previous_user_id ?? null,
      },
    },
    media: null,
  })),
};

function isInboundType(type: string): type is InboundType {
  return Object.hasOwn(readers, type);
}

// Unsupported, unknown and unreadable messages are all kept as 'unsupported' so the agent
// still sees that the customer sent something.
function unsupportedBody(type: string, errors: MetaError[]): Body {
  return {
    text: `⚠️ Unsupported message (${type})`,
    content: { unsupported: { type, errors: errors.map(summarizeMetaError) } },
    media: null,
  };
}

function readReferral(referral: MetaReferral) {
  return {
    sourceUrl: referral.source_url ?? null,
    sourceType: referral.source_type ?? null,
    sourceId: referral.source_id ?? null,
    headline: referral.headline ?? null,
    body: referral.body ?? null,
    ctwaClid: referral.ctwa_clid ?? null,
    mediaType: referral.media_type ?? null,
    imageUrl: referral.image_url ?? null,
    videoUrl: referral.video_url ?? null,
    thumbnailUrl: referral.thumbnail_url ?? null,
  };
}

// Details any message type may carry: forwarding, the ad it came from, the product asked about.
function commonContent(message: MetaMessageBase): Record<string, unknown> {
  const { context, referral } = message;
  const product = context?.referred_product;
  return {
    ...(context?.forwarded ? { forwarded: true } : {}),
    ...(context?.frequently_forwarded ? { frequentlyForwarded: true } : {}),
    ...(referral ? { referral: readReferral(referral) } : {}),
    ...(product
      ? { referredProduct: { catalogId: product.catalog_id ?? null, productRetailerId: product.product_retailer_id ?? null } }
      : {}),
  };
}

export function normalizeMessage(message: MetaMessageBase): InboundMessage {
  const metaType = message.type ?? 'unknown';
  const errors = message.errors ?? [];
  let type: MessageType = 'unsupported';
  let body: Body | null = null;
  if (metaType === 'unsupported') {
    body = unsupportedBody(unsupportedSchema.parse(message.unsupported).type ?? 'unsupported', errors);
  } else if (isInboundType(metaType)) {
    body = readers[metaType](message[metaType]);
    if (body) type = metaType;
  }
  body ??= unsupportedBody(metaType, errors);
  return {
    wamid: message.id,
    timestamp: message.timestamp,
    type,
    text: body.text,
    content: { ...commonContent(message), ...body.content },
    media: body.media,
    replyToWamid: message.context?.id ?? null,
  };
}
