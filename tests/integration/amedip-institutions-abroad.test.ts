import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, signedInAgent } from '../helpers/forms.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => t?.close());

const fields = (over: Record<string, string>) => ({
  displayName: 'Awa Ndiaye', email: 'awa@example.sn', password: 'Baobab-Thies-2026!', jobTitle: 'Directrice',
  mode: 'create', institutionName: 'Direction générale d’appui aux Sénégalais de l’extérieur', kind: 'ministry', regionCode: '', city: 'Dakar', ...over,
});
const register = (f: Record<string, string>) => browserLike(t.app).post('/register/institution', '/register/institution', f);

describe('institutions of partner countries register (South–South exchange)', () => {
  it('with a partner country and no region; an officer verifies them like any other', async () => {
    const form = await request(t.app).get('/register/institution');
    expect(form.text).toMatch(/<option value="SN"[^>]*>Sénégal</);
    const res = await register(fields({ countryCode: 'SN' }));
    expect(res.status).toBe(200);
    const inst = await t.db.prisma.institution.findFirstOrThrow({ where: { city: 'Dakar' } });
    expect(inst).toMatchObject({ countryCode: 'SN', regionCode: null, status: 'pending' });
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    const queue = await officer.agent.get('/officer');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain('Sénégal');
  });

  it.each([
    ['a country that is not a partner', { countryCode: 'FR', email: 'x1@example.fr' }, 'countryCode'],
    ['a code that is not ISO', { countryCode: 'XX', email: 'x2@example.fr' }, 'countryCode'],
    ['a home institution without a region', { countryCode: 'MA', email: 'x3@example.ma' }, 'regionCode'],
  ])('refuses %s, nothing stored', async (_label, over, field) => {
    const before = await t.db.prisma.institution.count();
    const res = await register(fields(over));
    expect(res.status).toBe(400);
    expect(res.text).toContain(`data-testid="field-error-${field}"`);
    expect(await t.db.prisma.institution.count()).toBe(before);
  });
});
