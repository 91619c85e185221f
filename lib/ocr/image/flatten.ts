import sharp from 'sharp';
import type { GrayImage } from './gray';

// Divides the page by its own background (the brightest pixels nearby, blurred) so shadows,
// glare and faded thermal paper become an even white with the ink kept dark.
export async function flattenIllumination(image: GrayImage, cell = 16): Promise<GrayImage> {
  const { width, height, data } = image;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const maxima = new Uint8Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * cols;
    for (let x = 0; x < width; x++) {
      const at = row + Math.floor(x / cell);
      const value = data[y * width + x]!;
      if (value > maxima[at]!) maxima[at] = value;
    }
  }
  const { data: background, info } = await sharp(maxima, { raw: { width: cols, height: rows, channels: 1 } })
    .blur(1.5)
    .resize(width, height, { kernel: 'linear', fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const bg = Math.max(background[i]!, 32);
    out[i] = Math.min(255, Math.round((data[i]! * 255) / bg));
  }
  return { data: stretch(out), width, height };
}

// Levels: the darkest ink goes to black, and everything within a few percent of the paper's
// white (creases, grain, faint show-through) goes to white.
function stretch(data: Uint8Array): Uint8Array {
  const histogram = new Uint32Array(256);
  for (const v of data) histogram[v]! += 1;
  const at = (share: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen >= data.length * share) return v;
    }
    return 255;
  };
  const low = at(0.01);
  const high = Math.max(low + 32, Math.round(at(0.5) * 0.9));
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Math.max(0, Math.min(255, Math.round(((data[i]! - low) * 255) / (high - low))));
  return out;
}
