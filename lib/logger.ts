import pino from 'pino';

// Structured JSON logs. Never pass secrets, tokens, passwords or full IC numbers; the redact
// list is the safety net, not the rule.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'sembang' },
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'apiKey', '*.apiKey', 'accessToken', '*.accessToken', 'appSecret', '*.appSecret', 'icNumber', '*.icNumber', 'authorization', '*.authorization'],
    censor: '[redacted]',
  },
});
