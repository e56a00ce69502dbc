import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelRegistration, registerForEvent } from '../../src/events/register-for-event.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { extractText } from '../helpers/pdf-text.js';

/** The app's clock, moved by each test. */
let now = new Date('2027-03-01T10:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, clock: () => now, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t?.close());

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const form = (over: Record<string, string | string[]> = {}): Record<string, string> => ({
  title: 'Atelier Sud–Sud : registres de compétences de la diaspora',
  description: 'Partage de pratiques entre autorités de la migration du Maroc, du Sénégal et de la Côte d’Ivoire.',
  theme: 'south_south', timeZone: 'Africa/Casablanca', startsAt: '2027-03-10T09:00', endsAt: '2027-03-10T17:00',
  registrationDeadline: '2027-03-08T18:00', place: 'Rabat, Maison de la diaspora', onlineUrl: '', languages: 'fr', capacity: '2',
  audiences: ['diaspora', 'south_south'] as unknown as string, ...(over as Record<string, string>),
});
const ctx = (actorId: string) => ({ actorId, now, publicUrl: 'http://jisr.test' });
const demoExperts = async (n: number) =>
  (await t.db.prisma.user.findMany({ where: { role: 'expert', expertProfile: { kind: 'diaspora' }, email: { not: 'expert@demo.jisr.local' } }, take: n, orderBy: { email: 'asc' } })).map((u) => u.id);

describe('workshops and events', () => {
  let eventId: string;

  it('an officer creates one; bad input is refused next to its field and nothing is stored', async () => {
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    for (const [over, field] of [
      [{ capacity: '0' }, 'capacity'],
      [{ endsAt: '2027-03-10T08:00' }, 'endsAt'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ place: '', onlineUrl: '' }, 'place'],
      [{ registrationDeadline: '2027-03-11T09:00' }, 'registrationDeadline'],
    ] as const) {
      const res = await officer.post('/events/new', '/events', form(over));
      expect(res.status, field).toBe(400);
      expect(res.text).toContain(`data-testid="field-error-${field}"`);
    }
    expect(await t.db.prisma.event.count()).toBe(0);
    const res = await officer.post('/events/new', '/events', form());
    expect(res.status).toBe(303);
    const event = await t.db.prisma.event.findFirstOrThrow();
    eventId = event.id;
    // Casablanca goes back to UTC+0 during Ramadan (until mid-March 2027): 09:00 there is 09:00 UTC that day,
    // which Intl's time-zone rules know and a fixed "+1" would get wrong
    expect(event).toMatchObject({ startsAt: new Date('2027-03-10T09:00:00Z'), capacity: 2, audiences: ['diaspora', 'south_south'], languages: ['fr'] });
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    expect((await expert.agent.get('/events/new')).status).toBe(403);
  });

  it('lists it with its places left, and registers an expert and a staff member', async () => {
    const list = await request(t.app).get('/events');
    expect(list.text).toContain('data-testid="event-card"');
    expect(list.text).toMatch(/data-testid="event-seats-left">2 places restantes/);
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    expect((await expert.post(`/events/${eventId}`, `/events/${eventId}/register`, {})).status).toBe(303);
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    expect((await staff.post(`/events/${eventId}`, `/events/${eventId}/register`, {})).status).toBe(303);
    const page = await request(t.app).get(`/events/${eventId}?lng=ar`);
    expect(page.text).toContain('data-testid="event-seats-left"');
    expect(page.text).toContain('مكتملة');
    expect(await t.db.prisma.eventRegistration.count({ where: { eventId, status: 'confirmed' } })).toBe(2);
  });

  it('puts latecomers on the waiting list and promotes them in order when a place frees up, telling them', async () => {
    const [a, b] = await demoExperts(2);
    now = new Date('2027-03-02T10:00:00Z');
    expect(await registerForEvent(t.db.prisma, eventId, ctx(a!))).toBe('waitlisted');
    now = new Date('2027-03-02T11:00:00Z');
    expect(await registerForEvent(t.db.prisma, eventId, ctx(b!))).toBe('waitlisted');
    const staffId = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'staff@demo.jisr.local' } })).id;
    expect(await cancelRegistration(t.db.prisma, eventId, ctx(staffId))).toEqual({ ok: true, promotedUserId: a });
    const statuses = Object.fromEntries((await t.db.prisma.eventRegistration.findMany({ where: { eventId } })).map((r) => [r.userId, r.status]));
    expect(statuses).toMatchObject({ [a!]: 'confirmed', [b!]: 'waitlisted', [staffId]: 'cancelled' });
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { userId: a!, kind: 'event_promoted' } });
    expect(note.link).toBe(`/events/${eventId}`);
  });

  it('refuses a registration after the deadline and stores nothing', async () => {
    const [c] = await demoExperts(3).then((ids) => ids.slice(2));
    now = new Date('2027-03-08T18:01:00Z');
    expect(await registerForEvent(t.db.prisma, eventId, ctx(c!))).toBe('deadline');
    expect(await t.db.prisma.eventRegistration.count({ where: { eventId, userId: c! } })).toBe(0);
    now = new Date('2027-03-02T12:00:00Z');
  });

  it('concurrent registrations for the last place: exactly one gets it', async () => {
    const officerId = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'officer@demo.jisr.local' } })).id;
    const race = await t.db.prisma.event.create({
      data: {
        title: 'Course', description: 'Une dernière place disputée', theme: 'skills', timeZone: 'UTC', place: 'Rabat', capacity: 3,
        startsAt: new Date('2027-04-01T09:00:00Z'), endsAt: new Date('2027-04-01T12:00:00Z'), registrationDeadline: new Date('2027-03-31T00:00:00Z'), createdById: officerId,
      },
    });
    const users = await demoExperts(12);
    for (const u of users.slice(0, 2)) expect(await registerForEvent(t.db.prisma, race.id, ctx(u))).toBe('confirmed');
    const outcomes = await Promise.all(users.slice(2).map((u) => registerForEvent(t.db.prisma, race.id, ctx(u))));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(9);
    expect(await t.db.prisma.eventRegistration.count({ where: { eventId: race.id, status: 'confirmed' } })).toBe(3);
  });

  it('records attendance and outcomes afterwards, and gives the participant a certificate with their Arabic name', async () => {
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    const expertUser = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'expert@demo.jisr.local' } });
    await t.db.prisma.expertProfile.update({ where: { userId: expertUser.id }, data: { firstName: 'سلمى', lastName: 'العلوي' } });
    const mine = await t.db.prisma.eventRegistration.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId: expertUser.id } } });
    let event = await t.db.prisma.event.findUniqueOrThrow({ where: { id: eventId } });
    const early = await officer.post(`/events/${eventId}`, `/events/${eventId}/attendance`, { version: String(event.version), present: mine.id });
    expect(early.status).toBe(303);
    expect((await t.db.prisma.eventRegistration.findUniqueOrThrow({ where: { id: mine.id } })).attended).toBeNull();
    now = new Date('2027-03-10T18:00:00Z');
    await officer.post(`/events/${eventId}`, `/events/${eventId}/attendance`, { version: String(event.version), present: mine.id });
    expect((await t.db.prisma.eventRegistration.findUniqueOrThrow({ where: { id: mine.id } })).attended).toBe(true);
    event = await t.db.prisma.event.findUniqueOrThrow({ where: { id: eventId } });
    await officer.post(`/events/${eventId}`, `/events/${eventId}/outcomes`, { version: String(event.version), outcomes: 'Trois pratiques retenues pour le registre national.' });
    expect(await t.db.prisma.event.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ status: 'held', outcomes: 'Trois pratiques retenues pour le registre national.' });
    // a stale version is refused, nothing changes
    await officer.post(`/events/${eventId}`, `/events/${eventId}/outcomes`, { version: String(event.version), outcomes: 'Une autre version écrite en même temps.' });
    expect((await t.db.prisma.event.findUniqueOrThrow({ where: { id: eventId } })).outcomes).toMatch(/^Trois/);

    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    const res = await expert.agent.get(`/events/${eventId}/certificate.pdf?lng=ar`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await extractText(res.body as Buffer, 'rtl');
    expect(text).toContain('سلمى العلوي');
    expect(text).toContain('شهادة المشاركة');
    const a = (await demoExperts(1))[0]!;
    expect((await t.db.prisma.eventRegistration.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId: a } } })).attended).toBe(false);
    expect((await officer.agent.get(`/events/${eventId}/certificate.pdf`)).status).toBe(403);
  });

  it('an officer cancels an open event at the version read; registered people are told; registration closes', async () => {
    now = new Date('2027-03-20T10:00:00Z');
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    const race = await t.db.prisma.event.findFirstOrThrow({ where: { title: 'Course' } });
    const stale = await officer.post(`/events/${race.id}`, `/events/${race.id}/cancel`, { version: String(race.version + 1) });
    expect(stale.status).toBe(303);
    expect((await t.db.prisma.event.findUniqueOrThrow({ where: { id: race.id } })).status).toBe('open');
    await officer.post(`/events/${race.id}`, `/events/${race.id}/cancel`, { version: String(race.version) });
    expect((await t.db.prisma.event.findUniqueOrThrow({ where: { id: race.id } })).status).toBe('cancelled');
    expect(await t.db.prisma.notification.count({ where: { kind: 'event_cancelled' } })).toBe(12);
    const late = (await demoExperts(14))[13]!;
    expect(await registerForEvent(t.db.prisma, race.id, ctx(late))).toBe('closed');
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    expect((await expert.post(`/events/${race.id}`, `/events/${race.id}/cancel`, { version: '0' })).status).toBe(403);
  });

  it('serves an .ics file for calendars', async () => {
    const res = await request(t.app).get(`/events/${eventId}/event.ics`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.text).toContain('BEGIN:VEVENT');
    expect(res.text).toContain('DTSTART:20270310T090000Z');
    expect(res.text).toContain('LOCATION:Rabat\\, Maison de la diaspora');
    for (const line of res.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
