// How many things happened in the last second, from 100 ms buckets: cheap enough to call on
// every webhook delivery. In-process only; never persisted.

const BUCKET_MS = 100;
const BUCKETS = 10;

export interface RateMeter {
  note(count?: number): void;
  // Over the last second (the current bucket and the nine before it).
  perSecond(): number;
}

export function createRateMeter(options: { clock?: () => number } = {}): RateMeter {
  const clock = options.clock ?? Date.now;
  const counts = new Array<number>(BUCKETS).fill(0);
  // The absolute bucket number (time / BUCKET_MS) each slot's count belongs to.
  const slots = new Array<number>(BUCKETS).fill(-1);

  return {
    note(count = 1) {
      const bucket = Math.floor(clock() / BUCKET_MS);
      const i = bucket % BUCKETS;
      if (slots[i] !== bucket) {
        slots[i] = bucket;
        counts[i] = 0;
      }
      counts[i] = (counts[i] ?? 0) + count;
    },
    perSecond() {
      const oldest = Math.floor(clock() / BUCKET_MS) - BUCKETS + 1;
      let total = 0;
      for (let i = 0; i < BUCKETS; i++) if ((slots[i] ?? -1) >= oldest) total += counts[i] ?? 0;
      return total;
    },
  };
}

// Next.js bundles route handlers and instrumentation.ts separately, so a module-level meter
// would exist once per bundle: the process's meters live on globalThis instead.
const holder = globalThis as typeof globalThis & { __sembangRateMeters?: Map<string, RateMeter> };

export function processRateMeter(name: string): RateMeter {
  holder.__sembangRateMeters ??= new Map();
  let meter = holder.__sembangRateMeters.get(name);
  if (!meter) {
    meter = createRateMeter();
    holder.__sembangRateMeters.set(name, meter);
  }
  return meter;
}
