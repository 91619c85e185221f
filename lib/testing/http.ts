import { expect } from 'vitest';
import type { Problem } from '@/lib/api/problem';

type RouteHandler<P> = (req: Request, route: { params: Promise<P> }) => Response | Promise<Response>;

export interface RouteCall<P> {
  method?: string;
  path: string;
  // An API key secret, sent as `Authorization: Bearer <key>`.
  key?: string;
  // Sent as JSON with Content-Type: application/json.
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  params?: P;
}

// Calls an exported route handler the way Next.js does, without a server.
export function callRoute<P>(handler: RouteHandler<P>, call: RouteCall<P>): Promise<Response> {
  const headers = new Headers(call.headers);
  if (call.key) headers.set('authorization', `Bearer ${call.key}`);
  if (call.json !== undefined) headers.set('content-type', 'application/json');
  const body = call.json !== undefined ? JSON.stringify(call.json) : call.body;
  // Node needs duplex for a streamed body; the DOM typings do not know the option yet.
  const init: RequestInit & { duplex?: 'half' } = { method: call.method ?? 'GET', headers, body, duplex: body instanceof ReadableStream ? 'half' : undefined };
  const req = new Request(`http://localhost${call.path}`, init);
  return Promise.resolve(handler(req, { params: Promise.resolve(call.params ?? ({} as P)) }));
}

// Asserts an RFC 9457 problem response with this status and returns its body.
export async function expectProblem(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await res.json()) as Problem;
  expect(problem).toEqual({ type: expect.stringMatching(/^urn:sembang:problem:/), title: expect.any(String), status, detail: expect.any(String), errors: expect.any(Array) });
  return problem;
}
