import { describe, expect, it } from 'vitest';
import { exportHref } from './customer-csv-actions';

describe('exportHref', () => {
  it('keeps the filters, search and order, and drops the paging', () => {
    expect(exportHref({ gender: 'F', search: 'Siti', sort: 'name', order: 'asc', cursor: 'abc', page: '3', limit: '25' })).toBe(
      '/api/v1/customers/export.csv?search=Siti&gender=F&sort=name&order=asc',
    );
  });

  it('exports everyone without filters', () => {
    expect(exportHref({})).toBe('/api/v1/customers/export.csv');
  });
});
