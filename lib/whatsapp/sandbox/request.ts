import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { SimulateInboundInput } from './simulate-inbound';

// The simulator page's requests: one multipart form per customer message (text, a tapped
// button, or a file), and the wamids it has shown.

const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export const simulatorReadSchema = z.object({ wamids: z.array(z.string().min(1).max(200)).max(200) });

const field = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

// Reads the multipart body, at most the biggest file WhatsApp takes (within MEDIA_MAX_BYTES)
// plus the form around it, whatever Content-Length claims.
export async function readSimulatorForm(req: Request): Promise<FormData> {
  const limit = getEnv().MEDIA_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;
  const tooLarge = new AppError('payload_too_large', 'The file is too large for WhatsApp.');
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
    throw size > limit ? tooLarge : new AppError('bad_request', 'Send the message as multipart/form-data.');
  }
}

export async function simulatorMessageFromForm(form: FormData): Promise<SimulateInboundInput> {
  const base = { phone: field(form, 'phone') ?? '', profileName: field(form, 'profileName') || null };
  const type = field(form, 'type');
  if (type === 'text') return { ...base, message: { type, text: field(form, 'text') ?? '' } };
  if (type === 'button_reply') {
    return { ...base, message: { type, replyToWamid: field(form, 'replyToWamid') ?? '', id: field(form, 'id') ?? '', title: field(form, 'title') ?? '' } };
  }
  if (type === 'image' || type === 'document') {
    const file = form.get('file');
    if (!(file instanceof File)) throw AppError.field('validation', 'file', 'Choose a file to send.');
    const bytes = Buffer.from(await file.arrayBuffer());
    return { ...base, message: { type, fileName: file.name, mimeType: file.type || 'application/octet-stream', bytes, caption: field(form, 'caption') || undefined } };
  }
  throw AppError.field('validation', 'type', 'Send text, a button reply, an image or a document.');
}
