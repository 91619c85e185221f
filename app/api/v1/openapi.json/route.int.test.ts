import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '@/lib/api/spec';
import { resetEnvCache } from '@/lib/env';
import { callRoute } from '@/lib/testing/http';
import { GET } from './route';

afterEach(() => {
  delete process.env.APP_URL;
  resetEnvCache();
});

interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

describe('GET /api/v1/openapi.json', () => {
  it('serves the OpenAPI 3.1 document of every endpoint, without an API key', async () => {
    const res = await callRoute(GET, { path: '/api/v1/openapi.json' });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as Document;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([{ url: 'http://localhost' }]);
    for (const op of operations) expect(doc.paths[op.path], `${op.method} ${op.path}`).toHaveProperty(op.method);
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('names the configured public URL as its server', async () => {
    process.env.APP_URL = 'https://crm.kedai.example/';
    resetEnvCache();

    const doc = (await (await callRoute(GET, { path: '/api/v1/openapi.json' })).json()) as Document;

    expect(doc.servers).toEqual([{ url: 'https://crm.kedai.example' }]);
  });
});
