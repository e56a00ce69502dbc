import { defineConfig } from 'prisma/config';

// DATABASE_URL is only needed by Prisma CLI commands that talk to a database (migrate deploy elsewhere);
// `prisma generate` works without it. The app applies migrations itself (src/db/migrate.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/jisr' },
});
