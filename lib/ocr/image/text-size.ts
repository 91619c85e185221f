import { type GrayImage, connectedComponents, median, otsuThreshold } from './gray';

// Median height in pixels of the character-sized dark blobs, or null when there are too
// few to tell. Used to scale the page so Tesseract sees letters of the size it reads best.
export function estimateTextHeight(image: GrayImage): number | null {
  const threshold = otsuThreshold(image);
  const { components } = connectedComponents(image, (v) => v < threshold);
  const heights: number[] = [];
  const maxHeight = image.height / 8;
  for (const c of components) {
    const w = c.maxX - c.minX + 1;
    const h = c.maxY - c.minY + 1;
    // Specks, rules, barcodes and photos are not letters.
    if (h < 4 || h > maxHeight || w > h * 3 || w * 6 < h || c.size < 8) continue;
    heights.push(h);
  }
  return heights.length >= 20 ? median(heights) : null;
}
