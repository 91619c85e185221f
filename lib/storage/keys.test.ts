import { describe, expect, it } from 'vitest';
import { assertSafeKey, mediaStorageKey } from './keys';

const tenantId = '0b6e3a4c-2f1d-4c4e-9d65-6c1f0f7a9e21';

describe('mediaStorageKey', () => {
  it('is tenantId/yyyy/mm/<uuid> in UTC', () => {
    const key = mediaStorageKey(tenantId, new Date('2025-01-31T23:30:00-08:00'));

    expect(key).toMatch(new RegExp(`^${tenantId}/2025/02/[0-9a-f-]{36}$`));
  });

  it('is new every time', () => {
    expect(mediaStorageKey(tenantId)).not.toBe(mediaStorageKey(tenantId));
  });
});

describe('assertSafeKey', () => {
  it.each([`${tenantId}/2025/02/9f0c`, 'a', 'a/b.c/d_e-f'])('accepts %s', (key) => {
    expect(() => assertSafeKey(key)).not.toThrow();
  });

  it.each([
    ['empty', ''],
    ['parent directory', `${tenantId}/../other/file`],
    ['leading parent', '../etc/passwd'],
    ['dots inside a segment', 'a/b..c'],
    ['absolute path', '/etc/passwd'],
    ['trailing slash', 'a/b/'],
    ['empty segment', 'a//b'],
    ['current directory', 'a/./b'],
    ['hidden file', 'a/.env'],
    ['backslash', 'a\\..\\b'],
    ['Windows drive', 'C:/Windows'],
    ['NUL byte', 'a/b\u0000c'],
    ['space', 'a/b c'],
    ['too long', 'a'.repeat(513)],
  ])('refuses %s', (_what, key) => {
    expect(() => assertSafeKey(key)).toThrow(/Unsafe storage key/);
  });
});
