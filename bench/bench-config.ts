import type { Config } from '../src/config.js';

/** The app's settings for a benchmark: production mode (view cache on), quiet, on a folder of the run. */
export function benchConfig(dataDir: string): Config {
  return {
    env: 'production', port: 0, host: '127.0.0.1', dataDir, sessionSecret: 'bench-secret-that-is-long-enough-0123456789',
    logLevel: 'silent', embeddedPgPort: 0, seedDemo: false, trustProxy: 0, publicUrl: 'http://bench.local', mailFrom: 'Jisr <bench@jisr.local>',
    databaseConnectTimeoutMs: 10_000, drainDelayMs: 0, shutdownTimeoutMs: 10_000, jobsStartDelayMs: 30_000,
  };
}
