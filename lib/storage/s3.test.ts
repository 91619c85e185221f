import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storageFromEnv } from './index';
import { createS3Storage } from './s3';

interface SeenRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

// A bucket on loopback that speaks just enough path-style S3 for the driver. Signatures are
// not checked; what the SDK sends is recorded instead.
const objects = new Map<string, { body: Buffer; contentType: string }>();
const seen: SeenRequest[] = [];
let server: Server;
let endpoint: string;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    seen.push({ method: req.method ?? '', path, contentType: req.headers['content-type'], authorization: req.headers.authorization, body });
    if (req.method === 'PUT') {
      objects.set(path, { body, contentType: req.headers['content-type'] ?? 'application/octet-stream' });
      res.writeHead(200, { etag: '"fake"' }).end();
    } else if (req.method === 'GET') {
      const object = objects.get(path);
      if (!object) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.body.length }).end(object.body);
    } else if (req.method === 'DELETE') {
      objects.delete(path);
      res.writeHead(204).end();
    } else {
      res.writeHead(405).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  objects.clear();
  seen.length = 0;
});

const key = 'c0ffee00-0000-4000-8000-000000000001/2025/03/7e9b';
const config = () => ({ endpoint, region: 'ap-southeast-1', bucket: 'sembang-media', accessKeyId: 'test-key', secretAccessKey: 'test-secret', forcePathStyle: true });

describe('createS3Storage against a path-style S3 endpoint', () => {
  it('PUTs the bytes with their content type to /bucket/key, signed', async () => {
    const storage = createS3Storage(config());
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

    await storage.put(key, bytes, { contentType: 'image/png' });

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'PUT', path: `/sembang-media/${key}`, contentType: 'image/png', body: bytes });
    expect(seen[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/ap-southeast-1\/s3\/aws4_request/);
  });

  it('GETs an object back with its content type', async () => {
    const storage = createS3Storage(config());
    await storage.put(key, Buffer.from('%PDF-1.7 body'), { contentType: 'application/pdf' });

    const object = await storage.get(key);

    expect(object).toEqual({ bytes: Buffer.from('%PDF-1.7 body'), contentType: 'application/pdf' });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', path: `/sembang-media/${key}` });
  });

  it('answers null for a missing object (NoSuchKey)', async () => {
    expect(await createS3Storage(config()).get(key)).toBeNull();
    expect(seen).toMatchObject([{ method: 'GET', path: `/sembang-media/${key}` }]);
  });

  it('DELETEs an object', async () => {
    const storage = createS3Storage(config());
    await storage.put(key, Buffer.from('x'), { contentType: 'text/plain' });

    await storage.delete(key);

    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/sembang-media/${key}` });
    expect(objects.size).toBe(0);
  });

  it('refuses an unsafe key before any request', async () => {
    const storage = createS3Storage(config());

    await expect(storage.put('../other-tenant/x', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(/Unsafe storage key/);
    expect(seen).toHaveLength(0);
  });

  it('is what storageFromEnv picks when S3_BUCKET is set', async () => {
    const storage = storageFromEnv({
      DATA_DIR: '/nonexistent',
      S3_BUCKET: 'from-env',
      S3_REGION: 'auto',
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: 'env-key',
      S3_SECRET_ACCESS_KEY: 'env-secret',
      S3_FORCE_PATH_STYLE: true,
    });

    await storage.put(key, Buffer.from('hello'), { contentType: 'text/plain' });

    expect(seen).toMatchObject([{ method: 'PUT', path: `/from-env/${key}`, body: Buffer.from('hello') }]);
    expect(seen[0]?.authorization).toContain('Credential=env-key/');
  });
});
