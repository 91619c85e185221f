import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on 127.0.0.1 that stands in for Meta's Graph API (or any gateway) in
// tests. Tests queue answers in order; every request is recorded with its raw body.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json: unknown;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: Buffer | string;
  // Wait this long before answering (timeouts).
  delayMs?: number;
  // Stream the body in pieces without a Content-Length.
  chunked?: boolean;
}

export interface FakeGraphApi {
  origin: string;
  // origin + the Graph API version path, as a channel's apiBaseUrl.
  baseUrl: string;
  requests: RecordedRequest[];
  reply(...responses: FakeResponse[]): void;
  close(): Promise<void>;
}

const CHUNK = 16 * 1024;

function parse(body: Buffer, type: string | undefined): unknown {
  if (!type?.includes('application/json')) return null;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

export async function startFakeGraphApi(version = 'v26.0'): Promise<FakeGraphApi> {
  const queue: FakeResponse[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, json: parse(body, req.headers['content-type']) });
      const next = queue.shift() ?? { status: 404, json: { error: { message: `fake Graph API: nothing queued for ${req.method} ${url.pathname}`, code: 100 } } };
      const write = () => {
        timers.delete(timer);
        if (res.destroyed) return;
        const payload = next.json !== undefined ? Buffer.from(JSON.stringify(next.json)) : Buffer.from(next.body ?? '');
        const headers: Record<string, string> = { ...(next.json !== undefined && { 'content-type': 'application/json' }), ...next.headers };
        if (!next.chunked) headers['content-length'] = String(payload.length);
        res.writeHead(next.status ?? 200, headers);
        if (!next.chunked) return void res.end(payload);
        for (let i = 0; i < payload.length; i += CHUNK) res.write(payload.subarray(i, i + CHUNK));
        res.end();
      };
      const timer = setTimeout(write, next.delayMs ?? 0);
      timers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    baseUrl: `${origin}/${version}`,
    requests,
    reply: (...responses) => void queue.push(...responses),
    close: async () => {
      if (!server.listening) return;
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

// Meta's answer to a successful POST /{phone-number-id}/messages.
export function accepted(wamid: string, input = '60123456789'): FakeResponse {
  return { json: { messaging_product: 'whatsapp', contacts: [{ input, wa_id: input }], messages: [{ id: wamid }] } };
}

// Meta's error shape: `(#code) title` in message, details in error_data.
export function metaError(
  code: number,
  opts: { status?: number; title?: string; details?: string; subcode?: number; headers?: Record<string, string> } = {},
): FakeResponse {
  const title = opts.title ?? 'Error';
  return {
    status: opts.status ?? 400,
    headers: opts.headers,
    json: {
      error: {
        message: `(#${code}) ${title}`,
        type: 'OAuthException',
        code,
        ...(opts.subcode !== undefined && { error_subcode: opts.subcode }),
        error_data: { messaging_product: 'whatsapp', details: opts.details ?? title },
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
  };
}

// GET /{media-id}: the short-lived download URL, here on the fake server itself.
export function mediaInfo(api: FakeGraphApi, media: { id: string; mimeType: string; size: number; path?: string }): FakeResponse {
  return {
    json: {
      messaging_product: 'whatsapp',
      url: `${api.origin}${media.path ?? `/whatsapp_business/attachments/?mid=${media.id}`}`,
      mime_type: media.mimeType,
      sha256: '0'.repeat(64),
      file_size: media.size,
      id: media.id,
    },
  };
}

export function file(bytes: Buffer, mimeType: string, extra: Partial<FakeResponse> = {}): FakeResponse {
  return { body: bytes, headers: { 'content-type': mimeType }, ...extra };
}
