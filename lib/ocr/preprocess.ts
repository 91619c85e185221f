import sharp, { type Sharp } from 'sharp';
import { clearBorder } from './image/border';
import { findContentBox } from './image/content';
import { estimateSkew } from './image/deskew';
import { type Quad, expandQuad, findDocumentQuad } from './image/document';
import { flattenIllumination } from './image/flatten';
import type { GrayImage } from './image/gray';
import { estimateTextHeight } from './image/text-size';
import { warpQuad } from './image/warp';
import { OCR_MAX_PIXELS } from './input';

export interface PreprocessOptions {
  // Pixels sharp may decode before refusing the file (decompression bombs).
  maxInputPixels: number;
  crop: boolean;
  deskew: boolean;
  flatten: boolean;
  // Median letter height Tesseract gets; small text is scaled up, huge text down.
  targetTextHeight: number;
}

export const defaultPreprocessOptions: PreprocessOptions = {
  maxInputPixels: OCR_MAX_PIXELS,
  crop: true,
  deskew: true,
  flatten: true,
  targetTextHeight: 28,
};

// A second, different look at the same photo for when the first read is unsure: no
// illumination flattening (which can thin strokes) and larger letters. OCR misreads differ
// between the two, so the cross-checks can pick the read that adds up.
export const secondLookOptions: PreprocessOptions = { ...defaultPreprocessOptions, flatten: false, targetTextHeight: 34 };

export interface PreparedImage {
  png: Buffer;
  width: number;
  height: number;
  // What was done, for the OCR log.
  steps: string[];
}

// Working resolution cap: beyond this the text is never too small and OCR only gets slower.
const MAX_WORKING_SIDE = 2600;
const DETECT_SIDE = 400;

const raw = (image: GrayImage) => ({ raw: { width: image.width, height: image.height, channels: 1 as const } });

async function toGray(pipeline: Sharp): Promise<GrayImage> {
  const { data, info } = await pipeline.grayscale().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

async function resized(image: GrayImage, maxSide: number): Promise<{ image: GrayImage; scale: number }> {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  if (scale === 1) return { image, scale };
  const small = await toGray(sharp(image.data, raw(image)).resize(Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)), { fit: 'fill' }));
  return { image: small, scale };
}

async function cropToDocument(image: GrayImage, steps: string[]): Promise<GrayImage> {
  const { image: small, scale } = await resized(image, DETECT_SIDE);
  // The median filter erases print and ruled lines, which would split the paper in pieces.
  const quad = findDocumentQuad(await toGray(sharp(small.data, raw(small)).median(9)), small);
  if (!quad) return image;
  const full = quad.map(({ x, y }) => ({ x: (x + 0.5) / scale - 0.5, y: (y + 0.5) / scale - 0.5 })) as Quad;
  const warped = warpQuad(image, expandQuad(full, 1.06));
  if (!warped) return image;
  steps.push('crop');
  return warped;
}

// Margins around the print only cost OCR time and invite it to read dust as letters.
async function cropToContent(image: GrayImage, steps: string[]): Promise<GrayImage> {
  const { image: small, scale } = await resized(image, 600);
  const box = findContentBox(small);
  if (!box) return image;
  const pad = Math.round(12 / scale);
  const left = Math.max(0, Math.floor(box.left / scale) - pad);
  const top = Math.max(0, Math.floor(box.top / scale) - pad);
  const width = Math.min(image.width - left, Math.ceil(box.width / scale) + 2 * pad);
  const height = Math.min(image.height - top, Math.ceil(box.height / scale) + 2 * pad);
  steps.push('trim');
  return toGray(sharp(image.data, raw(image)).extract({ left, top, width, height }));
}

async function straighten(image: GrayImage, steps: string[]): Promise<GrayImage> {
  const { image: small } = await resized(image, 1000);
  const angle = estimateSkew(small);
  if (Math.abs(angle) < 0.3) return image;
  steps.push(`deskew ${angle}`);
  return toGray(sharp(image.data, raw(image)).rotate(-angle, { background: { r: 255, g: 255, b: 255 } }));
}

async function rescale(image: GrayImage, target: number, steps: string[]): Promise<GrayImage> {
  const height = estimateTextHeight(image);
  if (!height) return image;
  const limit = MAX_WORKING_SIDE / Math.max(image.width, image.height);
  const scale = Math.min(3, limit, Math.max(0.5, target / height));
  if (Math.abs(scale - 1) < 0.15) return image;
  steps.push(`scale ${scale.toFixed(2)}`);
  return toGray(
    sharp(image.data, raw(image)).resize(Math.round(image.width * scale), Math.round(image.height * scale), { fit: 'fill', kernel: 'cubic' }),
  );
}

// Decoded, upright, cropped to the paper, straightened, evenly lit, and scaled so the text
// is the size Tesseract reads best. Throws what sharp throws for an unreadable image.
export async function preprocessImage(bytes: Buffer, options: PreprocessOptions = defaultPreprocessOptions): Promise<PreparedImage> {
  const steps: string[] = [];
  let image = await toGray(
    sharp(bytes, { limitInputPixels: options.maxInputPixels, failOn: 'error' })
      .rotate()
      .resize(MAX_WORKING_SIDE, MAX_WORKING_SIDE, { fit: 'inside', withoutEnlargement: true }),
  );
  if (options.crop) image = await cropToContent(await cropToDocument(image, steps), steps);
  if (options.deskew) image = await straighten(image, steps);
  if (options.flatten) {
    image = await flattenIllumination(image);
    steps.push('flatten');
  }
  image = clearBorder(image);
  image = await rescale(image, options.targetTextHeight, steps);
  const pipeline = sharp(image.data, raw(image));
  const png = await (options.flatten ? pipeline : pipeline.normalise()).png({ compressionLevel: 1 }).toBuffer();
  return { png, width: image.width, height: image.height, steps };
}
