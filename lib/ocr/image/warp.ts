import type { Quad } from './document';
import { type GrayImage, grayImage } from './gray';

// Solves A·x = b by Gaussian elimination with partial pivoting (8×8 here).
function solve(matrix: number[][], vector: number[]): number[] | null {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

// The homography taking the output rectangle's corners onto the quad in the source.
function homography(quad: Quad, width: number, height: number): number[] | null {
  const targets = [
    { x: 0, y: 0 },
    { x: width - 1, y: 0 },
    { x: width - 1, y: height - 1 },
    { x: 0, y: height - 1 },
  ];
  const rows: number[][] = [];
  const values: number[] = [];
  targets.forEach(({ x, y }, i) => {
    const { x: u, y: v } = quad[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    values.push(u);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    values.push(v);
  });
  return solve(rows, values);
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

// Cuts the quad out of the image and straightens it into a rectangle (bilinear sampling);
// undoes the rotation and the keystone of a photographed receipt or card.
export function warpQuad(source: GrayImage, quad: Quad, background = 255): GrayImage | null {
  const [tl, tr, br, bl] = quad;
  // Corners are pixel centres, so n pixels span a distance of n − 1.
  const width = Math.round((distance(tl, tr) + distance(bl, br)) / 2) + 1;
  const height = Math.round((distance(tl, bl) + distance(tr, br)) / 2) + 1;
  if (width < 16 || height < 16) return null;
  const h = homography(quad, width, height);
  if (!h) return null;
  const [a, b, c, d, e, f, g, k] = h as [number, number, number, number, number, number, number, number];
  const out = grayImage(width, height, background);
  const { data: src, width: sw, height: sh } = source;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = g * x + k * y + 1;
      const u = (a * x + b * y + c) / w;
      const v = (d * x + e * y + f) / w;
      if (u < 0 || v < 0 || u > sw - 1 || v > sh - 1) continue;
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const x1 = Math.min(x0 + 1, sw - 1);
      const y1 = Math.min(y0 + 1, sh - 1);
      const fx = u - x0;
      const fy = v - y0;
      const top = src[y0 * sw + x0]! * (1 - fx) + src[y0 * sw + x1]! * fx;
      const bottom = src[y1 * sw + x0]! * (1 - fx) + src[y1 * sw + x1]! * fx;
      out.data[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return out;
}
