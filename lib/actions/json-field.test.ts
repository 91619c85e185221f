import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonField } from './json-field';

describe('jsonField', () => {
  const field = jsonField('The request', z.object({ ids: z.array(z.string()) }));

  it('parses the JSON and checks it', () => {
    expect(field.parse('{"ids":["a","b"]}')).toEqual({ ids: ['a', 'b'] });
    expect(field.safeParse('{"ids":"a"}').success).toBe(false);
  });

  it('names the field when the JSON is broken', () => {
    const result = field.safeParse('{"ids":');
    expect(result.success ? null : result.error.issues.map((i) => i.message)).toEqual(['The request is not valid JSON.']);
  });
});
