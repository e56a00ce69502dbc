import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { csrfFrom } from '../helpers/forms.js';
import { byTestId, escapeHtml, fr, signedIn, STRONG_PASSWORD } from '../helpers/security.js';
import { createExpert, PDF_BYTES, PNG_BYTES, startExpertsApp } from './experts-fixtures.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: Awaited<ReturnType<typeof startExpertsApp>>;
let me: { userId: string; profileId: string };
let as: { owner: Agent; other: Agent; staff: Agent; otherStaff: Agent; officer: Agent; admin: Agent };

beforeAll(async () => {
  t = await startExpertsApp();
  const p = t.db.prisma;
  me = await createExpert(p, 'cv.owner@example.org', { firstName: 'Karim', lastName: 'Ouazzani' });
  await p.expertProfile.update({ where: { id: me.profileId }, data: { phone: '+32 470 12 34 56' } });
  await createExpert(p, 'cv.other@example.org');
  // The owner applied to a need of the demo staff member's institution; another institution's staff has no link.
  const mine = await p.institutionMember.findFirstOrThrow({ where: { user: { email: 'staff@demo.jisr.local' }, status: 'active' } });
  const need = await p.need.findFirstOrThrow({ where: { institutionId: mine.institutionId, status: 'published' } });
  await p.candidacy.create({ data: { needId: need.id, expertId: me.profileId, status: 'applied' } });
  const otherInstitution = await p.institution.findFirstOrThrow({ where: { status: 'verified', id: { not: mine.institutionId } } });
  await p.user.create({
    data: {
      email: 'other.staff@example.org', passwordHash: await hashPassword(STRONG_PASSWORD), role: 'staff', emailVerifiedAt: new Date(),
      memberships: { create: { institutionId: otherInstitution.id, role: 'staff', status: 'active' } },
    },
  });
  const [owner, other, staff, otherStaff, officer, admin] = await Promise.all([
    signedIn(t.app, 'cv.owner@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'cv.other@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'other.staff@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD),
  ]);
  as = { owner, other, staff, otherStaff, officer, admin };
});
afterAll(() => t?.close());

async function upload(bytes: Buffer, filename: string, contentType: string, who: Agent = as.owner) {
  const token = csrfFrom((await who.agent.get('/experts/me/cv')).text);
  return who.agent.post(`/experts/me/cv?_csrf=${encodeURIComponent(token)}`).attach('cv', bytes, { filename, contentType });
}
const profile = () => t.db.prisma.expertProfile.findUniqueOrThrow({ where: { id: me.profileId } });
const downloads = () => t.db.prisma.auditLog.count({ where: { action: 'expert.cv_downloaded', entityId: me.profileId } });
const cvDir = () => path.join(t.dataDir, 'cv');

describe('CV upload', () => {
  it('refuses a PNG renamed .pdf and declared as a PDF: the bytes decide', async () => {
    const res = await upload(PNG_BYTES, 'cv.pdf', 'application/pdf');
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-cv')).toBe(escapeHtml(fr('validation.expert.cvNotPdf')));
    expect((await profile()).cvFileKey).toBeNull();
  });

  it('refuses a 6 MB file, and a form without a file', async () => {
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const res = await upload(big, 'cv.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(byTestId(res.text, 'field-error-cv')).toBe(escapeHtml(fr('validation.expert.cvTooLarge', { max: 5 })));
    const token = csrfFrom((await as.owner.agent.get('/experts/me/cv')).text);
    const empty = await as.owner.agent.post(`/experts/me/cv?_csrf=${encodeURIComponent(token)}`).field('_csrf', token);
    expect(empty.status).toBe(400);
    expect((await profile()).cvFileKey).toBeNull();
    expect(existsSync(cvDir()) ? readdirSync(cvDir()) : []).toEqual([]);
  });

  it('refuses an upload without the CSRF token', async () => {
    const res = await as.owner.agent.post('/experts/me/cv').attach('cv', PDF_BYTES, { filename: 'cv.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(403);
    expect((await profile()).cvFileKey).toBeNull();
  });

  it('stores a PDF under DATA_DIR/cv, whatever its name and declared type, and audits it', async () => {
    const res = await upload(PDF_BYTES, 'mon CV.bin', 'application/octet-stream');
    expect(res.status).toBe(303);
    const p = await profile();
    expect(p.cvFileKey).toBe(`${me.profileId}.pdf`);
    expect(readFileSync(path.join(cvDir(), p.cvFileKey!))).toEqual(PDF_BYTES);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.cv_uploaded', entityId: me.profileId } })).toBe(1);
  });

  it('replaces the file in place, leaving no temporary file behind', async () => {
    const second = Buffer.concat([PDF_BYTES, Buffer.from('% second version\n')]);
    expect((await upload(second, 'cv-2.pdf', 'application/pdf')).status).toBe(303);
    expect(readdirSync(cvDir())).toEqual([`${me.profileId}.pdf`]);
    const res = await as.owner.agent.get(`/experts/${me.profileId}/cv`);
    expect(Buffer.from(res.body as Buffer)).toEqual(second);
  });
});

describe('CV download', () => {
  it('is not reachable as a static file, under any path', async () => {
    const key = `${me.profileId}.pdf`;
    for (const url of [`/static/${key}`, `/static/cv/${key}`, `/public/cv/${key}`, `/cv/${key}`, `/static/..%2F.data%2Fcv%2F${key}`, `/static/%2e%2e/${key}`]) {
      const res = await request(t.app).get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers['content-type'] ?? '', url).not.toMatch(/pdf/);
    }
  });

  it('serves the owner, officers and staff of the institution the expert applied to, as an attachment, each time audited', async () => {
    for (const who of [as.owner, as.officer, as.staff]) {
      const before = await downloads();
      const res = await who.agent.get(`/experts/${me.profileId}/cv`).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cv-[0-9a-f-]+\.pdf"$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(await downloads()).toBe(before + 1);
    }
  });

  it('answers 404 to another expert, to staff of another institution, to admins and to anonymous visitors', async () => {
    const before = await downloads();
    for (const who of [as.other, as.otherStaff, as.admin]) {
      const res = await who.agent.get(`/experts/${me.profileId}/cv`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).not.toMatch(/pdf/);
    }
    expect((await request(t.app).get(`/experts/${me.profileId}/cv`)).status).toBe(404);
    expect(await downloads()).toBe(before);
  });

  it('shows contact details and the CV link on the profile page to the candidate institution only', async () => {
    const staffView = await as.staff.agent.get(`/experts/${me.profileId}`);
    expect(staffView.status).toBe(200);
    expect(byTestId(staffView.text, 'expert-email')).toBe('cv.owner@example.org');
    expect(staffView.text).toContain('+32 470 12 34 56');
    expect(staffView.text).toContain(`href="/experts/${me.profileId}/cv"`);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.private_viewed', entityId: me.profileId, actor: { email: 'staff@demo.jisr.local' } } })).toBe(1);
    const otherView = await as.otherStaff.agent.get(`/experts/${me.profileId}`);
    expect(otherView.status).toBe(200);
    expect(otherView.text).not.toContain('cv.owner@example.org');
    expect(otherView.text).not.toContain('+32 470 12 34 56');
    expect(otherView.text).not.toContain('/cv"');
  });

  it('deletes the CV: the file goes and the download then answers 404', async () => {
    expect((await as.owner.postFrom('/experts/me/cv/delete', {}, '/experts/me/cv')).status).toBe(303);
    expect((await profile()).cvFileKey).toBeNull();
    expect(readdirSync(cvDir())).toEqual([]);
    expect((await as.officer.agent.get(`/experts/${me.profileId}/cv`)).status).toBe(404);
  });
});
