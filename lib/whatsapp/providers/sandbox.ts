import { randomUUID } from 'node:crypto';
import type { Recipient } from '@/lib/whatsapp/types';
import { invalidRequest, mediaTooLarge } from './errors';
import { checkButtons, checkMedia, checkTemplate, checkText, renderTemplate, templateValues } from './messages';
import { cloudRecipient } from './recipient';
import type { FetchedMedia, MediaKind, ReplyButton, SendResult, WhatsAppProvider } from './types';

// The sandbox channel: no network at all. Each message is checked against Meta's rules, gets
// a wamid and is handed to onSend, which shows it in the customer simulator and emits the
// status webhooks a real number would.

export interface SandboxOutbound {
  wamid: string;
  to: Recipient;
  type: 'text' | MediaKind | 'template' | 'interactive';
  // Body, caption, or the template rendered with its parameters.
  text: string | null;
  replyToWamid: string | null;
  header: string | null;
  footer: string | null;
  buttons: ReplyButton[];
  media: { kind: MediaKind; link: string | null; providerMediaId: string | null; fileName: string | null } | null;
  template: { name: string; language: string; values: string[] } | null;
}

export interface SandboxProviderOptions {
  onSend: (outbound: SandboxOutbound) => Promise<void>;
  // Media the simulator's customers sent, by the id their webhook carried.
  mediaStore?: (providerMediaId: string) => Promise<FetchedMedia | null>;
  displayPhoneNumber?: string | null;
}

export function createSandboxProvider(opts: SandboxProviderOptions): WhatsAppProvider {
  async function send(to: Recipient, message: Omit<Partial<SandboxOutbound>, 'wamid' | 'to'> & Pick<SandboxOutbound, 'type'>): Promise<SendResult> {
    cloudRecipient(to);
    const wamid = `wamid.sandbox.${randomUUID()}`;
    await opts.onSend({
      text: null,
      replyToWamid: null,
      header: null,
      footer: null,
      buttons: [],
      media: null,
      template: null,
      ...message,
      wamid,
      to,
    });
    return { wamid };
  }

  return {
    type: 'sandbox',

    async sendText(to, body, options = {}) {
      checkText(body);
      return send(to, { type: 'text', text: body, replyToWamid: options.replyToWamid ?? null });
    },

    async sendMedia(to, media) {
      checkMedia(media);
      return send(to, {
        type: media.kind,
        text: media.caption ?? null,
        media: { kind: media.kind, link: media.link ?? null, providerMediaId: media.providerMediaId ?? null, fileName: media.fileName ?? null },
      });
    },

    async sendTemplate(to, template) {
      checkTemplate(template);
      return send(to, {
        type: 'template',
        text: renderTemplate(template),
        template: { name: template.name, language: template.language, values: templateValues(template) },
      });
    },

    async sendButtons(to, message) {
      checkButtons(message);
      return send(to, { type: 'interactive', text: message.body, header: message.header ?? null, footer: message.footer ?? null, buttons: message.buttons });
    },

    async fetchMedia(providerMediaId, { maxBytes }) {
      const media = opts.mediaStore ? await opts.mediaStore(providerMediaId) : null;
      if (!media) throw invalidRequest('The sandbox has no media with this id.');
      if (media.bytes.length > maxBytes) throw mediaTooLarge(maxBytes);
      return media;
    },

    async checkConnection() {
      return { verifiedName: 'Sembang Sandbox', displayPhoneNumber: opts.displayPhoneNumber ?? null, qualityRating: 'GREEN' };
    },
  };
}
