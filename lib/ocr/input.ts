import sharp from 'sharp';
import { sniffMediaType } from '@/lib/whatsapp/media/sniff';
import type { OcrFailure } from './types';

export const OCR_MAX_BYTES = 10 * 1024 * 1024;
// 50 megapixels: above any phone photo WhatsApp delivers, far below a decompression bomb.
export const OCR_MAX_PIXELS = 50_000_000;

export type OcrInputType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
const ACCEPTED: readonly OcrInputType[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const isAccepted = (type: string | null): type is OcrInputType => ACCEPTED.some((t) => t === type);

export type CheckedInput = { ok: true; type: OcrInputType } | OcrFailure;

const fail = (reason: OcrFailure['reason'], message: string): OcrFailure => ({ ok: false, reason, message });

// Size, type and pixel count, decided from the bytes alone (the declared type is not trusted)
// and before anything is decoded: an image's header gives its dimensions.
export async function checkInput(bytes: Buffer, declaredType?: string): Promise<CheckedInput> {
  if (bytes.length === 0) return fail('empty', 'The file is empty.');
  if (bytes.length > OCR_MAX_BYTES) return fail('too_large', `The file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  const type = sniffMediaType(bytes);
  if (!isAccepted(type)) {
    const declared = declaredType ? ` (sent as ${declaredType})` : '';
    return fail('unsupported_type', `The file${declared} is not a JPEG, PNG, WebP or PDF.`);
  }
  if (type === 'application/pdf') return { ok: true, type };
  try {
    const { width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!width || !height) return fail('unreadable', 'The image has no dimensions.');
    if (width * height > OCR_MAX_PIXELS) return fail('too_many_pixels', `The image is ${width}×${height} pixels; the limit is 50 megapixels.`);
  } catch {
    return fail('unreadable', 'The image could not be read; it may be damaged or incomplete.');
  }
  return { ok: true, type };
}
