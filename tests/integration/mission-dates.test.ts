import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { MIGRATIONS_DIR } from '../../src/db/database.js';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';
import { briefedMission } from '../helpers/missions.js';
import { extractText } from '../helpers/pdf-text.js';

/** The app's clock, moved by each test: "today" is never the machine's day here. */
let now = new Date('2027-07-01T10:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, clock: () => now, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

type Agent = Awaited<ReturnType<typeof signedInAgent>>;
const agents = new Map<string, Agent>();
async function as(who: 'expert' | 'staff' | 'officer'): Promise<Agent> {
  if (!agents.has(who)) agents.set(who, await signedInAgent(t.app, `${who}@demo.jisr.local`));
  return agents.get(who)!;
}
const mission = (id: string) => t.db.prisma.mission.findUniqueOrThrow({ where: { id } });

/** Posts an action from the mission's page, as its form does, and returns the page the redirect leads to. */
async function act(who: 'expert' | 'staff' | 'officer', id: string, action: string, fields: Record<string, string> = {}, lng = 'fr') {
  const b = await as(who);
  const page = await b.agent.get(`/missions/${id}?lng=${lng}`);
  const res = await b.agent.post(`/missions/${id}/transitions/${action}`).type('form')
    .send({ _csrf: csrfFrom(page.text), version: String((await mission(id)).version), ...fields });
  if (res.status !== 303) return { status: res.status, text: res.text };
  return { status: res.status, text: (await b.agent.get(`/missions/${id}`)).text };
}
const flashError = (html: string) => /data-testid="flash-error">([^<]*)</.exec(html)?.[1];
const day = (d: Date | null) => d?.toISOString().slice(0, 10);

describe('a mission before its start date', () => {
  it('is not offered to start; the expert and the institution read why, in their language; a forced start is refused', async () => {
    now = new Date('2027-07-01T10:00:00Z'); // two months before
    const m = await briefedMission(t.db.prisma, '2027-09-01', '2027-09-10');
    for (const who of ['expert', 'staff'] as const) {
      const page = await (await as(who)).agent.get(`/missions/${m.id}?lng=fr`).expect(200);
      expect(page.text).not.toContain('data-testid="mission-action-start"');
      expect(page.text).toMatch(/data-testid="mission-starts-later"[^>]*>[^<]*1 sept\. 2027/);
    }
    const en = await (await as('staff')).agent.get(`/missions/${m.id}?lng=en`);
    expect(en.text).toMatch(/data-testid="mission-starts-later"[^>]*>[^<]*1 Sept 2027/);

    const fr = await act('expert', m.id, 'start');
    expect(flashError(fr.text)).toContain('avant sa date de début');
    const ar = await act('staff', m.id, 'start', {}, 'ar');
    expect(flashError(ar.text)).toMatch(/[\u0600-\u06FF]/);
    expect(await mission(m.id)).toMatchObject({ status: 'briefed', startedOn: null });
    expect(await t.db.prisma.missionEvent.count({ where: { missionId: m.id } })).toBe(0);
  });

  it('can be started early by an officer only, with a reason kept in the event and the audit log', async () => {
    now = new Date('2027-07-01T10:00:00Z');
    const m = await briefedMission(t.db.prisma, '2027-09-01', '2027-09-10');
    expect((await (await as('officer')).agent.get(`/missions/${m.id}`)).text).toContain('data-testid="mission-action-start_early"');
    expect((await (await as('expert')).agent.get(`/missions/${m.id}`)).text).not.toContain('data-testid="mission-action-start_early"');
    expect((await act('expert', m.id, 'start_early', { reason: 'Je suis déjà sur place.' })).status).toBe(403);
    expect((await act('staff', m.id, 'start_early', { reason: 'Nous sommes prêts.' })).status).toBe(403);

    // Without a reason the form comes back with the message next to the reason field.
    const noReason = await act('officer', m.id, 'start_early', { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('data-testid="field-error-reason"');
    expect((await mission(m.id)).status).toBe('briefed');

    const reason = 'Le ministère a avancé l\'atelier de lancement au 1er juillet.';
    await act('officer', m.id, 'start_early', { reason });
    const started = await mission(m.id);
    expect(started.status).toBe('in_progress');
    expect(day(started.startedOn)).toBe('2027-07-01');
    const event = await t.db.prisma.missionEvent.findFirstOrThrow({ where: { missionId: m.id, toStatus: 'in_progress' } });
    expect(event).toMatchObject({ fromStatus: 'briefed', note: reason });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: m.id, action: 'mission.start_early' } });
    expect(audit.details).toMatchObject({ reason, startsOn: '2027-09-01', startedOn: '2027-07-01' });
  });
});

describe('the real dates of a mission', () => {
  it('records the day it started and the day it completed, never completed before it started', async () => {
    const m = await briefedMission(t.db.prisma, '2027-11-01', '2027-11-10');
    now = new Date('2027-11-01T07:30:00Z'); // the first day: the start is offered
    expect((await (await as('expert')).agent.get(`/missions/${m.id}`)).text).toContain('data-testid="mission-action-start"');
    await act('expert', m.id, 'start');
    expect(day((await mission(m.id)).startedOn)).toBe('2027-11-01');

    now = new Date('2027-10-30T12:00:00Z'); // a clock set back: completing would come before the start
    const early = await act('staff', m.id, 'complete');
    expect(flashError(early.text)).toBeTruthy();
    expect(await mission(m.id)).toMatchObject({ status: 'in_progress', completedOn: null });

    now = new Date('2027-11-08T16:00:00Z'); // finished two days ahead of plan
    await act('staff', m.id, 'complete');
    const done = await mission(m.id);
    expect(done.status).toBe('completed');
    expect(day(done.completedOn)).toBe('2027-11-08');
    const page = await (await as('expert')).agent.get(`/missions/${m.id}?lng=fr`);
    expect(page.text).toMatch(/data-testid="mission-held"[^>]*>[^<]*1 nov\. 2027[^<]*8 nov\. 2027/);
  });

  it('gives the certificate only after completion, with the days the mission really took place', async () => {
    const m = await briefedMission(t.db.prisma, '2028-02-01', '2028-02-10');
    const expert = await as('expert');
    await expert.agent.get(`/missions/${m.id}/certificate.pdf`).expect(404);
    now = new Date('2028-02-03T09:00:00Z'); // two days late
    await act('expert', m.id, 'start');
    await expert.agent.get(`/missions/${m.id}/certificate.pdf`).expect(404);
    now = new Date('2028-02-09T17:00:00Z');
    await act('expert', m.id, 'complete');
    await act('expert', m.id, 'report', { activities: 'Ateliers.', results: 'Plan adopté.', recommendations: 'Suivi trimestriel.' });
    await act('staff', m.id, 'evaluate', { rating: '5', outcomes: 'Facture réduite.' });
    expect((await mission(m.id)).status).toBe('evaluated');
    const res = await expert.agent.get(`/missions/${m.id}/certificate.pdf?lng=fr`).buffer(true)
      .parse((r, cb) => { const c: Buffer[] = []; r.on('data', (x: Buffer) => c.push(x)); r.on('end', () => cb(null, Buffer.concat(c))); })
      .expect(200);
    const text = (await extractText(res.body as Buffer, 'ltr')).normalize('NFKC').replace(/\s+/g, ' ');
    expect(text).toContain('du 3 fév. 2028 au 9 fév. 2028');
    expect(text).toContain('7 jours');
    expect(text).not.toContain('1 fév. 2028');
    await request(t.app).get(`/missions/${m.id}/certificate.pdf`).expect(303);
  });
});

describe('the migration that adds the real dates', () => {
  it('gives missions started or done before it the days their events recorded, and refuses a completion before the start', async () => {
    const db = await createTestDatabase(DEMO_TEMPLATE_DB);
    try {
      const before = await db.prisma.mission.findMany({ select: { id: true, status: true, startedOn: true, completedOn: true } });
      expect(before.filter((m) => m.completedOn).length).toBeGreaterThan(5);
      // the demo database as it was before the migration, then the migration's own SQL
      await db.pool.query('ALTER TABLE "Mission" DROP CONSTRAINT "Mission_completed_after_start", DROP COLUMN "startedOn", DROP COLUMN "completedOn"');
      await db.pool.query(readFileSync(path.join(MIGRATIONS_DIR, '20261130000000_mission_real_dates', 'migration.sql'), 'utf8'));
      const after = await db.prisma.mission.findMany({ select: { id: true, status: true, startedOn: true, completedOn: true } });
      expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
      const done = before.find((m) => m.completedOn)!;
      await expect(db.pool.query('UPDATE "Mission" SET "completedOn" = "startedOn" - 1 WHERE id = $1', [done.id])).rejects.toThrow(/Mission_completed_after_start/);
    } finally {
      await db.close();
    }
  });
});
