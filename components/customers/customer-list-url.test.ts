import { describe, expect, it } from 'vitest';
import { applyChanges, customersHref, hasFilters } from './customer-list-url';

describe('customersHref', () => {
  it('sets and removes params in a stable order', () => {
    expect(customersHref({ gender: 'F' }, { state: 'MY-10,MY-14' })).toBe('/customers?state=MY-10%2CMY-14&gender=F');
    expect(customersHref({ gender: 'F', state: 'MY-10' }, { gender: '' })).toBe('/customers?state=MY-10');
    expect(customersHref({}, {})).toBe('/customers');
  });

  it('starts again at the first page when a filter or the sort changes, and keeps the filters when paging', () => {
    const onPage3 = { gender: 'F', sort: 'name', cursor: 'abc', page: '3' };
    expect(customersHref(onPage3, { ageMin: '30' })).toBe('/customers?gender=F&ageMin=30&sort=name');
    expect(customersHref(onPage3, { order: 'desc' })).toBe('/customers?gender=F&sort=name&order=desc');
    expect(customersHref(onPage3, { cursor: 'def', page: '4' })).toBe('/customers?gender=F&sort=name&cursor=def&page=4');
  });
});

describe('applyChanges', () => {
  it('drops emptied keys and the page position unless paging', () => {
    expect(applyChanges({ gender: 'F', cursor: 'abc', page: '2' }, { gender: '', state: 'MY-01' })).toEqual({ state: 'MY-01' });
    expect(applyChanges({ gender: 'F' }, { cursor: 'abc', page: '2' })).toEqual({ gender: 'F', cursor: 'abc', page: '2' });
  });
});

describe('hasFilters', () => {
  it('counts filters and search, not the sort or the page', () => {
    expect(hasFilters({ sort: 'name', cursor: 'x', page: '2' })).toBe(false);
    expect(hasFilters({ search: 'ali' })).toBe(true);
    expect(hasFilters({ lastInteractionBefore: '2026-01-01' })).toBe(true);
  });
});
