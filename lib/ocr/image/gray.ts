// A single-channel 8-bit image held in memory: the shape every step of the preprocessing
// works on between sharp's decode and the final PNG handed to Tesseract.
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export function grayImage(width: number, height: number, fill = 0): GrayImage {
  return { data: new Uint8Array(width * height).fill(fill), width, height };
}

// Otsu's threshold: the grey level that best splits the histogram into two classes, as the
// first level of the bright class (dark is `v < t`, bright is `v >= t`).
export function otsuThreshold(image: GrayImage): number {
  const histogram = new Float64Array(256);
  for (const value of image.data) histogram[value]! += 1;
  const total = image.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * histogram[i]!;
  let sumBackground = 0;
  let weightBackground = 0;
  let best = 0;
  let threshold = 128;
  for (let i = 0; i < 256; i++) {
    weightBackground += histogram[i]!;
    if (weightBackground === 0) continue;
    const weightForeground = total - weightBackground;
    if (weightForeground === 0) break;
    sumBackground += i * histogram[i]!;
    const meanBackground = sumBackground / weightBackground;
    const meanForeground = (sum - sumBackground) / weightForeground;
    const between = weightBackground * weightForeground * (meanBackground - meanForeground) ** 2;
    if (between > best) {
      best = between;
      threshold = i + 1;
    }
  }
  return threshold;
}

export interface Component {
  size: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

// 4-connected components of the pixels `inside` accepts. Returns the label image
// (0 = outside, n = component n) and the components (index n - 1).
export function connectedComponents(
  image: GrayImage,
  inside: (value: number) => boolean,
): { labels: Int32Array; components: Component[] } {
  const { width, height, data } = image;
  const labels = new Int32Array(width * height);
  const components: Component[] = [];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < data.length; start++) {
    if (labels[start] !== 0 || !inside(data[start]!)) continue;
    const label = components.length + 1;
    const component: Component = { size: 0, minX: width, minY: height, maxX: 0, maxY: 0 };
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const at = stack[--top]!;
      const x = at % width;
      const y = (at - x) / width;
      component.size++;
      if (x < component.minX) component.minX = x;
      if (x > component.maxX) component.maxX = x;
      if (y < component.minY) component.minY = y;
      if (y > component.maxY) component.maxY = y;
      const neighbours = [x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, y > 0 ? at - width : -1, y < height - 1 ? at + width : -1];
      for (const next of neighbours) {
        if (next >= 0 && labels[next] === 0 && inside(data[next]!)) {
          labels[next] = label;
          stack[top++] = next;
        }
      }
    }
    components.push(component);
  }
  return { labels, components };
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
