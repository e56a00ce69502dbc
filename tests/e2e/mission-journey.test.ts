import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { seriousViolations, submitAndWait } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { needWithSelectedExpert } from '../helpers/missions.js';

let app: BrowserApp;
/** The app's day: two months before the mission (whose need opens on 2027-09-01), until the journey reaches it. */
let today = new Date('2027-07-01T10:00:00Z');
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB, clock: () => today });
});
afterAll(() => app?.close());

const signedIn = (email: string, lng = 'fr') => signedInPage(app, email, { lng });

async function act(page: Page, action: string) {
  await submitAndWait(page, page.getByTestId(`mission-action-${action}`));
  const error = page.getByTestId('flash-error');
  if (await error.count()) throw new Error(`${action}: ${await error.innerText()}`);
}

describe('a mission from selection to evaluation', () => {
  it('selection → acceptance → approval → briefing → report → evaluation, with the timeline', { timeout: 120_000 }, async () => {
    const { need, candidacy } = await needWithSelectedExpert(app.t.db.prisma);
    const staff = await signedIn('staff@demo.jisr.local');
    await staff.goto(`${app.baseUrl}/needs/${need.id}`);
    await submitAndWait(staff, staff.locator(`form[action="/candidacies/${candidacy.id}/transitions/select"] button`));
    expect(await staff.getByTestId('flash-success').innerText()).toBe('Candidat retenu.');
    const mission = await app.t.db.prisma.mission.findUniqueOrThrow({ where: { candidacyId: candidacy.id } });
    const url = `${app.baseUrl}/missions/${mission.id}`;

    const expert = await signedIn('expert@demo.jisr.local');
    await expert.goto(`${url}?lng=ar`);
    expect(await expert.getAttribute('html', 'dir')).toBe('rtl');
    await act(expert, 'accept');
    expect(await seriousViolations(expert)).toEqual([]);

    const officer = await signedIn('officer@demo.jisr.local');
    await officer.goto(url);
    await officer.locator('#f-travelCost').fill('5200');
    await submitAndWait(officer, officer.getByTestId('set-budget'));
    expect(await officer.getByTestId('flash-success').count()).toBe(1);
    expect(await officer.getByTestId('budget-total').innerText()).toMatch(/\d/);
    await act(officer, 'approve');
    expect(await officer.getByTestId('mission-status').innerText()).toBe('Approuvée');
    for (const item of ['documents', 'travel', 'insurance', 'contact']) await officer.locator(`#brief-${item}`).check();
    await submitAndWait(officer, officer.getByTestId('save-briefing'));
    expect(await officer.getByTestId('flash-success').count()).toBe(1);
    await act(officer, 'brief');
    expect(await seriousViolations(officer)).toEqual([]);

    await expert.goto(url);
    expect(await expert.getByTestId('mission-starts-later').count()).toBe(1);
    expect(await expert.getByTestId('mission-action-start').count()).toBe(0);
    today = new Date(`${mission.startsOn.toISOString().slice(0, 10)}T08:00:00Z`);
    await expert.goto(url);
    await act(expert, 'start');
    await act(expert, 'complete');
    await expert.locator('#f-activities').fill('ورشات مع الفرق التقنية وزيارات ميدانية.');
    await expert.locator('#f-results').fill('اعتماد خطة للنجاعة الطاقية.');
    await expert.locator('#f-recommendations').fill('تتبع فصلي للاستهلاك.');
    await act(expert, 'report');

    await staff.goto(url);
    await staff.locator('#f-rating').selectOption('5');
    await staff.locator('#f-outcomes').fill('Facture énergétique réduite de 18 % en six mois.');
    await act(staff, 'evaluate');
    expect(await staff.getByTestId('mission-status').innerText()).toBe('Évaluée');
    const timeline = await staff.getByTestId('mission-event').allInnerTexts();
    expect(timeline.map((line) => line.split('—')[1]?.split('·')[0]?.trim())).toEqual([
      'Proposée', 'Acceptée', 'Approuvée', 'Préparée', 'En cours', 'Terminée', 'Rapport remis', 'Évaluée',
    ]);
    expect(await seriousViolations(staff)).toEqual([]);
  });
});
