import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'tesseract.js', 'tesseract.js-core', '@tesseract.js-data/eng', '@tesseract.js-data/msa'],
  poweredByHeader: false,
  typedRoutes: false,
  // A campaign's video may be 16 MB (WhatsApp's limit), uploaded through a server action.
  experimental: { serverActions: { bodySizeLimit: '17mb' } },
  // The prototype's webhook callback URL (DESIGN §7) reaches the same handler.
  async rewrites() {
    return [{ source: '/webhook/whatsapp', destination: '/api/webhooks/whatsapp' }];
  },
};

export default nextConfig;
