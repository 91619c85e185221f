import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, segmentCriteriaSchema } from './filter-schema';

function problems(input: unknown) {
  const result = segmentCriteriaSchema.safeParse(input);
  if (result.success) throw new Error('expected the criteria to be refused');
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('segmentCriteriaSchema', () => {
  it('accepts the documented shape with nested and/or/not', () => {
    const criteria = {
      filter: {
        and: [
          { field: 'totalSpent', op: 'gte', value: '150.50' },
          { field: 'age', op: 'between', value: [25, 40] },
          { or: [{ field: 'state', op: 'in', value: ['MY-10', 'MY-14'] }, { not: { field: 'gender', op: 'eq', value: 'M' } }] },
          { field: 'lastPurchaseAt', op: 'withinDays', value: 30 },
          { field: 'hasIc', op: 'eq', value: true },
          { field: 'createdAt', op: 'between', value: ['2026-01-01', '2026-06-30'] },
          { field: 'tier', op: 'notNull' },
        ],
      },
    };
    const parsed = segmentCriteriaSchema.parse(criteria);
    // Decimal strings become numbers for the query.
    expect('and' in parsed.filter && parsed.filter.and[0]).toEqual({ field: 'totalSpent', op: 'gte', value: 150.5 });
    expect('and' in parsed.filter && parsed.filter.and[2]).toEqual(criteria.filter.and[2]);
  });

  it('names an unknown field and lists the known ones', () => {
    expect(problems({ filter: { field: 'salary', op: 'gt', value: 1 } })).toEqual([
      { path: 'filter.field', message: expect.stringMatching(/^Unknown field “salary”\. Use one of: totalSpent, .*hasIc, contestId\.$/) },
    ]);
  });

  it('refuses an operator the field does not take', () => {
    expect(problems({ filter: { field: 'gender', op: 'gt', value: 'M' } })).toEqual([
      { path: 'filter.op', message: expect.stringContaining('“gt” does not apply to gender') },
    ]);
    expect(problems({ filter: { field: 'age', op: 'withinDays', value: 3 } })[0]?.path).toBe('filter.op');
  });

  it.each([
    [{ field: 'gender', op: 'eq', value: 'X' }, 'filter.value'],
    [{ field: 'state', op: 'in', value: [] }, 'filter.value'],
    [{ field: 'state', op: 'in', value: ['Selangor'] }, 'filter.value.0'],
    [{ field: 'totalSpent', op: 'gt', value: '12.345' }, 'filter.value'],
    [{ field: 'totalSpent', op: 'gt', value: -1 }, 'filter.value'],
    [{ field: 'age', op: 'between', value: [40, 25] }, 'filter.value'],
    [{ field: 'age', op: 'gte', value: 30.5 }, 'filter.value'],
    [{ field: 'lastPurchaseAt', op: 'gte', value: '21/11/2026' }, 'filter.value'],
    [{ field: 'lastPurchaseAt', op: 'withinDays', value: -3 }, 'filter.value'],
    [{ field: 'hasIc', op: 'eq', value: 'yes' }, 'filter.value'],
  ])('refuses the bad value in %j', (leaf, path) => {
    expect(problems({ filter: leaf })[0]?.path).toBe(path);
  });

  it('refuses unknown keys, empty groups and SQL smuggled into a field', () => {
    expect(problems({ filter: { field: 'gender', op: 'eq', value: 'M', sql: '1=1' } }).length).toBeGreaterThan(0);
    expect(problems({ filter: { and: [] } }).length).toBeGreaterThan(0);
    expect(problems({ filter: { field: 'gender; drop table customers', op: 'eq', value: 'M' } })[0]?.message).toMatch(/^Unknown field/);
  });

  it('bounds the depth of nesting', () => {
    let tree: unknown = { field: 'gender', op: 'eq', value: 'F' };
    for (let i = 0; i < MAX_DEPTH; i++) tree = { not: tree };
    expect(problems({ filter: tree })).toEqual([{ path: 'filter', message: `Nest conditions at most ${MAX_DEPTH} levels deep.` }]);
  });
});
