import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger; secrets and credentials are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'databaseUrl',
        'sessionSecret',
      ],
      censor: '[redacted]',
    },
  });
}
