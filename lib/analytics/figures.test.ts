import { describe, expect, it } from 'vitest';
import { dashboardFigures } from './figures';
import type { AnalyticsFigures, AnalyticsSummary } from './summary';

const base: AnalyticsFigures = {
  newCustomers: 0, messagesIn: 0, messagesOut: 0, threads: 0, responseRate: null, medianFirstResponseSeconds: null,
  noticesSent: 0, consentRate: null, optOutRate: null, optOuts: 0, revenue: '0.00', purchases: 0, averageSpend: null,
};

describe('dashboardFigures', () => {
  it('words each change against the previous period, and says whether it is good news', () => {
    const summary: AnalyticsSummary = {
      ...base, from: '2026-03-08', to: '2026-03-14', channelId: null, newCustomers: 12, consentRate: 0.64, optOutRate: 0.1, revenue: '1200.50',
      previous: { ...base, from: '2026-03-01', to: '2026-03-07', newCustomers: 15, consentRate: 0.6, optOutRate: 0.08, revenue: '1000.00' },
    };
    const figures = Object.fromEntries(dashboardFigures(summary, { campaignsRunning: 2, contestsRunning: 1 }, { campaignsRunning: 2, contestsRunning: 0 }).map((f) => [f.label, f]));
    expect(figures['New customers']).toMatchObject({ value: '12', change: '−3', direction: 'down', upIsGood: true });
    expect(figures['Consent rate']).toMatchObject({ value: '64.0%', change: '+4.0 pts', direction: 'up' });
    expect(figures['Opt-out rate']).toMatchObject({ value: '10.0%', change: '+2.0 pts', direction: 'up', upIsGood: false });
    expect(figures.Revenue).toMatchObject({ value: 'RM 1,200.50', change: '+RM 200.50', direction: 'up' });
    expect(figures['Campaigns running']).toMatchObject({ value: '2', change: '0', direction: 'flat' });
    expect(figures['Contests running']).toMatchObject({ value: '1', change: '+1' });
  });

  it('has no change for a rate without earlier data', () => {
    const summary: AnalyticsSummary = { ...base, from: '2026-03-08', to: '2026-03-14', channelId: null, consentRate: 0.5, previous: { ...base, from: '2026-03-01', to: '2026-03-07' } };
    expect(dashboardFigures(summary, { campaignsRunning: 0, contestsRunning: 0 }, { campaignsRunning: 0, contestsRunning: 0 }).find((f) => f.label === 'Consent rate')).toMatchObject({ value: '50.0%', change: null });
  });
});
