import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { roles } from '@/db/schema';
import { buildOpenApiDocument } from './openapi';
import { operations } from './spec';

const doc = buildOpenApiDocument(operations, 'https://crm.example.com');

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: Json;
}
interface DocOperation {
  operationId: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
}

function operation(method: string, path: string): DocOperation {
  const found = (doc.paths[path] as Record<string, DocOperation> | undefined)?.[method];
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
}

// What the document must say for a zod schema: its JSON Schema, without the dialect line, and
// with its named sub-schemas (e.g. the recursive SegmentFilter) as they are in components.
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json & { $defs?: Record<string, Json> };
  const inComponents = (value: Json) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [id, def] of Object.entries($defs ?? {})) expect(doc.components.schemas[id], id).toEqual(inComponents(def));
  return inComponents(rest);
}

// Follows a $ref (and any $ref it lands on) to the schema that defines it.
function resolve(ref: string, seen: string[] = []): Json {
  expect(ref).toMatch(/^#\/components\/schemas\/\w+$/);
  expect(seen, `circular $ref ${[...seen, ref].join(' → ')}`).not.toContain(ref);
  const target = (doc.components.schemas as Record<string, Json | undefined>)[ref.split('/').pop() ?? ''];
  expect(target, `${ref} is not in components`).toBeDefined();
  return typeof target?.$ref === 'string' ? resolve(target.$ref, [...seen, ref]) : (target ?? {});
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with bearer authentication and the given server', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.servers).toEqual([{ url: 'https://crm.example.com' }]);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('has every operation of the spec, with a unique operationId', () => {
    const listed = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(listed.sort()).toEqual(operations.map((op) => `${op.method} ${op.path}`).sort());
    const ids = operations.map((op) => operation(op.method, op.path).operationId);
    expect(new Set(ids).size).toBe(operations.length);
  });

  it.each(operations.filter((op) => op.body))('describes the body of $method $path from its zod schema', (op) => {
    const body = operation(op.method, op.path).requestBody;
    expect(body?.required).toBe(true);
    expect(body?.content[op.bodyType ?? 'application/json']?.schema).toEqual(jsonSchema(op.body as z.ZodType));
  });

  it('documents the invitation body fields with their rules', () => {
    const schema = operation('post', '/api/v1/invitations').requestBody?.content['application/json']?.schema;
    expect(schema).toMatchObject({
      type: 'object',
      required: ['email', 'role'],
      properties: { email: { type: 'string', format: 'email' }, role: { enum: [...roles] } },
    });
  });

  it.each(operations.filter((op) => op.params || op.query || op.headers))('describes the parameters of $method $path from its zod schemas', (op) => {
    const expected = [
      ...Object.entries(op.params?.shape ?? {}).map(([name, s]) => ({ name, in: 'path', required: true, schema: jsonSchema(s as z.ZodType) })),
      // A query parameter is required when leaving it out does not validate (e.g. the metric of a time series).
      ...Object.entries(op.query?.shape ?? {}).map(([name, s]) => ({ name, in: 'query', required: !(s as z.ZodType).safeParse(undefined).success, schema: jsonSchema(s as z.ZodType) })),
      ...Object.entries(op.headers?.shape ?? {}).map(([name, s]) => ({ name, in: 'header', required: false, schema: jsonSchema(s as z.ZodType) })),
    ];
    expect(operation(op.method, op.path).parameters).toEqual(expected);
  });

  it('names every path parameter of a path', () => {
    for (const op of operations) {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = operation(op.method, op.path).parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, `${op.method} ${op.path}`).toEqual(inPath);
    }
  });

  // Problem, or a named extension of it (e.g. DuplicatePurchaseProblem with existingPurchaseId).
  it('answers errors as problem+json', () => {
    const problem = resolve('#/components/schemas/Problem');
    for (const op of operations) {
      const { responses } = operation(op.method, op.path);
      for (const [status, response] of Object.entries(responses).filter(([s]) => Number(s) >= 400)) {
        const ref = response.content?.['application/problem+json']?.schema.$ref;
        expect(ref, `${op.method} ${op.path} ${status}`).toMatch(/^#\/components\/schemas\/\w*Problem$/);
        expect(resolve(String(ref))).toMatchObject({ required: expect.arrayContaining(problem.required as string[]), properties: expect.objectContaining(problem.properties as Json) });
      }
    }
  });

  it('hoists the named response schemas into components, and every $ref resolves', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(operations.length);
    for (const ref of refs) expect(resolve(ref), ref).toHaveProperty('type');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'Member', 'Invitation', 'CreatedInvitation', 'AuditEntry', 'Tenant']));
    expect(doc.components.schemas.Member).toMatchObject({ type: 'object', required: expect.arrayContaining(['userId', 'email', 'role']) });
  });
});
