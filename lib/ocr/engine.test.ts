import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createOcrEngine } from './engine';

const blank = () => sharp({ create: { width: 200, height: 80, channels: 3, background: '#ffffff' } }).png().toBuffer();

describe('createOcrEngine', () => {
  it('starts on first use, stops cleanly, and starts again after a shutdown', { timeout: 120_000 }, async () => {
    const engine = createOcrEngine(1);
    const png = await blank();
    const first = await engine.recognize(png);
    expect(first.lines).toEqual([]);
    await engine.shutdown();
    await engine.shutdown();
    const again = await engine.recognize(png);
    expect(again.text.trim()).toBe('');
    await engine.shutdown();
  });

  it('queues images beyond the pool size and answers each', { timeout: 120_000 }, async () => {
    const engine = createOcrEngine(1);
    const png = await blank();
    const pages = await Promise.all([engine.recognize(png), engine.recognize(png), engine.recognize(png)]);
    expect(pages).toHaveLength(3);
    await engine.shutdown();
  });
});
