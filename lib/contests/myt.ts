// The contest form shows and takes times in Malaysian time (UTC+8, no daylight saving), in the
// `datetime-local` input's format, whatever the browser's own zone.

const MYT_OFFSET_MS = 8 * 3_600_000;

// "2026-04-01T00:00" for 2026-03-31T16:00:00Z.
export function toMytLocal(iso: string): string {
  return new Date(new Date(iso).getTime() + MYT_OFFSET_MS).toISOString().slice(0, 16);
}

// "2026-04-01T00:00" → "2026-04-01T00:00:00+08:00" for the API; blank stays blank.
export function fromMytLocal(local: string): string {
  const trimmed = local.trim();
  if (trimmed === '') return '';
  return `${trimmed.length === 16 ? `${trimmed}:00` : trimmed}+08:00`;
}
