import { describe, expect, it } from 'vitest';
import { simpleFromCriteria } from '@/lib/segments/simple';
import { emptySimpleForm, parseSimpleForm, simpleFormFromCriteria } from './simple-form-state';

describe('the simple form', () => {
  it('has no criteria while nothing is filled in', () => {
    expect(parseSimpleForm(emptySimpleForm)).toEqual({ criteria: null, errors: {} });
  });

  it('turns what was typed into criteria, and reopens them as typed', () => {
    const form = { ...emptySimpleForm, spendMin: 'RM 150.50', ageMin: '25', ageMax: ' 34 ', states: ['MY-10'], hasIc: 'yes' as const, inactiveDays: '60', createdFrom: '2026-01-01' };
    const { criteria, errors } = parseSimpleForm(form);
    expect(errors).toEqual({});
    expect(criteria?.filter).toEqual({
      and: [
        { field: 'totalSpent', op: 'gte', value: 150.5 },
        { field: 'age', op: 'between', value: [25, 34] },
        { field: 'state', op: 'in', value: ['MY-10'] },
        { or: [{ field: 'lastInteractionAt', op: 'olderThanDays', value: 60 }, { field: 'lastInteractionAt', op: 'isNull' }] },
        { field: 'hasIc', op: 'eq', value: true },
        { field: 'createdAt', op: 'gte', value: '2026-01-01' },
      ],
    });
    const simple = criteria && simpleFromCriteria(criteria);
    expect(simple && simpleFormFromCriteria(simple)).toEqual({ ...form, spendMin: '150.5', ageMax: '34' });
  });

  it('names the box that is wrong', () => {
    const { criteria, errors } = parseSimpleForm({ ...emptySimpleForm, ageMin: 'thirty', spendMin: '500', spendMax: '100', inactiveDays: '1.5', createdFrom: '2026-02-30' });
    expect(criteria).toBeNull();
    expect(errors).toEqual({
      'age.min': 'Enter a whole number.',
      'spend.max': 'The maximum must not be below the minimum.',
      inactiveDays: 'Enter a whole number.',
      'created.from': 'Use a date like 2026-01-31.',
    });
  });
});
