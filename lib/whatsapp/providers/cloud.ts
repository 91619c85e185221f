import type { Recipient } from '@/lib/whatsapp/types';
import { TEMPLATE_FIELDS, templateStatus, toMetaTemplate, toRemoteTemplate } from './cloud-templates';
import { ProviderError, invalidRequest, mediaTooLarge } from './errors';
import { downloadLimited, fileNameFromDisposition, requestJson, type HttpClient, type JsonRequest } from './http';
import { checkButtons, checkMedia, checkTemplate, checkText } from './messages';
import { cloudRecipient } from './recipient';
import { withRetry, type RetryOptions } from './retry';
import type { ButtonMessage, OutboundMedia, RemoteTemplate, SendResult, WhatsAppProvider } from './types';

// Meta's WhatsApp Cloud API on the Graph API. The newest Graph API version when this was
// written (Graph API changelog: v26.0); channels may pin another through apiBaseUrl.
export const DEFAULT_GRAPH_API_BASE_URL = 'https://graph.facebook.com/v26.0';

// Media URLs from GET /{media-id} point at Meta's CDN (lookaside.fbsbx.com), not at the Graph
// host, and need the bearer token. The token goes only to https hosts of Meta's own domains,
// or to the very origin of apiBaseUrl (a proxy in front of Meta, or the fake API in tests).
const META_MEDIA_DOMAINS = ['fbsbx.com', 'facebook.com', 'whatsapp.net', 'fbcdn.net'];

const MAX_TEMPLATE_PAGES = 50;

export interface CloudProviderOptions {
  apiBaseUrl?: string | null;
  phoneNumberId: string;
  wabaId?: string | null;
  accessToken: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  mediaTimeoutMs?: number;
  retry?: RetryOptions;
}

function mediaUrlGuard(apiBase: URL): (url: URL) => void {
  return (url) => {
    if (url.origin === apiBase.origin) return;
    const host = url.hostname;
    const meta = META_MEDIA_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
    if (url.protocol !== 'https:' || url.port !== '' || !meta || url.username || url.password) {
      throw invalidRequest(`Refused to download media from ${url.host}: not a WhatsApp media host.`);
    }
  };
}

function mediaObject(media: OutboundMedia): Record<string, string> {
  return {
    ...(media.providerMediaId ? { id: media.providerMediaId } : { link: media.link ?? '' }),
    ...(media.caption !== undefined && { caption: media.caption }),
    ...(media.fileName !== undefined && { filename: media.fileName }),
  };
}

function interactiveButtons(m: ButtonMessage): Record<string, unknown> {
  return {
    type: 'button',
    ...(m.header !== undefined && { header: { type: 'text', text: m.header } }),
    body: { text: m.body },
    ...(m.footer !== undefined && { footer: { text: m.footer } }),
    action: { buttons: m.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const first = (v: unknown): Record<string, unknown> => (Array.isArray(v) && v[0] && typeof v[0] === 'object' ? (v[0] as Record<string, unknown>) : {});

function unreadable(what: string): ProviderError {
  return new ProviderError({ kind: 'unknown', message: `WhatsApp accepted the request but returned no ${what}.` });
}

export function createCloudProvider(opts: CloudProviderOptions): WhatsAppProvider {
  const base = (opts.apiBaseUrl || DEFAULT_GRAPH_API_BASE_URL).replace(/\/+$/, '');
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const http: HttpClient = { fetch: fetchImpl, timeoutMs: opts.timeoutMs ?? 10_000 };
  const mediaHttp: HttpClient = { fetch: fetchImpl, timeoutMs: opts.mediaTimeoutMs ?? 60_000 };
  const headers = { authorization: `Bearer ${opts.accessToken}` };
  const checkMediaUrl = mediaUrlGuard(new URL(base));
  const url = (parts: string[], query?: Record<string, string>) =>
    `${[base, ...parts.map(encodeURIComponent)].join('/')}${query ? `?${new URLSearchParams(query)}` : ''}`;
  const call = (req: Omit<JsonRequest, 'headers'>) => withRetry(() => requestJson(http, { ...req, headers }), opts.retry);

  function requireWaba(): string {
    if (!opts.wabaId) throw invalidRequest('This channel has no WhatsApp Business Account ID; add it in Settings → WhatsApp.');
    return opts.wabaId;
  }

  async function send(to: Recipient, message: Record<string, unknown>): Promise<SendResult> {
    const json = { messaging_product: 'whatsapp', recipient_type: 'individual', ...cloudRecipient(to), ...message };
    const res = await call({ method: 'POST', url: url([opts.phoneNumberId, 'messages']), json });
    const wamid = str(first(res.messages).id);
    if (!wamid) throw unreadable('message id');
    return { wamid };
  }

  async function listTemplates(): Promise<RemoteTemplate[]> {
    const waba = requireWaba();
    const templates: RemoteTemplate[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_TEMPLATE_PAGES; page++) {
      const query: Record<string, string> = { fields: TEMPLATE_FIELDS, limit: '100', ...(after && { after }) };
      const res = await call({ method: 'GET', url: url([waba, 'message_templates'], query) });
      for (const raw of Array.isArray(res.data) ? res.data : []) {
        const t = toRemoteTemplate(raw);
        if (t) templates.push(t);
      }
      const paging = (res.paging ?? {}) as { next?: unknown; cursors?: { after?: unknown } };
      after = paging.next ? str(paging.cursors?.after) : null;
      if (!after) break;
    }
    return templates;
  }

  return {
    type: 'cloud',

    async sendText(to, body, options = {}) {
      checkText(body);
      return send(to, {
        ...(options.replyToWamid && { context: { message_id: options.replyToWamid } }),
        type: 'text',
        text: { ...(options.previewUrl !== undefined && { preview_url: options.previewUrl }), body },
      });
    },

    async sendMedia(to, media) {
      checkMedia(media);
      return send(to, { type: media.kind, [media.kind]: mediaObject(media) });
    },

    async sendTemplate(to, template) {
      checkTemplate(template);
      const components = template.components.length ? { components: template.components } : {};
      return send(to, { type: 'template', template: { name: template.name, language: { code: template.language }, ...components } });
    },

    async sendButtons(to, message) {
      checkButtons(message);
      return send(to, { type: 'interactive', interactive: interactiveButtons(message) });
    },

    async uploadMedia(file) {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mimeType);
      form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.fileName ?? 'file');
      const res = await call({ method: 'POST', url: url([opts.phoneNumberId, 'media']), form });
      const id = str(res.id);
      if (!id) throw unreadable('media id');
      return { providerMediaId: id };
    },

    // Two steps (Media API): GET /{media-id} for a short-lived URL, then an authenticated GET
    // of that URL. Retries repeat both, so an expired URL is fetched afresh.
    fetchMedia(providerMediaId, { maxBytes }) {
      return withRetry(async () => {
        const meta = await requestJson(http, { method: 'GET', url: url([providerMediaId]), headers });
        const mediaUrl = str(meta.url);
        if (!mediaUrl) throw unreadable('media URL');
        if (Number(meta.file_size) > maxBytes) throw mediaTooLarge(maxBytes);
        const file = await downloadLimited(mediaHttp, mediaUrl, { headers, maxBytes, checkUrl: checkMediaUrl });
        return {
          bytes: file.bytes,
          mimeType: str(meta.mime_type) ?? file.contentType,
          fileName: fileNameFromDisposition(file.contentDisposition),
        };
      }, opts.retry);
    },

    async checkConnection() {
      const res = await call({ method: 'GET', url: url([opts.phoneNumberId], { fields: 'verified_name,display_phone_number,quality_rating' }) });
      return { verifiedName: str(res.verified_name), displayPhoneNumber: str(res.display_phone_number), qualityRating: str(res.quality_rating) };
    },

    listTemplates,

    async submitTemplate(template) {
      const json = toMetaTemplate(template);
      const res = await call({ method: 'POST', url: url([requireWaba(), 'message_templates']), json });
      const id = str(res.id);
      if (!id) throw unreadable('template id');
      return { providerTemplateId: id, status: templateStatus(res.status) };
    },
  };
}
