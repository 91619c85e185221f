import { type GrayImage, otsuThreshold } from './gray';

// Whitens the dark areas connected to the edge of the image — the table around a cropped
// receipt or card — so Tesseract does not read them as ink. Print inside the margin stays.
export function clearBorder(image: GrayImage): GrayImage {
  const { width, height } = image;
  const data = new Uint8Array(image.data);
  const threshold = otsuThreshold(image);
  const stack: number[] = [];
  const push = (at: number) => {
    if (data[at]! < threshold) {
      data[at] = 255;
      stack.push(at);
    }
  };
  for (let x = 0; x < width; x++) {
    push(x);
    push((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    push(y * width);
    push(y * width + width - 1);
  }
  while (stack.length > 0) {
    const at = stack.pop()!;
    const x = at % width;
    if (x > 0) push(at - 1);
    if (x < width - 1) push(at + 1);
    if (at >= width) push(at - width);
    if (at < (height - 1) * width) push(at + width);
  }
  return { data, width, height };
}
