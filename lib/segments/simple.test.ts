import { describe, expect, it } from 'vitest';
import { type SegmentCriteria, segmentCriteriaSchema } from './filter-schema';
import { type SimpleCriteria, criteriaFromSimple, simpleCriteriaSchema, simpleFromCriteria } from './simple';

const everything: SimpleCriteria = {
  spend: { min: 100, max: 2500.5 },
  age: { min: 25, max: 34 },
  purchaseCount: { min: 2 },
  genders: ['F', 'NB'],
  maritalStatuses: ['married'],
  states: ['MY-10', 'MY-14', 'MY-16'],
  tiers: ['gold', 'platinum'],
  consentStatuses: ['granted'],
  lastPurchaseWithinDays: 30,
  lastPurchaseNotWithinDays: 7,
  inactiveDays: 90,
  hasIc: true,
  created: { from: '2026-01-01', to: '2026-06-30' },
};

// The criteria as the API would store them.
const stored = (criteria: unknown): SegmentCriteria => segmentCriteriaSchema.parse(criteria);

describe('criteriaFromSimple', () => {
  it('turns every simple criterion into one leaf of an and-group, in a fixed order', () => {
    expect(criteriaFromSimple(everything)).toEqual({
      filter: {
        and: [
          { field: 'totalSpent', op: 'between', value: [100, 2500.5] },
          { field: 'age', op: 'between', value: [25, 34] },
          { field: 'purchaseCount', op: 'gte', value: 2 },
          { field: 'gender', op: 'in', value: ['F', 'NB'] },
          { field: 'maritalStatus', op: 'in', value: ['married'] },
          { field: 'state', op: 'in', value: ['MY-10', 'MY-14', 'MY-16'] },
          { field: 'tier', op: 'in', value: ['gold', 'platinum'] },
          { field: 'consentStatus', op: 'in', value: ['granted'] },
          { field: 'lastPurchaseAt', op: 'withinDays', value: 30 },
          { field: 'lastPurchaseAt', op: 'olderThanDays', value: 7 },
          // Inactive: no message either way for 90 days, or never one at all.
          { or: [{ field: 'lastInteractionAt', op: 'olderThanDays', value: 90 }, { field: 'lastInteractionAt', op: 'isNull' }] },
          { field: 'hasIc', op: 'eq', value: true },
          { field: 'createdAt', op: 'between', value: ['2026-01-01', '2026-06-30'] },
        ],
      },
    });
  });

  it('uses gte or lte for a range with one bound, and leaves out empty lists and ranges', () => {
    expect(criteriaFromSimple({ spend: { max: 50 }, age: {}, genders: [], states: ['MY-15'], created: { from: '2026-03-01' }, hasIc: false })).toEqual({
      filter: {
        and: [
          { field: 'totalSpent', op: 'lte', value: 50 },
          { field: 'state', op: 'in', value: ['MY-15'] },
          { field: 'hasIc', op: 'eq', value: false },
          { field: 'createdAt', op: 'gte', value: '2026-03-01' },
        ],
      },
    });
    expect(criteriaFromSimple({ created: { to: '2026-03-31' } })).toEqual({ filter: { and: [{ field: 'createdAt', op: 'lte', value: '2026-03-31' }] } });
  });

  it('answers null when nothing is chosen (a segment needs at least one condition)', () => {
    expect(criteriaFromSimple({})).toBeNull();
    expect(criteriaFromSimple({ spend: {}, states: [], created: {} })).toBeNull();
  });

  it('always gives criteria the API accepts as they are', () => {
    const criteria = criteriaFromSimple(everything);
    expect(stored(criteria)).toEqual(criteria);
  });
});

describe('simpleFromCriteria', () => {
  it('reopens what criteriaFromSimple made, also after the API stored it', () => {
    const partial: SimpleCriteria = { age: { max: 20 }, consentStatuses: ['granted', 'pending'], inactiveDays: 30 };
    for (const simple of [everything, partial]) {
      const criteria = criteriaFromSimple(simple);
      if (!criteria) throw new Error('expected criteria');
      expect(simpleFromCriteria(criteria)).toEqual(simple);
      expect(simpleFromCriteria(stored(criteria))).toEqual(simple);
    }
  });

  it('reads a single leaf, an eq on a list field, money as a decimal string and the inactive pair in either order', () => {
    expect(simpleFromCriteria(stored({ filter: { field: 'gender', op: 'eq', value: 'M' } }))).toEqual({ genders: ['M'] });
    expect(simpleFromCriteria(stored({ filter: { and: [{ field: 'totalSpent', op: 'gte', value: '150.50' }] } }))).toEqual({ spend: { min: 150.5 } });
    expect(
      simpleFromCriteria(stored({ filter: { or: [{ field: 'lastInteractionAt', op: 'isNull' }, { field: 'lastInteractionAt', op: 'olderThanDays', value: 14 }] } })),
    ).toEqual({ inactiveDays: 14 });
  });

  it.each<[string, unknown]>([
    ['an or-group at the top', { or: [{ field: 'gender', op: 'eq', value: 'F' }, { field: 'state', op: 'eq', value: 'MY-10' }] }],
    ['a not', { and: [{ not: { field: 'gender', op: 'eq', value: 'F' } }] }],
    ['an operator the form has no control for', { and: [{ field: 'gender', op: 'neq', value: 'F' }] }],
    ['a field the form has no control for', { and: [{ field: 'averageSpend', op: 'gte', value: 50 }] }],
    ['the same criterion twice', { and: [{ field: 'state', op: 'in', value: ['MY-10'] }, { field: 'state', op: 'in', value: ['MY-14'] }] }],
    ['a nested and-group', { and: [{ and: [{ field: 'gender', op: 'eq', value: 'F' }] }] }],
    ['inactive without the never-wrote half', { and: [{ or: [{ field: 'lastInteractionAt', op: 'olderThanDays', value: 9 }] }] }],
    ['an inactive pair with another field', { and: [{ or: [{ field: 'lastPurchaseAt', op: 'olderThanDays', value: 9 }, { field: 'lastInteractionAt', op: 'isNull' }] }] }],
    ['created at an exact time', { and: [{ field: 'createdAt', op: 'gte', value: '2026-03-01T10:00:00+08:00' }] }],
  ])('answers null for %s (the builder opens it in advanced mode)', (_, filter) => {
    expect(simpleFromCriteria(stored({ filter }))).toBeNull();
  });
});

describe('simpleCriteriaSchema', () => {
  function problems(input: unknown) {
    const result = simpleCriteriaSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }

  it('points at the field that is wrong', () => {
    expect(problems({ spend: { min: 500, max: 100 } })).toEqual([{ path: 'spend.max', message: 'The maximum must not be below the minimum.' }]);
    expect(problems({ created: { from: '2026-06-01', to: '2026-01-01' } })).toEqual([{ path: 'created.to', message: 'The end must not be before the start.' }]);
    expect(problems({ age: { min: Number.NaN } })).toEqual([{ path: 'age.min', message: 'Enter a whole number.' }]);
    expect(problems({ states: ['Selangor'] })[0]?.path).toBe('states.0');
    expect(problems({ spend: { min: '12.345' } })[0]?.path).toBe('spend.min');
    expect(problems({ inactiveDays: -1 })[0]?.path).toBe('inactiveDays');
    expect(problems({ salary: { min: 1 } })[0]?.message).toMatch(/salary/);
  });

  it('accepts money as a decimal string, as typed', () => {
    expect(simpleCriteriaSchema.parse({ spend: { min: '99.90' } })).toEqual({ spend: { min: 99.9 } });
  });
});
