import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Worker, createWorker, OEM, PSM } from 'tesseract.js';
import eng from '@tesseract.js-data/eng';
import msa from '@tesseract.js-data/msa';
import { getEnv } from '@/lib/env';
import type { OcrLine, OcrPage } from './types';

const LANGUAGES = ['eng', 'msa'] as const;
// The packages' own entry points say where their files are (each is external to the Next.js
// bundle, so __dirname inside them is the real directory).
const languageData: Record<(typeof LANGUAGES)[number], { langPath: string }> = { eng, msa };

// Language data ships inside node_modules (@tesseract.js-data/*). tesseract.js reads every
// language from one langPath (and its Lang-object form is broken in v7: it initialises with
// the bytes as the name), so the two files are copied into one private directory per process.
// cacheMethod 'none': no worker ever fetches or caches anything.
function prepareLanguageDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sembang-tessdata-'));
  for (const code of LANGUAGES) {
    const pkg = path.dirname(languageData[code].langPath);
    copyFileSync(path.join(pkg, '4.0.0_best_int', `${code}.traineddata.gz`), path.join(dir, `${code}.traineddata.gz`));
  }
  return dir;
}

let languageDir: string | undefined;

async function startWorker(): Promise<Worker> {
  languageDir ??= prepareLanguageDir();
  const worker = await createWorker([...LANGUAGES], OEM.LSTM_ONLY, { langPath: languageDir, cacheMethod: 'none', gzip: true });
  await worker.setParameters({
    // One column of text lines keeps a receipt's label and amount on the same line.
    tessedit_pageseg_mode: PSM.SINGLE_COLUMN,
    preserve_interword_spaces: '1',
    user_defined_dpi: '300',
    // Tesseract's own diagnostics ("Detected 27 diacritics") would go to stderr.
    debug_file: '/dev/null',
  });
  return worker;
}

// All or nothing: if one worker fails to start, the others are stopped again.
async function startAll(size: number): Promise<Worker[]> {
  const results = await Promise.allSettled(Array.from({ length: size }, startWorker));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r) => r.status === 'rejected');
  if (!failed) return started;
  await Promise.allSettled(started.map((w) => w.terminate()));
  throw failed.reason;
}

function toLines(page: Tesseract.Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const text = line.text.replace(/\s+$/, '');
        if (!text.trim()) continue;
        const { x0, y0, x1, y1 } = line.bbox;
        lines.push({ text, confidence: line.confidence / 100, box: { x0, y0, x1, y1 } });
      }
    }
  }
  return lines;
}

export interface OcrEngine {
  readonly size: number;
  // Starts the workers now instead of on the first image (boot, benchmarks).
  start(): Promise<void>;
  recognize(png: Buffer): Promise<OcrPage>;
  shutdown(): Promise<void>;
}

// A fixed pool of Tesseract workers started on first use; jobs queue for a free worker.
export function createOcrEngine(size: number): OcrEngine {
  let workers: Promise<Worker[]> | null = null;
  let live = new Set<Worker>();
  const idle: Worker[] = [];
  const waiting: Array<{ resolve: (worker: Worker) => void; reject: (error: Error) => void }> = [];

  const start = () => {
    workers ??= startAll(size).then(
      (started) => {
        live = new Set(started);
        idle.push(...started);
        return started;
      },
      (error: unknown) => {
        workers = null;
        throw error;
      },
    );
    return workers;
  };
  const acquire = async (): Promise<Worker> => {
    await start();
    const free = idle.pop();
    return free ?? new Promise<Worker>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (worker: Worker) => {
    // A worker from before a shutdown is not handed out again.
    if (!live.has(worker)) return;
    const next = waiting.shift();
    if (next) next.resolve(worker);
    else idle.push(worker);
  };

  return {
    size,
    async start() {
      await start();
    },
    async recognize(png) {
      const worker = await acquire();
      try {
        const { data } = await worker.recognize(png, {}, { text: true, blocks: true });
        return { text: data.text, confidence: data.confidence / 100, lines: toLines(data) };
      } finally {
        release(worker);
      }
    },
    // Stops the workers; images still queued fail, and the next image starts a new pool.
    async shutdown() {
      if (!workers) return;
      const started = await workers;
      workers = null;
      live = new Set();
      idle.length = 0;
      for (const pending of waiting.splice(0)) pending.reject(new Error('the OCR engine was shut down'));
      await Promise.all(started.map((w) => w.terminate()));
      if (languageDir) rmSync(languageDir, { recursive: true, force: true });
      languageDir = undefined;
    },
  };
}

let shared: OcrEngine | undefined;

// The process-wide pool, OCR_WORKERS strong (default: one per core).
export function ocrEngine(): OcrEngine {
  shared ??= createOcrEngine(getEnv().OCR_WORKERS);
  return shared;
}

export async function shutdownOcrEngine(): Promise<void> {
  const engine = shared;
  shared = undefined;
  await engine?.shutdown();
}
