// `npm start`: build when the sources are newer than the last build, then serve on PORT
// (default 3000). Migrations, demo seed and the job worker start inside the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = ['app', 'pages', 'components', 'db', 'lib', 'inngest', 'instrumentation.ts', 'next.config.ts', 'package-lock.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const next = path.join(root, 'node_modules', '.bin', 'next');
if (sources.some((s) => newestMtime(path.join(root, s)) > builtAt)) {
  process.stdout.write('Building Sembang (first start or changed sources)…\n');
  const build = spawnSync(next, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['--import', 'tsx', 'server.ts', '-p', process.env.PORT ?? '3000'], { stdio: 'inherit' });
process.exit(server.status ?? 0);
