import { describe, expect, it } from 'vitest';
import { breachFormSchema, dataRequestFormSchema } from './forms';
import { malaysiaDay } from './clock';

describe('dataRequestFormSchema', () => {
  it('reads a past day as midnight in Malaysia, and today as now', () => {
    expect(dataRequestFormSchema.parse({ kind: 'access', customerId: '', subjectLabel: 'Walk-in', receivedOn: '2026-01-31', notes: '' })).toEqual({
      kind: 'access',
      subjectLabel: 'Walk-in',
      receivedAt: '2026-01-31T00:00:00+08:00',
    });
    expect(dataRequestFormSchema.parse({ kind: 'erasure', subjectLabel: 'x', receivedOn: malaysiaDay(new Date()) }).receivedAt).toBeUndefined();
  });

  it('keeps the API rules: a customer or a label', () => {
    const result = dataRequestFormSchema.safeParse({ kind: 'access', customerId: '', subjectLabel: ' ', receivedOn: '2026-01-31' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['subjectLabel']);
  });
});

describe('breachFormSchema', () => {
  it('splits the checked kinds and reads the time in Malaysia', () => {
    expect(breachFormSchema.parse({ title: 'Lost phone', description: 'Staff phone lost', dataKinds: 'name,phone', affectedCount: '', discoveredAt: '2026-04-01T10:30' })).toEqual({
      title: 'Lost phone',
      description: 'Staff phone lost',
      dataKinds: ['name', 'phone'],
      discoveredAt: '2026-04-01T10:30:00+08:00',
    });
  });

  it('reports each field in the words of the form', () => {
    const result = breachFormSchema.safeParse({ title: '', description: 'x', dataKinds: '', affectedCount: 'many', discoveredAt: '' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['affectedCount', 'discoveredAt']);
    const second = breachFormSchema.safeParse({ title: '', description: 'x', dataKinds: '', affectedCount: '3', discoveredAt: '2026-04-01T10:30' });
    expect(second.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['dataKinds', 'title']);
  });
});
