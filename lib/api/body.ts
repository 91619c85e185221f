import type { z } from 'zod';
import { AppError, fieldErrorsFromZod } from '@/lib/errors';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

// Reads at most `limit` bytes, whatever Content-Length claims, so an oversized or endless
// body is cut off instead of buffered.
export async function readBodyText(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw new AppError('payload_too_large', `The body may be at most ${limit} bytes.`);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('payload_too_large', `The body may be at most ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Reads a multipart/form-data body of at most `limit` bytes, whatever Content-Length claims.
export async function readFormData(req: Request, limit: number, tooLargeMessage: string): Promise<FormData> {
  const tooLarge = new AppError('payload_too_large', tooLargeMessage);
  if (Number(req.headers.get('content-length') ?? 0) > limit) throw tooLarge;
  let size = 0;
  const counted = req.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(tooLarge);
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw size > limit ? tooLarge : new AppError('bad_request', 'Send the body as multipart/form-data.');
  }
}

export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  const text = await readBodyText(req);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError('validation', 'The request has invalid fields.', fieldErrorsFromZod(parsed.error));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError('validation', 'The query has invalid parameters.', fieldErrorsFromZod(parsed.error));
  return parsed.data;
}
