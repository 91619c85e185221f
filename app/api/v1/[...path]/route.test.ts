import { describe, expect, it } from 'vitest';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { DELETE, GET, PATCH, POST, PUT } from './route';

describe('unknown /api/v1 routes', () => {
  it.each([
    ['GET', GET],
    ['POST', POST],
    ['PUT', PUT],
    ['PATCH', PATCH],
    ['DELETE', DELETE],
  ])('answer %s with 404 problem+json naming the endpoint', async (method, handler) => {
    const res = await callRoute(handler, { method, path: '/api/v1/customerz/42' });

    const problem = await expectProblem(res, 404);
    expect(problem).toMatchObject({ type: 'urn:sembang:problem:not_found', title: 'Not found', errors: [] });
    expect(problem.detail).toBe(`No endpoint ${method} /api/v1/customerz/42. See /api/v1/openapi.json.`);
  });
});
