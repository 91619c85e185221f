export interface StoredObject {
  bytes: Buffer;
  contentType: string | null;
}

// Where media bytes live: local disk in the embedded mode, an S3-compatible bucket in
// production (DESIGN §3). Keys are relative, tenant-prefixed paths (see keys.ts).
export interface ObjectStorage {
  put(key: string, bytes: Buffer, options: { contentType: string }): Promise<void>;
  // null when nothing is stored under the key.
  get(key: string): Promise<StoredObject | null>;
  // Deleting a missing key is not an error.
  delete(key: string): Promise<void>;
}
