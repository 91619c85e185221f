import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeKey } from './keys';
import type { ObjectStorage } from './storage';

// The content type sits beside the file; keys may not end with the suffix, so no key can
// read or overwrite another key's type.
const TYPE_SUFFIX = '.content-type';

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

// Files under rootDir (the embedded default: `$DATA_DIR/media`).
export function createLocalStorage(rootDir: string): ObjectStorage {
  const root = path.resolve(rootDir);

  const fileFor = (key: string): string => {
    assertSafeKey(key);
    if (key.endsWith(TYPE_SUFFIX)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    const file = path.resolve(root, key);
    // assertSafeKey already rules out `..`; this is the second guard.
    if (!file.startsWith(root + path.sep)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    return file;
  };

  // Written to a temporary name and renamed, so a reader never sees half a file.
  const writeAtomically = async (file: string, data: Buffer | string): Promise<void> => {
    const temp = `${file}.${randomUUID()}.tmp`;
    await writeFile(temp, data, { mode: 0o600 });
    await rename(temp, file);
  };

  return {
    async put(key, bytes, { contentType }) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeAtomically(file + TYPE_SUFFIX, contentType);
      await writeAtomically(file, bytes);
    },

    async get(key) {
      const file = fileFor(key);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      const contentType = await readFile(file + TYPE_SUFFIX, 'utf8').catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      return { bytes, contentType: contentType || null };
    },

    async delete(key) {
      const file = fileFor(key);
      await rm(file, { force: true });
      await rm(file + TYPE_SUFFIX, { force: true });
    },
  };
}
