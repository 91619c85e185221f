import { type GrayImage, connectedComponents, grayImage, otsuThreshold } from './gray';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

// The part of a page that holds the print: a small receipt scanned on a large page, with
// dust specks around it, becomes just the receipt. Ink is counted on a coarse grid; groups
// of neighbouring inked cells that carry a real share of the ink are kept, isolated specks
// dropped. Null when the print already fills most of the page.
export function findContentBox(image: GrayImage, cellsOnLongSide = 48): Rect | null {
  const { width, height, data } = image;
  const threshold = otsuThreshold(image);
  const cell = Math.max(2, Math.ceil(Math.max(width, height) / cellsOnLongSide));
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const ink = new Float64Array(cols * rows);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (data[y * width + x]! < threshold) ink[Math.floor(y / cell) * cols + Math.floor(x / cell)]! += 1;
  }
  // A cell is inked when it holds more than a speck; gaps of one cell (between words and
  // lines) are closed before grouping.
  const minInk = Math.max(3, cell * cell * 0.02);
  const grid = grayImage(cols, rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let any = false;
      for (let dr = -1; dr <= 1 && !any; dr++) {
        for (let dc = -1; dc <= 1 && !any; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          any = rr >= 0 && cc >= 0 && rr < rows && cc < cols && ink[rr * cols + cc]! >= minInk;
        }
      }
      grid.data[r * cols + c] = any ? 1 : 0;
    }
  }
  const { labels, components } = connectedComponents(grid, (v) => v === 1);
  const mass = new Float64Array(components.length);
  let total = 0;
  for (let i = 0; i < ink.length; i++) {
    if (ink[i]! < minInk) continue;
    if (labels[i]! > 0) mass[labels[i]! - 1]! += ink[i]!;
    total += ink[i]!;
  }
  if (total === 0) return null;
  let box: { minX: number; minY: number; maxX: number; maxY: number } | null = null;
  for (const [i, c] of components.entries()) {
    if (mass[i]! < total * 0.04) continue;
    box = box
      ? { minX: Math.min(box.minX, c.minX), minY: Math.min(box.minY, c.minY), maxX: Math.max(box.maxX, c.maxX), maxY: Math.max(box.maxY, c.maxY) }
      : { minX: c.minX, minY: c.minY, maxX: c.maxX, maxY: c.maxY };
  }
  if (!box) return null;
  const { minX, minY, maxX, maxY } = box;
  const left = Math.max(0, minX * cell);
  const top = Math.max(0, minY * cell);
  const right = Math.min(width, (maxX + 1) * cell);
  const bottom = Math.min(height, (maxY + 1) * cell);
  if ((right - left) * (bottom - top) > width * height * 0.6) return null;
  return { left, top, width: right - left, height: bottom - top };
}
