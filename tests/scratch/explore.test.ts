import { it } from 'vitest';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
it('explore', async () => {
  const db = await createTestDatabase(DEMO_TEMPLATE_DB);
  const p = db.prisma;
  console.log(await p.expertProfile.groupBy({ by: ['visibility'], _count: true }));
  console.log(await p.user.groupBy({ by: ['role', 'status'], _count: true }));
  console.log(await p.user.count({ where: { emailVerifiedAt: null } }));
  console.log(await p.institution.groupBy({ by: ['status'], _count: true }));
  console.log(await p.need.groupBy({ by: ['status'], _count: true }));
  const staff = await p.user.findUniqueOrThrow({ where: { email: 'staff@demo.jisr.local' }, include: { memberships: true } });
  console.log(staff.memberships);
  const e = await p.user.findUniqueOrThrow({ where: { email: 'expert@demo.jisr.local' }, include: { expertProfile: true } });
  console.log(e.expertProfile?.visibility, e.expertProfile?.phone, e.locale, e.displayName);
  console.log(await p.auditLog.count(), await p.outboxEmail.count(), await p.consent.count());
  await db.close();
});
