import { describe, expect, it } from 'vitest';
import { breachNotifyBy, describeClock, malaysiaDay, malaysiaLocalTime, monthsBefore, requestDueAt } from './clock';

describe('requestDueAt', () => {
  it('is 21 days after the request arrived, across month and year ends', () => {
    expect(requestDueAt(new Date('2026-01-15T02:30:00Z')).toISOString()).toBe('2026-02-05T02:30:00.000Z');
    expect(requestDueAt(new Date('2026-02-10T09:00:00Z')).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    // 2028 is a leap year: 29 February counts.
    expect(requestDueAt(new Date('2028-02-10T09:00:00Z')).toISOString()).toBe('2028-03-02T09:00:00.000Z');
    expect(requestDueAt(new Date('2026-12-20T16:00:00Z')).toISOString()).toBe('2027-01-10T16:00:00.000Z');
    expect(requestDueAt(new Date('2026-01-31T00:00:00+08:00')).toISOString()).toBe('2026-02-20T16:00:00.000Z');
  });
});

describe('breachNotifyBy', () => {
  it('is 72 hours after discovery', () => {
    expect(breachNotifyBy(new Date('2026-03-30T22:15:00Z')).toISOString()).toBe('2026-04-02T22:15:00.000Z');
  });
});

describe('describeClock', () => {
  const due = new Date('2026-02-05T02:30:00Z');
  const before = (ms: number) => new Date(due.getTime() - ms);
  const HOUR = 3_600_000;

  it('counts whole days while three or more are left', () => {
    expect(describeClock(due, before(5 * 24 * HOUR + 5 * HOUR))).toEqual({ overdue: false, amount: '5 days' });
    expect(describeClock(due, before(72 * HOUR))).toEqual({ overdue: false, amount: '3 days' });
  });

  it('counts hours, then minutes, as the deadline nears', () => {
    expect(describeClock(due, before(72 * HOUR - 1))).toEqual({ overdue: false, amount: '71 hours' });
    expect(describeClock(due, before(2 * HOUR))).toEqual({ overdue: false, amount: '2 hours' });
    expect(describeClock(due, before(90 * 60_000))).toEqual({ overdue: false, amount: '90 minutes' });
    expect(describeClock(due, before(60_000))).toEqual({ overdue: false, amount: '1 minute' });
    expect(describeClock(due, before(10_000))).toEqual({ overdue: false, amount: 'less than a minute' });
  });

  it('is overdue from the due moment on, and says by how much', () => {
    expect(describeClock(due, due)).toEqual({ overdue: true, amount: 'less than a minute' });
    expect(describeClock(due, new Date(due.getTime() + 26 * HOUR))).toEqual({ overdue: true, amount: '26 hours' });
    expect(describeClock(due, new Date(due.getTime() + 4 * 24 * HOUR))).toEqual({ overdue: true, amount: '4 days' });
    expect(describeClock(due, new Date(due.getTime() + 24 * HOUR))).toEqual({ overdue: true, amount: '24 hours' });
  });
});

describe('monthsBefore', () => {
  it('steps back whole calendar months, keeping the time of day', () => {
    expect(monthsBefore(new Date('2026-06-15T19:00:00Z'), 6).toISOString()).toBe('2025-12-15T19:00:00.000Z');
    expect(monthsBefore(new Date('2026-06-15T19:00:00Z'), 24).toISOString()).toBe('2024-06-15T19:00:00.000Z');
  });

  it('lands on the last day of a shorter month', () => {
    expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(monthsBefore(new Date('2028-03-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(monthsBefore(new Date('2028-02-29T12:00:00Z'), 12).toISOString()).toBe('2027-02-28T12:00:00.000Z');
  });
});

describe('Malaysian local time', () => {
  it('reads dates and times at UTC+8', () => {
    expect(malaysiaDay(new Date('2026-06-15T15:59:59Z'))).toBe('2026-06-15');
    expect(malaysiaDay(new Date('2026-06-15T16:00:00Z'))).toBe('2026-06-16');
    expect(malaysiaLocalTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01T00:30');
  });
});
