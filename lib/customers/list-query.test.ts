import { describe, expect, it } from 'vitest';
import { customerListQuerySchema, parseListQueryLeniently } from './list-query';

const fieldsOf = (params: Record<string, string>) => {
  const result = customerListQuerySchema.safeParse(params);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('customerListQuerySchema', () => {
  it('reads comma-separated values, ages and days from strings, with defaults', () => {
    expect(customerListQuerySchema.parse({ state: 'MY-10, MY-14', gender: 'F', ageMin: '25', lastInteractionWithinDays: '30' })).toMatchObject({
      state: ['MY-10', 'MY-14'],
      gender: ['F'],
      ageMin: 25,
      lastInteractionWithinDays: 30,
      sort: 'created',
      limit: 50,
    });
  });

  it.each([
    [{ state: 'MY-17' }, ['state']],
    [{ state: ',' }, ['state']],
    [{ gender: 'X' }, ['gender']],
    [{ maritalStatus: 'complicated' }, ['maritalStatus']],
    [{ consentStatus: 'yes' }, ['consentStatus']],
    [{ ageMin: '-1' }, ['ageMin']],
    [{ ageMax: 'old' }, ['ageMax']],
    [{ ageMin: '40', ageMax: '30' }, ['ageMax']],
    [{ lastInteractionWithinDays: '0' }, ['lastInteractionWithinDays']],
    [{ lastInteractionBefore: '2026-02-30' }, ['lastInteractionBefore']],
    [{ sort: 'phone' }, ['sort']],
    [{ order: 'up' }, ['order']],
    [{ search: 'x'.repeat(101) }, ['search']],
  ])('refuses %j on its field', (params, fields) => {
    expect(fieldsOf(params)).toEqual(fields);
  });
});

describe('parseListQueryLeniently', () => {
  it('drops what does not validate, keeps the rest and says what it ignored', () => {
    const { query, ignored } = parseListQueryLeniently({ gender: 'F', ageMin: 'abc', sort: 'name' });

    expect(query).toMatchObject({ gender: ['F'], sort: 'name' });
    expect(query.ageMin).toBeUndefined();
    expect(ignored.map((e) => e.field)).toEqual(['ageMin']);
  });
});
