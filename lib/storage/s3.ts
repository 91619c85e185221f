import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertSafeKey } from './keys';
import type { ObjectStorage } from './storage';

export interface S3StorageConfig {
  // Unset: AWS S3 itself. Set for MinIO, Cloudflare R2, Backblaze B2, DigitalOcean Spaces ….
  endpoint?: string;
  region: string;
  bucket: string;
  // Unset: the SDK's default chain (instance role, AWS_* variables).
  accessKeyId?: string;
  secretAccessKey?: string;
  // `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO needs it).
  forcePathStyle?: boolean;
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);
}

export function createS3Storage(config: S3StorageConfig): ObjectStorage {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle ?? false,
    credentials:
      config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    // Only when an operation needs them: several S3-compatible stores reject the SDK's
    // default CRC32 checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const { bucket } = config;

  return {
    async put(key, bytes, { contentType }) {
      assertSafeKey(key);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
    },

    async get(key) {
      assertSafeKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!res.Body) return null;
        return { bytes: Buffer.from(await res.Body.transformToByteArray()), contentType: res.ContentType ?? null };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
