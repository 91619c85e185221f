import { z } from 'zod';
import { readFormData } from '@/lib/api/body';
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
  return readFormData(req, getEnv().MEDIA_MAX_BYTES + MULTIPART_OVERHEAD_BYTES, 'The file is too large for WhatsApp.');
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
