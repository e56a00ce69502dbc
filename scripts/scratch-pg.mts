import { startEmbeddedPostgres } from '/work/main/src/db/embedded-postgres.ts';
import { createLogger } from '/work/main/src/lib/logger.ts';
const s = await startEmbeddedPostgres({ dir: '/tmp/pgscratch', port: 55432, database: 'scratch', logger: createLogger('info') });
console.log(s.url);
await new Promise(() => {});
