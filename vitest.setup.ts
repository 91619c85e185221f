import { randomBytes } from 'node:crypto';

// Integration tests never read .env.local; they get throw-away secrets of their own.
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
process.env.LOG_LEVEL ??= 'silent';
