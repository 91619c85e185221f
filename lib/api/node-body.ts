import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { AppError } from '@/lib/errors';

// readBodyText (./body) for a Pages Router API route, which gets Node's request stream rather
// than a web Request: at most `limit` bytes, whatever Content-Length claims. Past the limit it
// stops reading (the stream is paused, not destroyed, so a 413 can still be sent; answer it
// with `connection: close`).
export function readNodeBodyText(req: Readable & { headers: IncomingHttpHeaders }, limit: number): Promise<string> {
  const tooLarge = () => new AppError('payload_too_large', `The body may be at most ${limit} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    function onData(chunk: Buffer | string) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += bytes.length;
      if (size <= limit) return void chunks.push(bytes);
      stop();
      req.pause();
      reject(tooLarge());
    }
    function onEnd() {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    }
    function onError(error: Error) {
      stop();
      reject(error);
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
