// Developer helper: creates a fresh, migrated database on the scratch server (scripts/scratch-pg.mts) and loads
// the reference data. Usage: npx tsx scripts/scratch-db.mts <dbname>
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import { connectDatabase, MIGRATIONS_DIR } from '../src/db/database.ts';
import { createLogger } from '../src/lib/logger.ts';
import { seedReference } from '../src/reference/seed-reference.ts';

const name = process.argv[2] ?? 'scratch_demo';
const admin = new pg.Client({ connectionString: 'postgresql://jisr:jisr-local@127.0.0.1:55432/postgres' });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = `postgresql://jisr:jisr-local@127.0.0.1:55432/${name}`;
const logger = createLogger('info');
await migrate(url, MIGRATIONS_DIR, logger);
const db = connectDatabase(url, logger);
await seedReference(db.prisma, logger);
await db.close();
console.log(url);
