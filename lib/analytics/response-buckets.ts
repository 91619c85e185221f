// First-response times are kept as a histogram per day (a median cannot be summed): bucket i
// holds the answered threads whose first reply came within RESPONSE_BUCKET_LIMITS[i] seconds
// (and after the previous limit). Minutes up to 10, then coarser up to the 24-hour cut-off.
export const RESPONSE_BUCKET_LIMITS = [
  60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10_800, 14_400, 21_600, 28_800, 43_200, 64_800, 86_400,
] as const;

// SQL for the bucket of `seconds` (an SQL expression): the first limit it does not exceed.
export function bucketCase(seconds: string): string {
  const whens = RESPONSE_BUCKET_LIMITS.map((limit, i) => `when ${seconds} <= ${limit} then ${i}`).join(' ');
  return `(case ${whens} else ${RESPONSE_BUCKET_LIMITS.length - 1} end)`;
}

// The median as the upper limit of the bucket holding the middle thread ("half of the threads
// were answered within …"), or null with no answered threads.
export function medianFromBuckets(counts: ReadonlyMap<number, number>): number | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < RESPONSE_BUCKET_LIMITS.length; i++) {
    seen += counts.get(i) ?? 0;
    if (seen * 2 >= total) return RESPONSE_BUCKET_LIMITS[i] ?? null;
  }
  return RESPONSE_BUCKET_LIMITS[RESPONSE_BUCKET_LIMITS.length - 1] ?? null;
}
