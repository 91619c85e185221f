import { type GrayImage, connectedComponents, otsuThreshold } from './gray';

interface Ink {
  xs: Int32Array;
  ys: Int32Array;
  count: number;
}

// The pixels of every letter-sized blob. Rules, barcodes, stamps, the paper's edge and dust
// are left out, so only text steers the angle.
function letterInk(image: GrayImage): Ink {
  const { width, height } = image;
  const threshold = otsuThreshold(image);
  const { labels, components } = connectedComponents(image, (v) => v < threshold);
  const letter = components.map((c) => {
    const w = c.maxX - c.minX + 1;
    const h = c.maxY - c.minY + 1;
    return h >= 3 && h <= height / 10 && w <= h * 4 && c.size >= 4;
  });
  const xs = new Int32Array(width * height);
  const ys = new Int32Array(width * height);
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const label = labels[y * width + x]!;
      if (label > 0 && letter[label - 1]) {
        xs[count] = x;
        ys[count] = y;
        count++;
      }
    }
  }
  return { xs, ys, count };
}

// How sharply the ink stacks into rows when projected at `angle`: the sum of squared row
// counts (projection profile). Level text lines give few, full rows.
function profileEnergy({ xs, ys, count }: Ink, angle: number): number {
  const sin = Math.sin(angle);
  const cos = Math.cos(angle);
  const bins = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const row = Math.round(ys[i]! * cos - xs[i]! * sin);
    bins.set(row, (bins.get(row) ?? 0) + 1);
  }
  let energy = 0;
  for (const n of bins.values()) energy += n * n;
  return energy;
}

// The angle (degrees) by which the text lines slope down to the right, searched within
// ±maxDegrees; 0 when there are too few letters to tell.
export function estimateSkew(image: GrayImage, maxDegrees = 10): number {
  const ink = letterInk(image);
  if (ink.count < 300) return 0;
  const search = (from: number, to: number, step: number) => {
    let best = 0;
    let bestEnergy = -1;
    for (let deg = from; deg <= to + 1e-9; deg += step) {
      const energy = profileEnergy(ink, (deg * Math.PI) / 180);
      // Prefer the smaller correction when two angles tie.
      if (energy > bestEnergy || (energy === bestEnergy && Math.abs(deg) < Math.abs(best))) {
        bestEnergy = energy;
        best = deg;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.5);
  return Math.round(search(coarse - 0.5, coarse + 0.5, 0.1) * 10) / 10;
}
