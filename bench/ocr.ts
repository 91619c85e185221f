// npm run bench:ocr — the whole recognition pipeline (checks, preprocessing, OCR, extraction)
// over both fixture sets, compared with their labels. Prints JSON: per-set field accuracy,
// kind accuracy, per-image latency and CPU time (one image at a time), then throughput with
// the pool (OCR_WORKERS). Fixtures: ../shared/fixtures (BENCH_OCR_FIXTURES to override).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createOcrEngine } from '@/lib/ocr/engine';
import { type RecognizeResult, recognizeDocument } from '@/lib/ocr/recognize';
import { getEnv } from '@/lib/env';
import { percentile } from './support';

const root = path.resolve(process.env.BENCH_OCR_FIXTURES ?? '../shared/fixtures');
const throughputImages = Number(process.env.BENCH_OCR_THROUGHPUT_IMAGES ?? 24);
// SROIE receipts date from 2016–2019 and the synthetic ones from 2023–2025: "today" is fixed
// so date plausibility does not depend on when the benchmark runs.
const today = new Date('2026-01-01T00:00:00Z');

interface Labels {
  set: 'sroie' | 'synthetic';
  kind: 'ic_card' | 'receipt';
  merchants?: string[];
  address?: string;
  date?: string | null;
  total?: string;
  icNumber?: string;
  name?: string;
  dateOfBirth?: string;
  gender?: string;
  state?: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const iso = (y: number, m: number, d: number) => `${y < 100 ? 2000 + y : y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

// SROIE labels copy the receipt: 25/12/2018, 23-01-19, 05 MAR 2018, 2018-03-23, 12/28/2017.
function labelDate(text: string): string | null {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return b > 12 ? iso(Number(m[3]), a, b) : iso(Number(m[3]), b, a);
  }
  m = /^(\d{1,2}) ([A-Z]{3})[A-Z]* (\d{4})/.exec(t);
  return m ? iso(Number(m[3]), MONTHS.indexOf(m[2]!) + 1, Number(m[1])) : null;
}

function fixtures(): Array<{ file: string; labels: Labels }> {
  const out: Array<{ file: string; labels: Labels }> = [];
  const sroie = path.join(root, 'sroie');
  for (const name of readdirSync(sroie).filter((f) => f.endsWith('.jpg')).sort()) {
    const label = JSON.parse(readFileSync(path.join(sroie, name.replace(/\.jpg$/, '.json')), 'utf8'));
    out.push({
      file: path.join(sroie, name),
      labels: { set: 'sroie', kind: 'receipt', merchants: [label.company], address: label.address, date: labelDate(label.date), total: label.total.replace(/[^0-9.]/g, '') },
    });
  }
  const synthetic = path.join(root, 'ocr-synthetic');
  for (const t of JSON.parse(readFileSync(path.join(synthetic, 'truth.json'), 'utf8'))) {
    const file = path.join(synthetic, 'images', t.file);
    if (t.kind === 'ic') {
      const state = t.state_code && Number(t.state_code) <= 16 ? `MY-${t.state_code}` : undefined;
      out.push({ file, labels: { set: 'synthetic', kind: 'ic_card', icNumber: t.ic_digits, name: t.name, dateOfBirth: t.birth_date, gender: t.gender, state } });
    } else {
      out.push({ file, labels: { set: 'synthetic', kind: 'receipt', merchants: [t.merchant, t.merchant_legal_name].filter(Boolean), date: t.date, total: t.total } });
    }
  }
  return out;
}

const normalise = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

function similarity(a: string, b: string): number {
  const [x, y] = [normalise(a), normalise(b)];
  if (!x || !y) return 0;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return 1 - previous[y.length]! / Math.max(x.length, y.length);
}

// Names and addresses match when they are 80% the same after normalising (OCR slips, spacing,
// punctuation); the dataset's labels have their own misspellings.
const fuzzy = (label: string | undefined, found: string | null | undefined) => Boolean(label && found && similarity(label, found) >= 0.8);

class Tally {
  private counts = new Map<string, [number, number]>();
  add(field: string, ok: boolean) {
    const [hit, n] = this.counts.get(field) ?? [0, 0];
    this.counts.set(field, [hit + (ok ? 1 : 0), n + 1]);
  }
  toJSON() {
    return Object.fromEntries([...this.counts].map(([field, [hit, n]]) => [field, { correct: hit, of: n, rate: Math.round((hit / n) * 1000) / 1000 }]));
  }
}

function score(labels: Labels, result: RecognizeResult, tally: Tally) {
  tally.add('kind', result.ok && result.kind === labels.kind);
  const receipt = result.ok ? result.receipt : null;
  const card = result.ok ? result.icCard : null;
  if (labels.kind === 'receipt') {
    if (labels.total) tally.add('total', receipt?.total === labels.total);
    tally.add('date', Boolean(labels.date) && receipt?.date === labels.date);
    tally.add(labels.set === 'sroie' ? 'company' : 'merchant', labels.merchants!.some((m) => fuzzy(m, receipt?.merchant)));
    if (labels.address) tally.add('address', fuzzy(labels.address, receipt?.address));
    return;
  }
  tally.add('icNumber', card?.icNumber === labels.icNumber);
  tally.add('name', card?.name === labels.name);
  tally.add('dateOfBirth', card?.dateOfBirth === labels.dateOfBirth);
  tally.add('gender', card?.gender === labels.gender);
  if (labels.state) tally.add('state', card?.state === labels.state);
}

const ms = (n: number) => Math.round(n);
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: ms(percentile(sorted, 50)), mean: ms(sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length)), p95: ms(percentile(sorted, 95)) };
};

async function main() {
  const images = fixtures();
  const workers = getEnv().OCR_WORKERS;
  // Latency: one image at a time through a single worker, so wall and CPU time are per image.
  const single = createOcrEngine(1);
  const tallies = { sroie: new Tally(), syntheticReceipts: new Tally(), syntheticIcCards: new Tally() };
  const wall: number[] = [];
  const cpu: number[] = [];
  let secondLooks = 0;
  const failures: Record<string, number> = {};
  await single.start();
  for (const { file, labels } of images) {
    const bytes = readFileSync(file);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const result = await recognizeDocument(bytes, { engine: single, today });
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    if (!result.ok) failures[result.reason] = (failures[result.reason] ?? 0) + 1;
    if (result.ok && result.steps.includes('second look')) secondLooks++;
    const tally = labels.set === 'sroie' ? tallies.sroie : labels.kind === 'receipt' ? tallies.syntheticReceipts : tallies.syntheticIcCards;
    score(labels, result, tally);
  }
  await single.shutdown();

  // Throughput: a batch submitted at once to a pool of OCR_WORKERS.
  const pool = createOcrEngine(workers);
  await pool.start();
  const batch = images.slice(0, throughputImages).map(({ file }) => readFileSync(file));
  const started = performance.now();
  await Promise.all(batch.map((bytes) => recognizeDocument(bytes, { engine: pool, today })));
  const seconds = (performance.now() - started) / 1000;
  await pool.shutdown();

  console.log(
    JSON.stringify(
      {
        images: images.length,
        accuracy: tallies,
        failures,
        latencyMs: { wall: stats(wall), cpu: stats(cpu), secondLookShare: Math.round((secondLooks / images.length) * 100) / 100 },
        throughput: { workers, images: batch.length, seconds: Math.round(seconds * 10) / 10, imagesPerSecond: Math.round((batch.length / seconds) * 100) / 100 },
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
