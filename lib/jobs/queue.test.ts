import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './queue';

describe('retryDelayMs', () => {
  it('doubles per attempt within ±20% jitter', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, () => 0)).toBe(6400);
    expect(retryDelayMs(3, () => 1)).toBe(9600);
  });

  it('caps the delay at an hour', () => {
    expect(retryDelayMs(20, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(20, () => 1)).toBe(4_320_000);
  });
});
