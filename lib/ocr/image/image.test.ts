import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { clearBorder } from './border';
import { findContentBox } from './content';
import { estimateSkew } from './deskew';
import { expandQuad, findDocumentQuad } from './document';
import { type GrayImage, grayImage } from './gray';
import { estimateTextHeight } from './text-size';
import { warpQuad } from './warp';

function fillRect(image: GrayImage, x0: number, y0: number, w: number, h: number, value: number) {
  for (let y = Math.max(0, y0); y < Math.min(image.height, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x0 + w); x++) image.data[y * image.width + x] = value;
  }
}

// A page of fake text: rows of 7×10 "letters" with gaps between letters and words.
function textPage(width: number, height: number, { left = 20, top = 20, right = width - 20, bottom = height - 20, letter = 10 } = {}): GrayImage {
  const page = grayImage(width, height, 255);
  for (let y = top; y + letter < bottom; y += letter * 2) {
    for (let x = left; x + 7 < right; x += 9) if ((x / 9) % 6 < 5) fillRect(page, x, y, 7, letter, 20);
  }
  return page;
}

async function rotated(image: GrayImage, degrees: number): Promise<GrayImage> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('estimateSkew', () => {
  it.each([0, 3, -4.5, 8])('finds a page turned by %s°', async (degrees) => {
    const page = await rotated(textPage(500, 600), degrees);
    expect(Math.abs(estimateSkew(page) - degrees)).toBeLessThanOrEqual(0.5);
  });

  it('answers 0 for a page without text', () => {
    expect(estimateSkew(grayImage(300, 300, 255))).toBe(0);
  });
});

describe('findDocumentQuad', () => {
  it('finds a receipt lying on a dark table', () => {
    const frame = grayImage(400, 400, 40);
    fillRect(frame, 100, 50, 200, 300, 235);
    const quad = findDocumentQuad(frame, frame);
    expect(quad).not.toBeNull();
    const [tl, , br] = quad!;
    expect(tl.x).toBeCloseTo(100, -1);
    expect(tl.y).toBeCloseTo(50, -1);
    expect(br.x).toBeCloseTo(299, -1);
    expect(br.y).toBeCloseTo(349, -1);
  });

  it('leaves a page that fills the frame alone', () => {
    const page = textPage(300, 400);
    expect(findDocumentQuad(page, page)).toBeNull();
  });

  it('does not cut out a bright patch when the text lies outside it', () => {
    const frame = textPage(400, 400);
    fillRect(frame, 0, 0, 400, 400, 90);
    fillRect(frame, 20, 20, 120, 120, 240);
    const text = textPage(400, 400);
    expect(findDocumentQuad(frame, text)).toBeNull();
  });
});

describe('warpQuad and expandQuad', () => {
  it('cuts an axis-aligned quad out as a rectangle of its size', () => {
    const source = grayImage(100, 100, 0);
    fillRect(source, 20, 30, 40, 20, 200);
    const out = warpQuad(source, [{ x: 20, y: 30 }, { x: 59, y: 30 }, { x: 59, y: 49 }, { x: 20, y: 49 }]);
    expect(out).toMatchObject({ width: 40, height: 20 });
    expect(out!.data.every((v) => v === 200)).toBe(true);
  });

  it('grows a quad about its centre', () => {
    const grown = expandQuad([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }], 1.2);
    expect(grown[0]).toEqual({ x: -1, y: -1 });
    expect(grown[2]).toEqual({ x: 11, y: 11 });
  });
});

describe('clearBorder', () => {
  it('whitens dark areas touching the edge and keeps print inside', () => {
    const image = grayImage(50, 50, 250);
    fillRect(image, 0, 0, 50, 5, 10);
    fillRect(image, 20, 20, 5, 5, 10);
    const out = clearBorder(image);
    expect(out.data[2 * 50 + 25]).toBe(255);
    expect(out.data[22 * 50 + 22]).toBe(10);
  });
});

describe('findContentBox', () => {
  it('finds a small receipt on a large scanned page and ignores dust', () => {
    const page = grayImage(600, 800, 255);
    const receipt = textPage(160, 300, { left: 0, top: 0, right: 160, bottom: 300 });
    for (let y = 0; y < 300; y++) page.data.set(receipt.data.subarray(y * 160, (y + 1) * 160), (200 + y) * 600 + 220);
    for (const [x, y] of [[30, 40], [550, 90], [80, 700], [500, 760]] as const) fillRect(page, x, y, 2, 2, 0);
    const box = findContentBox(page);
    expect(box).not.toBeNull();
    expect(box!.left).toBeLessThanOrEqual(220);
    expect(box!.left + box!.width).toBeGreaterThanOrEqual(375);
    expect(box!.top).toBeLessThanOrEqual(200);
    expect(box!.top + box!.height).toBeGreaterThanOrEqual(490);
    expect(box!.width * box!.height).toBeLessThan(600 * 800 * 0.25);
  });

  it('answers null when the print fills the page', () => {
    expect(findContentBox(textPage(300, 400))).toBeNull();
  });
});

describe('estimateTextHeight', () => {
  it('measures the letter height', () => {
    expect(estimateTextHeight(textPage(400, 400, { letter: 12 }))).toBe(12);
  });

  it('answers null without enough letters', () => {
    expect(estimateTextHeight(grayImage(100, 100, 255))).toBeNull();
  });
});
