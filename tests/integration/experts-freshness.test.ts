import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../src/jobs/registry.js';
import { remindStaleProfiles, staleProfileReminderJob } from '../../src/experts/stale-profile-reminder.js';
import { createLogger } from '../../src/lib/logger.js';
import { testConfig } from '../helpers/app.js';
import { browserLike } from '../helpers/forms.js';
import { mailLink, pathOf } from '../helpers/security.js';
import { createExpert, startExpertsApp } from './experts-fixtures.js';

let t: Awaited<ReturnType<typeof startExpertsApp>>;
let me: { userId: string; profileId: string };
const EMAIL = 'fresh.expert@example.org';
const DAY = 86400_000;
// The fake clock starts 300 days back, so that a confirmation made now (by the real clock) comes after its runs.
const T0 = new Date(Math.floor(Date.now() / DAY) * DAY - 300 * DAY + 9 * 3600_000);
const deps = () => ({ prisma: t.db.prisma, publicUrl: 'http://jisr.test' });
const reminders = () => t.db.prisma.outboxEmail.count({ where: { toAddress: EMAIL, template: 'profile_still_available' } });
const profile = () => t.db.prisma.expertProfile.findUniqueOrThrow({ where: { id: me.profileId } });

beforeAll(async () => {
  t = await startExpertsApp();
  me = await createExpert(t.db.prisma, EMAIL, { firstName: 'Hamza', lastName: 'El Idrissi' });
  await t.db.prisma.user.update({ where: { id: me.userId }, data: { locale: 'ar' } });
  // Every other profile was confirmed today, so the runs of the fake clock below concern this expert alone.
  await t.db.prisma.expertProfile.updateMany({ data: { confirmedAt: new Date(), staleSince: null } });
  await t.db.prisma.expertProfile.update({ where: { id: me.profileId }, data: { confirmedAt: new Date(T0.getTime() - 150 * DAY) } });
});
afterAll(() => t?.close());

describe('the "still available?" reminder', () => {
  it('is registered with the periodic jobs', () => {
    const names = allJobs({ config: testConfig(), db: t.db, logger: createLogger('silent') }).map((j) => j.name);
    expect(names).toContain('experts.stale-profile-reminder');
  });

  it('leaves a profile confirmed less than six months ago alone', async () => {
    expect(await remindStaleProfiles(deps(), T0)).toBe(0);
    expect(await reminders()).toBe(0);
    expect((await profile()).staleSince).toBeNull();
  });

  it('queues one message in the expert\'s language and marks the profile stale, once — not at every run, not every day', async () => {
    const job = staleProfileReminderJob(deps());
    const day40 = new Date(T0.getTime() + 40 * DAY);
    expect(await job.run(day40)).toBe(1);
    for (let d = 41; d < 60; d++) await job.run(new Date(T0.getTime() + d * DAY));
    expect(await reminders()).toBe(1);
    const mail = await t.db.prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: EMAIL } });
    expect(mail.locale).toBe('ar');
    expect(mail.textBody).toContain('Hamza El Idrissi');
    expect(mail.textBody).toMatch(/http:\/\/jisr\.test\/experts\/confirm\/[\w-]{20,}/);
    const p = await profile();
    expect(p.staleSince?.toISOString()).toBe(day40.toISOString());
    expect(p.staleReminderSentAt?.toISOString()).toBe(day40.toISOString());
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.stale_reminder_queued', entityId: me.profileId } })).toBe(1);
  });

  it('sends one message when two instances run the job at the same instant', async () => {
    const other = await createExpert(t.db.prisma, 'twice.expert@example.org');
    await t.db.prisma.expertProfile.update({ where: { id: other.profileId }, data: { confirmedAt: new Date(T0.getTime() - 300 * DAY) } });
    const at = new Date(T0.getTime() + 61 * DAY);
    const counts = await Promise.all([remindStaleProfiles(deps(), at), remindStaleProfiles(deps(), at), remindStaleProfiles(deps(), at)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: 'twice.expert@example.org' } })).toBe(1);
  });

  it('confirms with one click: the link shows a button and changes nothing; the POST confirms, once', async () => {
    // A new cycle that reaches today (by the real clock), so that the link is still valid when clicked.
    await t.db.prisma.expertProfile.update({ where: { id: me.profileId }, data: { confirmedAt: new Date(Date.now() - 200 * DAY) } });
    expect(await remindStaleProfiles(deps(), new Date())).toBe(1);
    expect(await reminders()).toBe(2);
    const link = pathOf(await mailLink(t.db.prisma, EMAIL, 'profile_still_available'));
    const page = await request(t.app).get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="confirm-button"');
    expect((await profile()).staleSince).not.toBeNull();

    const res = await browserLike(t.app).post(link, link, {});
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-testid="confirm-done"');
    const p = await profile();
    expect(p.staleSince).toBeNull();
    expect(Date.now() - p.confirmedAt.getTime()).toBeLessThan(60_000);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.profile_confirmed', entityId: me.profileId } })).toBe(1);

    expect((await request(t.app).get(link)).status).toBe(410);
    expect((await browserLike(t.app).post('/login', link, {})).status).toBe(410);
    expect((await request(t.app).get('/experts/confirm/not-a-real-token-000000000000')).status).toBe(410);
  });

  it('asks again six months after the new confirmation, and only then', async () => {
    const confirmedAt = (await profile()).confirmedAt;
    expect(await remindStaleProfiles(deps(), new Date(confirmedAt.getTime() + 100 * DAY))).toBe(0);
    // every demo profile is due by then too: run until nothing is left, as the scheduler would over a few rounds
    const later = new Date(confirmedAt.getTime() + 190 * DAY);
    while ((await remindStaleProfiles(deps(), later)) > 0);
    expect(await reminders()).toBe(3);
  });

  it('never writes to deleted or disabled accounts', async () => {
    const gone = await createExpert(t.db.prisma, 'gone.expert@example.org');
    await t.db.prisma.user.update({ where: { id: gone.userId }, data: { status: 'disabled' } });
    await t.db.prisma.expertProfile.update({ where: { id: gone.profileId }, data: { confirmedAt: new Date('2020-01-01') } });
    await remindStaleProfiles(deps(), new Date(T0.getTime() + 400 * DAY));
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: 'gone.expert@example.org' } })).toBe(0);
  });
});
