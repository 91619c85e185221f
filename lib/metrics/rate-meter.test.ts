import { describe, expect, it } from 'vitest';
import { createRateMeter, processRateMeter } from './rate-meter';

describe('rate meter', () => {
  it('counts what was noted in the last second, per second', () => {
    let now = 10_000;
    const meter = createRateMeter({ clock: () => now });
    expect(meter.perSecond()).toBe(0);
    meter.note(300);
    now += 450;
    meter.note(200);
    expect(meter.perSecond()).toBe(500);
  });

  it('forgets what is older than a second, bucket by bucket', () => {
    let now = 10_000;
    const meter = createRateMeter({ clock: () => now });
    meter.note(100);
    now += 500;
    meter.note(40);
    now += 600; // the first 100 is now 1.1 s old
    expect(meter.perSecond()).toBe(40);
    now += 5_000; // long quiet: nothing left, and old buckets are not reused with stale counts
    expect(meter.perSecond()).toBe(0);
    meter.note(7);
    expect(meter.perSecond()).toBe(7);
  });

  it('is one meter per name for the whole process, whichever bundle asks', () => {
    const a = processRateMeter('test.meter');
    a.note(3);
    expect(processRateMeter('test.meter').perSecond()).toBe(3);
    expect(processRateMeter('test.other').perSecond()).toBe(0);
  });
});
