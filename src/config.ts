import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SEED_DEMO: boolFromEnv.optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Jisr <no-reply@jisr.local>'),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  JOBS_START_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(30_000),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  sessionSecret: string;
  logLevel: string;
  embeddedPgPort: number;
  seedDemo: boolean;
  trustProxy: number;
  /** base of the links put in e-mails, e.g. https://jisr.example.org */
  publicUrl: string;
  /** SMTP server; unset: messages are written as files under DATA_DIR/mail */
  smtpUrl?: string;
  mailFrom: string;
  /** a database that does not answer within this stops the start-up */
  databaseConnectTimeoutMs: number;
  /** on a stop signal, how long /readyz says 503 while requests are still served (a load balancer's notice) */
  drainDelayMs: number;
  /** how long requests in flight may take to finish before their connections are cut */
  shutdownTimeoutMs: number;
  /** when the periodic jobs first run after start (then at their own interval) */
  jobsStartDelayMs: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once, at start-up; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  checkWritable(dataDir);
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required when NODE_ENV=production');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? localSessionSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    // Demo data is for trying the portal out; production never gets it unless asked for explicitly.
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    trustProxy: e.TRUST_PROXY,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    drainDelayMs: e.DRAIN_DELAY_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    jobsStartDelayMs: e.JOBS_START_DELAY_MS,
  };
}

/**
 * DATA_DIR holds the embedded database, the CVs and the session secret: a folder that cannot be written (read-only
 * file system, no permission, disk full) is a configuration error named as such, not a stack trace later on.
 */
function checkWritable(dataDir: string): void {
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, Buffer.alloc(64 * 1024)); // a little room is needed; a full disk fails here
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EROFS' ? 'it is on a read-only file system'
      : code === 'EACCES' || code === 'EPERM' ? 'this user may not write there'
      : code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full'
      : code === 'ENOTDIR' || code === 'EEXIST' ? 'it is not a folder'
      : (err as Error).message;
    throw new ConfigError(`Invalid configuration:\n  DATA_DIR: the folder ${dataDir} cannot be written: ${why}`);
  } finally {
    try {
      rmSync(probe, { force: true });
    } catch {
      // nothing was left to remove, or the folder refuses even that: the error above says why
    }
  }
}

/** For local use only: a secret generated once and kept in DATA_DIR, so sessions survive restarts. */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
