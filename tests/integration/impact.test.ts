import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { escapeHtml, fr, STRONG_PASSWORD } from '../helpers/security.js';
import { seedReportFixture } from './reports-fixture.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedReportFixture(t.db.prisma, await hashPassword(STRONG_PASSWORD));
});
afterAll(() => t?.close());

const cells = (html: string, id: string) => {
  const m = new RegExp(`data-figure="${id}">([\\s\\S]*?)</table>`).exec(html)!;
  return Object.fromEntries([...m[1]!.matchAll(/<tr data-key="([^"]+)">[\s\S]*?data-testid="impact-figure">([^<]*)</g)].map((r) => [r[1]!, r[2]!]));
};

describe('the public impact page', () => {
  it('is open to all, aggregates only, with every count under 5 people hidden', async () => {
    const res = await request(t.app).get('/impact').expect(200);
    const hidden = escapeHtml(fr('impact.suppressed'));
    // 7 experts in all: shown; 1 mission completed: hidden, and its person-days with it; needs are not people
    const summary = [...res.text.matchAll(/<dd class="h3 mb-0" data-testid="impact-figure">([^<]*)</g)].map((m) => m[1]);
    expect(summary).toEqual(['7', hidden, hidden, '4']);
    expect(cells(res.text, 'impact-experts-kind')).toEqual({ diaspora: hidden, south_south: hidden, immigrant_resident: hidden });
    expect(cells(res.text, 'impact-experts-gender')).toEqual({ female: hidden, male: hidden, other: '0', undisclosed: '0' });
    const regions = cells(res.text, 'impact-experts-region');
    expect([regions.SM, regions.CS, regions.TTA]).toEqual([hidden, hidden, '0']);
    expect(cells(res.text, 'impact-missions-region').SM).toBe(hidden);
    // no personal data and no money
    for (const secret of ['@example.org', 'Hydrologue', '+336', 'MAD', 'EU-TRQN']) expect(res.text).not.toContain(secret);
    expect(res.text).toContain('data-testid="report-chart"');
  });

  it('speaks Arabic, right to left', async () => {
    const res = await request(t.app).get('/impact?lng=ar').expect(200);
    expect(res.text).toContain('dir="rtl"');
    expect(res.text).toContain('أثر البرنامج');
  });
});
