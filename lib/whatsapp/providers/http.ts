import { ProviderError, errorFromResponse, invalidRequest, mediaTooLarge, networkError } from './errors';

export interface HttpClient {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

export interface JsonRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: FormData;
}

const MAX_REDIRECTS = 3;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function send(http: HttpClient, url: string, init: RequestInit): Promise<Response> {
  try {
    return await http.fetch(url, init);
  } catch (error) {
    throw networkError(error);
  }
}

async function failure(res: Response): Promise<ProviderError> {
  const text = await res.text().catch(() => '');
  return errorFromResponse(res.status, parseJson(text), res.headers.get('retry-after'));
}

// One JSON call with a timeout. Any non-2xx answer becomes a classified ProviderError.
// Redirects are refused: an API that redirects is not the API we were configured for.
export async function requestJson(http: HttpClient, req: JsonRequest): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: BodyInit | undefined = req.form;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  }
  const signal = AbortSignal.timeout(http.timeoutMs);
  const res = await send(http, req.url, { method: req.method, headers, body, signal, redirect: 'error' });
  if (!res.ok) throw await failure(res);
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    throw networkError(error);
  }
  const json = parseJson(text);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ProviderError({ kind: 'unknown', message: 'WhatsApp gave an answer Sembang could not read.', httpStatus: res.status });
  }
  return json as Record<string, unknown>;
}

async function readLimited(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw mediaTooLarge(maxBytes);
  }
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw mediaTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    throw error instanceof ProviderError ? error : networkError(error);
  }
  return Buffer.concat(chunks);
}

interface Download {
  bytes: Buffer;
  contentType: string | null;
  contentDisposition: string | null;
}

// GET of a file, streamed and cut off past maxBytes. Every URL, redirects included, must pass
// `checkUrl` before any header (the bearer token among them) is sent to it.
export async function downloadLimited(
  http: HttpClient,
  url: string,
  opts: { headers: Record<string, string>; maxBytes: number; checkUrl: (url: URL) => void },
): Promise<Download> {
  const signal = AbortSignal.timeout(http.timeoutMs);
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    opts.checkUrl(current);
    const res = await send(http, current.toString(), { method: 'GET', headers: opts.headers, signal, redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel().catch(() => undefined);
      current = new URL(location, current);
      continue;
    }
    if (!res.ok) throw await failure(res);
    const bytes = await readLimited(res, opts.maxBytes);
    return { bytes, contentType: res.headers.get('content-type'), contentDisposition: res.headers.get('content-disposition') };
  }
  throw invalidRequest('The media download was redirected too many times.');
}

// `attachment; filename="a.pdf"` or RFC 5987 `filename*=UTF-8''a%20b.pdf`.
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      return undefined;
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || undefined;
}
