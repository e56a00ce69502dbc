import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';
import { needFields, otherStaff, staffInstitution } from '../helpers/needs.js';

let t: TestApp;
const LIMITS = { login: { windowMs: 60_000, limit: 1000 } };
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LIMITS });
});
afterAll(() => t.close());

const as = (email: string) => signedInAgent(t.app, email);

async function act(b: Awaited<ReturnType<typeof as>>, needId: string, action: string, extra: Record<string, string> = {}) {
  const need = await t.db.prisma.need.findUniqueOrThrow({ where: { id: needId } });
  return b.post(`/needs/${needId}`, `/needs/${needId}/transitions/${action}`, { version: String(need.version), ...extra });
}

async function createDraft(b: Awaited<ReturnType<typeof as>>, overrides: Record<string, string> = {}) {
  const res = await b.post('/needs/new', '/needs/new', needFields(overrides));
  expect(res.status, res.text.slice(0, 300)).toBe(303);
  return res.headers.location!.split('/').pop()!;
}

describe('need editor', () => {
  it('creates a draft with its skills (by label or code) and languages, recorded as an event', async () => {
    const staff = await as('staff@demo.jisr.local');
    const id = await createDraft(staff);
    const need = await t.db.prisma.need.findUniqueOrThrow({ where: { id }, include: { skills: { include: { skill: true } }, languages: true, events: true } });
    expect(need).toMatchObject({ status: 'draft', institutionId: await staffInstitution(t.db.prisma), durationDays: 15, climateTag: true });
    expect(need.skills.map((s) => [s.skill.code, s.minLevel, s.requirement]).sort()).toEqual([
      ['agriculture.drip_irrigation', 3, 'required'], ['agriculture.irrigation', 2, 'desirable'],
    ]);
    expect(need.languages).toMatchObject([{ language: 'fr', minLevel: 'B2' }]);
    expect(need.events).toMatchObject([{ fromStatus: null, toStatus: 'draft' }]);
  });

  it('re-renders with per-field messages and stores nothing on bad input', async () => {
    const staff = await as('staff@demo.jisr.local');
    const before = await t.db.prisma.need.count();
    const res = await staff.post('/needs/new', '/needs/new', needFields({
      title: '', windowEnd: '2027-02-01', skill_0: 'Jonglage sous-marin', skill_1: '', durationDays: 'douze',
    }));
    expect(res.status).toBe(400);
    for (const f of ['title', 'durationDays']) expect(res.text).toContain(`data-testid="field-error-${f}"`);
    expect(res.text).toContain('value="Taroudant"');
    expect(await t.db.prisma.need.count()).toBe(before);
    const unknown = await staff.post('/needs/new', '/needs/new', needFields({ skill_0: 'Jonglage sous-marin' }));
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('data-testid="field-error-skill_0"');
    expect(await t.db.prisma.need.count()).toBe(before);
  });

  it('refuses experts and officers on the editor, and staff of another institution on an edit', async () => {
    const expert = await as('expert@demo.jisr.local');
    expect((await expert.agent.get('/needs/new')).status).toBe(403);
    const staff = await as('staff@demo.jisr.local');
    const id = await createDraft(staff);
    const other = await otherStaff(t.db.prisma, await staffInstitution(t.db.prisma));
    await t.db.prisma.user.update({ where: { id: other.userId }, data: { passwordHash: (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'staff@demo.jisr.local' } })).passwordHash } });
    const intruder = await as(other.user.email);
    expect((await intruder.agent.get(`/needs/${id}/edit`)).status).toBe(404);
    const page = await intruder.agent.get('/needs/new');
    const res = await intruder.agent.post(`/needs/${id}/edit`).type('form').send({ _csrf: csrfFrom(page.text), ...needFields({ title: 'Piraté', version: '0' }) });
    expect([403, 404]).toContain(res.status);
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id } })).title).not.toBe('Piraté');
  });

  it('refuses a stale edit (optimistic lock) without losing the newer one', async () => {
    const staff = await as('staff@demo.jisr.local');
    const id = await createDraft(staff);
    const first = await staff.post(`/needs/${id}/edit`, `/needs/${id}/edit`, needFields({ title: 'Première version du titre', version: '0' }));
    expect(first.status).toBe(303);
    const stale = await staff.post(`/needs/${id}/edit`, `/needs/${id}/edit`, needFields({ title: 'Version périmée du titre', version: '0' }));
    expect(stale.status).toBe(409);
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id } })).title).toBe('Première version du titre');
  });
});

describe('need lifecycle', () => {
  it('draft → submitted (staff) → sent back with a comment (officer) → submitted → published (officer) → closed', async () => {
    const staff = await as('staff@demo.jisr.local');
    const officer = await as('officer@demo.jisr.local');
    const id = await createDraft(staff);
    expect((await act(officer, id, 'submit')).status).toBe(403);
    expect((await act(staff, id, 'publish')).status).toBe(403);
    expect((await act(staff, id, 'submit')).status).toBe(303);
    expect(await t.db.prisma.notification.count({ where: { kind: 'need.submitted', link: `/needs/${id}` } })).toBeGreaterThan(0);
    const noNote = await act(officer, id, 'send_back');
    expect(noNote.status).toBe(303);
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id } })).status).toBe('submitted');
    await act(officer, id, 'send_back', { note: 'Précisez les livrables attendus.' });
    const page = await staff.agent.get(`/needs/${id}`);
    expect(page.text).toContain('Précisez les livrables attendus.');
    await act(staff, id, 'submit');
    expect((await act(officer, id, 'publish')).status).toBe(303);
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id } })).status).toBe('published');
    expect((await staff.agent.get(`/needs/${id}/edit`)).status).toBe(403);
    expect((await act(staff, id, 'close')).status).toBe(303);
    const events = await t.db.prisma.needEvent.findMany({ where: { needId: id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.toStatus)).toEqual(['draft', 'submitted', 'draft', 'submitted', 'published', 'closed']);
    expect(events.every((e) => e.actorId)).toBe(true);
  });

  it('lets only verified institutions submit', async () => {
    const staff = await as('staff@demo.jisr.local');
    const id = await createDraft(staff);
    const institutionId = await staffInstitution(t.db.prisma);
    await t.db.prisma.institution.update({ where: { id: institutionId }, data: { status: 'pending' } });
    await act(staff, id, 'submit');
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
    await t.db.prisma.institution.update({ where: { id: institutionId }, data: { status: 'verified' } });
  });

  it('cancels from an open state with a reason, and a cancelled need takes no candidacy', async () => {
    const staff = await as('staff@demo.jisr.local');
    const officer = await as('officer@demo.jisr.local');
    const id = await createDraft(staff);
    await act(staff, id, 'submit');
    await act(officer, id, 'publish');
    await act(staff, id, 'cancel', { note: 'Budget supprimé.' });
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id } })).status).toBe('cancelled');
    const expert = await as('expert@demo.jisr.local');
    expect((await expert.agent.get(`/needs/${id}`)).status).toBe(404);
    const page = await expert.agent.get('/needs');
    const res = await expert.agent.post(`/needs/${id}/apply`).type('form').send({ _csrf: csrfFrom(page.text), motivation: 'Je suis très motivée par ce besoin précis.' });
    expect(res.status).toBe(404);
    expect(await t.db.prisma.candidacy.count({ where: { needId: id } })).toBe(0);
    expect((await act(staff, id, 'submit')).status).toBe(403);
  });

  it('lets exactly one of two concurrent officers publish', async () => {
    const staff = await as('staff@demo.jisr.local');
    const id = await createDraft(staff);
    await act(staff, id, 'submit');
    const [a, b] = [await as('officer@demo.jisr.local'), await as('officer@demo.jisr.local')];
    const version = String((await t.db.prisma.need.findUniqueOrThrow({ where: { id } })).version);
    const pages = await Promise.all([a.agent.get(`/needs/${id}`), b.agent.get(`/needs/${id}`)]);
    await Promise.all([a, b].map((o, i) => o.agent.post(`/needs/${id}/transitions/publish`).type('form').send({ _csrf: csrfFrom(pages[i]!.text), version })));
    expect(await t.db.prisma.needEvent.count({ where: { needId: id, toStatus: 'published' } })).toBe(1);
  });
});
