import { type GrayImage, connectedComponents, otsuThreshold } from './gray';

export interface Point {
  x: number;
  y: number;
}

// Corners in the order top-left, top-right, bottom-right, bottom-left.
export type Quad = [Point, Point, Point, Point];

function polygonArea(points: Point[]): number {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    area += a.x * b.y - b.x * a.y;
  }
  return Math.abs(area) / 2;
}

function inside(quad: Quad, x: number, y: number): boolean {
  // Convex quad, corners clockwise in image coordinates: inside is right of every edge.
  return quad.every((a, i) => {
    const b = quad[(i + 1) % 4]!;
    return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) >= 0;
  });
}

// Share of the letter-sized dark blobs of `text` that lie inside the quad.
function textInside(quad: Quad, text: GrayImage): number {
  const threshold = otsuThreshold(text);
  const { components } = connectedComponents(text, (v) => v < threshold);
  let total = 0;
  let within = 0;
  for (const c of components) {
    const h = c.maxY - c.minY + 1;
    const w = c.maxX - c.minX + 1;
    if (h < 2 || h > text.height / 10 || w > h * 4) continue;
    total += c.size;
    if (inside(quad, (c.minX + c.maxX) / 2, (c.minY + c.maxY) / 2)) within += c.size;
  }
  return total === 0 ? 1 : within / total;
}

// The paper in a photo: the largest bright region that is clearly smaller than the frame
// (a receipt or card on a table, a dark scanner lid). `image` has the print filtered out;
// `text` is the same frame unfiltered, to check the cut-out keeps the text. A page that
// fills the frame, or no clear region, gives null — the image is used as it is.
export function findDocumentQuad(image: GrayImage, text: GrayImage): Quad | null {
  const { width, height } = image;
  const threshold = otsuThreshold(image);
  const { labels, components } = connectedComponents(image, (v) => v >= threshold);
  let best = -1;
  for (let i = 0; i < components.length; i++) if (best < 0 || components[i]!.size > components[best]!.size) best = i;
  if (best < 0) return null;
  const paper = components[best]!;
  const frame = width * height;
  const boxArea = (paper.maxX - paper.minX + 1) * (paper.maxY - paper.minY + 1);
  if (paper.size < frame * 0.08 || boxArea > frame * 0.9) return null;
  const label = best + 1;
  let topLeft = { x: 0, y: 0, score: Infinity };
  let topRight = { x: 0, y: 0, score: -Infinity };
  let bottomRight = { x: 0, y: 0, score: -Infinity };
  let bottomLeft = { x: 0, y: 0, score: Infinity };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (labels[y * width + x] !== label) continue;
      if (x + y < topLeft.score) topLeft = { x, y, score: x + y };
      if (x + y > bottomRight.score) bottomRight = { x, y, score: x + y };
      if (x - y > topRight.score) topRight = { x, y, score: x - y };
      if (x - y < bottomLeft.score) bottomLeft = { x, y, score: x - y };
    }
  }
  const quad: Quad = [topLeft, topRight, bottomRight, bottomLeft].map(({ x, y }) => ({ x, y })) as Quad;
  // Only a flat, four-cornered sheet is cut out: the region must fill its quad (a crumpled or
  // torn receipt does not, and warping it would bend the text).
  const quadArea = polygonArea(quad);
  const fill = paper.size / quadArea;
  if (quadArea > frame * 0.95 || fill < 0.96 || fill > 1.1) return null;
  // A shadow or fold across the paper splits it; a cut-out that leaves text behind is wrong.
  return textInside(quad, text) >= 0.9 ? quad : null;
}

// Scales the quad about its centre: the detected edge runs a little inside the paper where
// it is shaded, and text must not touch the border of the cut-out.
export function expandQuad(quad: Quad, factor: number): Quad {
  const cx = quad.reduce((s, p) => s + p.x, 0) / 4;
  const cy = quad.reduce((s, p) => s + p.y, 0) / 4;
  return quad.map(({ x, y }) => ({ x: cx + (x - cx) * factor, y: cy + (y - cy) * factor })) as Quad;
}
