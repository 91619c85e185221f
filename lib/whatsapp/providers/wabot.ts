import { randomUUID } from 'node:crypto';
import type { Recipient } from '@/lib/whatsapp/types';
import { ProviderError, invalidRequest } from './errors';
import { requestJson, type HttpClient } from './http';
import { buttonsAsText, checkButtons, checkMedia, checkTemplate, checkText, renderTemplate } from './messages';
import { phoneDigits } from './recipient';
import { withRetry, type RetryOptions } from './retry';
import type { SendResult, WhatsAppProvider } from './types';

// A send-only gateway compatible with wabot.my: an unofficial WhatsApp Web bridge linked by QR
// code, not Meta's API. `POST {baseUrl}/send` with the instance credentials in the JSON body.
// It has no templates, interactive messages, media download or status endpoint of Meta's kind:
// templates and buttons go out as plain text, the rest is refused.

export interface WabotProviderOptions {
  baseUrl: string;
  instanceId: string;
  accessToken: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  retry?: RetryOptions;
}

function unsupported(what: string): ProviderError {
  return invalidRequest(`${what} is not supported by the wabot gateway.`);
}

// The gateway's answer has no documented message id; take the first id-like field it returns.
function messageId(res: Record<string, unknown>): string | null {
  const data = (res.data ?? {}) as Record<string, unknown>;
  const key = (data.key ?? {}) as Record<string, unknown>;
  for (const v of [key.id, data.id, data.message_id, data.messageId, res.message_id, res.messageId, res.id]) {
    if ((typeof v === 'string' && v !== '') || typeof v === 'number') return String(v);
  }
  return null;
}

function refused(res: Record<string, unknown>): boolean {
  const status = typeof res.status === 'string' ? res.status.toLowerCase() : res.status;
  return status === 'error' || status === 'failed' || status === false || res.success === false;
}

export function createWabotProvider(opts: WabotProviderOptions): WhatsAppProvider {
  const endpoint = `${opts.baseUrl.replace(/\/+$/, '')}/send`;
  const http: HttpClient = { fetch: opts.fetch ?? globalThis.fetch, timeoutMs: opts.timeoutMs ?? 10_000 };

  async function send(to: Recipient, fields: { type: 'text' | 'media'; message: string; media_url?: string; filename?: string }): Promise<SendResult> {
    const number = phoneDigits(to);
    if (!number) throw invalidRequest('The wabot gateway can only send to a phone number.');
    const json = { number, ...fields, instance_id: opts.instanceId, access_token: opts.accessToken };
    const res = await withRetry(() => requestJson(http, { method: 'POST', url: endpoint, json }), opts.retry);
    if (refused(res)) {
      const title = typeof res.message === 'string' ? res.message : null;
      throw new ProviderError({ kind: 'unknown', message: title ? `The wabot gateway refused the message: ${title}` : 'The wabot gateway refused the message.', title });
    }
    return { wamid: messageId(res) ?? `wabot.${randomUUID()}` };
  }

  return {
    type: 'wabot',

    async sendText(to, body) {
      checkText(body);
      return send(to, { type: 'text', message: body });
    },

    async sendMedia(to, media) {
      checkMedia(media);
      if (!media.link) throw unsupported('Sending uploaded media by id');
      return send(to, {
        type: 'media',
        message: media.caption ?? '',
        media_url: media.link,
        ...(media.fileName !== undefined && { filename: media.fileName }),
      });
    },

    // wabot templates are Sembang-local (they count as approved): sent as their rendered text.
    async sendTemplate(to, template) {
      checkTemplate(template);
      if (!template.localBody) throw unsupported('A template without its text');
      return send(to, { type: 'text', message: renderTemplate(template) });
    },

    async sendButtons(to, message) {
      checkButtons(message);
      return send(to, { type: 'text', message: buttonsAsText(message) });
    },

    async fetchMedia() {
      throw unsupported('Downloading media');
    },

    async checkConnection() {
      throw unsupported('Testing the connection');
    },

    async listTemplates() {
      throw unsupported('Syncing templates');
    },

    async submitTemplate() {
      throw unsupported('Submitting templates');
    },
  };
}
