// CPU time spent by the system under test (the app's processes, their PostgreSQL backends and
// this process), so runs on a shared machine compare by cost and not only by rates, which other
// people's work moves. Linux only: elsewhere every figure reads 0.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type postgres from 'postgres';

// `getconf CLK_TCK` on Linux.
const TICKS_PER_SECOND = 100;

function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime are fields 14 and 15; the name in parentheses may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSample {
  appMs: number;
  postgresMs: Map<number, number>;
  benchMs: number;
}

export async function sampleCpu(admin: postgres.Sql, database: string, appPids: readonly number[]): Promise<CpuSample> {
  const backends = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`;
  const usage = process.cpuUsage();
  return {
    appMs: appPids.reduce((sum, pid) => sum + processCpuMs(pid), 0),
    postgresMs: new Map(backends.map(({ pid }) => [pid, processCpuMs(pid)])),
    benchMs: (usage.user + usage.system) / 1000,
  };
}

// Milliseconds used between two samples; a backend that connected in between started at 0.
export function cpuBetween(from: CpuSample, to: CpuSample): { app: number; postgres: number; bench: number } {
  let postgresMs = 0;
  for (const [pid, ms] of to.postgresMs) postgresMs += ms - (from.postgresMs.get(pid) ?? 0);
  return { app: Math.round(to.appMs - from.appMs), postgres: Math.round(postgresMs), bench: Math.round(to.benchMs - from.benchMs) };
}

// How fast this machine is right now: milliseconds for a fixed piece of JavaScript work (JSON and
// HMAC, what the webhook does most). This VM's speed moves by up to 2× between minutes; a run
// whose figure is twice another's ran on a machine half as fast.
// The fastest of three rounds, so the first round's compilation does not count.
export function machineSpeedCheckMs(): number {
  const body = JSON.stringify({ entry: Array.from({ length: 50 }, (_, i) => ({ i, text: `hello world ${i}` })) });
  const round = () => {
    const start = performance.now();
    for (let i = 0; i < 20_000; i += 1) {
      JSON.parse(body);
      createHmac('sha256', 'calibration').update(body).digest('hex');
    }
    return performance.now() - start;
  };
  return Math.round(Math.min(round(), round(), round()));
}
