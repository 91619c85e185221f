import { randomUUID } from 'node:crypto';

// Relative `a/b/c` paths of plain segments. Keys end up as file paths (local) and object
// names (S3), so nothing that could climb out of the root or mean something to a shell.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

export function assertSafeKey(key: string): void {
  const segments = key.split('/');
  const ok = key.length > 0 && key.length <= MAX_KEY_LENGTH && segments.every((s) => SEGMENT.test(s) && !s.includes('..'));
  if (!ok) throw new Error(`Unsafe storage key: ${JSON.stringify(key.slice(0, 100))}`);
}

// `tenantId/yyyy/mm/<uuid>` (UTC): the tenant prefix keeps one tenant's files together for
// export and erasure; the month spreads directories out.
export function mediaStorageKey(tenantId: string, now: Date = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  const key = `${tenantId}/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
  assertSafeKey(key);
  return key;
}
