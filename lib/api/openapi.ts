import { z } from 'zod';
import { problemSchema } from './schemas';

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  // Request headers the operation reads (e.g. Idempotency-Key).
  headers?: z.ZodObject;
  body?: z.ZodType;
  // File uploads are multipart/form-data; everything else is JSON.
  bodyType?: 'application/json' | 'multipart/form-data';
  // contentType: e.g. text/csv for a download; JSON when not given.
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

type JsonSchema = Record<string, unknown>;

// Converts one zod schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect), hoisting named
// sub-schemas (`.meta({ id })`) into components.
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  const rewritten = JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  const { $defs, $schema: _dialect, id: _id, ...rest } = rewritten as JsonSchema & { $defs?: Record<string, JsonSchema> };
  Object.assign(components, $defs ?? {});
  if (!id) return rest;
  const ref = `#/components/schemas/${id}`;
  // zod already hoists a root schema that has an id into $defs and answers a $ref to it;
  // storing that $ref as the component would make it point at itself.
  if (rest.$ref !== ref) components[id] = rest;
  return { $ref: ref };
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query' | 'header', components: Record<string, JsonSchema>) {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: toSchema(field as z.ZodType, 'input', components),
  }));
}

export function buildOpenApiDocument(operations: Operation[], serverUrl: string) {
  const components: Record<string, JsonSchema> = {};
  const problemContent = { 'application/problem+json': { schema: toSchema(problemSchema, 'output', components) } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      if (r.schema) responses[status] = { description: r.description, content: { [r.contentType ?? 'application/json']: { schema: toSchema(r.schema, 'output', components) } } };
      // Errors are problem+json whether or not the spec names a schema for them.
      else responses[status] = Number(status) >= 400 ? { description: r.description, content: problemContent } : { description: r.description };
    }
    for (const [status, description] of [['401', 'Missing or revoked API key'], ['422', 'Invalid input']] as const) {
      responses[status] ??= { description, content: problemContent };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/\/api\/v1/, '').replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: [...parameters(op.params, 'path', components), ...parameters(op.query, 'query', components), ...parameters(op.headers, 'header', components)],
      ...(op.body ? { requestBody: { required: true, content: { [op.bodyType ?? 'application/json']: { schema: toSchema(op.body, 'input', components) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sembang API',
      version: '1.0.0',
      description: 'Tenant-scoped REST API. Authenticate with `Authorization: Bearer <API key>` (Settings → API keys). Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
  };
}
