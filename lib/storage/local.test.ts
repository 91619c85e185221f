import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storageFromEnv } from './index';
import { createLocalStorage } from './local';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sembang-storage-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const key = 'c0ffee00-0000-4000-8000-000000000001/2025/03/1d4a';

describe('createLocalStorage', () => {
  it('stores, reads back and deletes bytes with their content type', async () => {
    const storage = createLocalStorage(dir);
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);

    await storage.put(key, bytes, { contentType: 'image/jpeg' });

    expect(readFileSync(path.join(dir, key))).toEqual(bytes);
    expect(await storage.get(key)).toEqual({ bytes, contentType: 'image/jpeg' });
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(existsSync(path.join(dir, key))).toBe(false);
  });

  it('answers null for a missing key and deletes one without complaint', async () => {
    const storage = createLocalStorage(dir);

    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('replaces a key whole and leaves no temporary files behind', async () => {
    const storage = createLocalStorage(dir);
    await storage.put(key, Buffer.from('first'), { contentType: 'text/plain' });

    await storage.put(key, Buffer.from('second'), { contentType: 'application/pdf' });

    expect(await storage.get(key)).toEqual({ bytes: Buffer.from('second'), contentType: 'application/pdf' });
    expect(readdirSync(path.dirname(path.join(dir, key))).sort()).toEqual(['1d4a', '1d4a.content-type']);
  });

  it.each(['../escape', '/etc/passwd', 'a/../../escape', 'a/b.content-type'])('refuses the key %s for every operation', async (bad) => {
    const storage = createLocalStorage(path.join(dir, 'root'));

    await expect(storage.put(bad, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.get(bad)).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.delete(bad)).rejects.toThrow(/Unsafe storage key/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('storageFromEnv without S3_BUCKET', () => {
  it('keeps files under $DATA_DIR/media', async () => {
    const storage = storageFromEnv({ DATA_DIR: dir, S3_BUCKET: undefined, S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false });

    await storage.put(key, Buffer.from('%PDF-1.7'), { contentType: 'application/pdf' });

    expect(readFileSync(path.join(dir, 'media', key), 'utf8')).toBe('%PDF-1.7');
  });
});
