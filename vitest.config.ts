import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['{lib,db,inngest,app,components}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['{lib,db,inngest,app}/**/*.int.test.ts'],
          environment: 'node',
          setupFiles: ['./vitest.setup.ts'],
          // next-auth imports 'next/server' without an extension, which Node's ESM resolver
          // rejects (nextauthjs/next-auth#12280); inlined, Vite resolves it.
          server: { deps: { inline: ['next-auth'] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
