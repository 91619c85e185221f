import type { AnalyticsSummary, RunningCounts } from './summary';

// The dashboard's headline figures with their change against the previous period, worded.
export interface DashboardFigure {
  label: string;
  value: string;
  change: string | null;
  direction: 'up' | 'down' | 'flat';
  upIsGood: boolean;
  definition: string;
}

const count = (n: number) => n.toLocaleString('en-MY');
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `−${text.replace('-', '')}` : text);
const direction = (n: number): DashboardFigure['direction'] => (n > 0 ? 'up' : n < 0 ? 'down' : 'flat');

function countFigure(label: string, now: number, before: number, definition: string, upIsGood = true): DashboardFigure {
  const d = now - before;
  return { label, value: count(now), change: signed(d, count(Math.abs(d))), direction: direction(d), upIsGood, definition };
}

function rateFigure(label: string, now: number | null, before: number | null, definition: string, upIsGood: boolean): DashboardFigure {
  if (now === null || before === null) return { label, value: percent(now), change: null, direction: 'flat', upIsGood, definition };
  const points = Math.round((now - before) * 1000) / 10;
  return { label, value: percent(now), change: signed(points, `${Math.abs(points).toFixed(1)} pts`), direction: direction(points), upIsGood, definition };
}

// Money compared in sen, from the decimal strings.
function moneyFigure(label: string, now: string, before: string, definition: string): DashboardFigure {
  const sen = (s: string) => Math.round(Number(s) * 100);
  const d = sen(now) - sen(before);
  const rm = (n: number) => `RM ${(n / 100).toLocaleString('en-MY', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return { label, value: rm(sen(now)), change: signed(d, rm(Math.abs(d))), direction: direction(d), upIsGood: true, definition };
}

export function dashboardFigures(s: AnalyticsSummary, running: RunningCounts, runningBefore: RunningCounts): DashboardFigure[] {
  const p = s.previous;
  return [
    countFigure('New customers', s.newCustomers, p.newCustomers, 'Customers created in the period.'),
    countFigure('Messages in', s.messagesIn, p.messagesIn, 'Messages customers sent in the period.'),
    countFigure('Messages out', s.messagesOut, p.messagesOut, 'Messages the team, automations and campaigns sent in the period.'),
    rateFigure('Consent rate', s.consentRate, p.consentRate, 'Customers with consent granted ÷ all customers, at the end of the period.', true),
    rateFigure('Opt-out rate', s.optOutRate, p.optOutRate, 'Customers with consent withdrawn ÷ all customers, at the end of the period.', false),
    moneyFigure('Revenue', s.revenue, p.revenue, 'Recorded purchases dated in the period (MYR).'),
    countFigure('Campaigns running', running.campaignsRunning, runningBefore.campaignsRunning, 'Launched and not completed or cancelled; compared with the end of the previous period.'),
    countFigure('Contests running', running.contestsRunning, runningBefore.contestsRunning, 'Between their start and end; compared with the end of the previous period.'),
  ];
}
