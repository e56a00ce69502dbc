import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { seriousViolations, submitAndWait } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => app?.close());

const signedIn = (email: string, lng = 'fr') => signedInPage(app, email, { lng });

describe('a need from posting to selection', () => {
  it('staff posts, officer publishes, expert finds it by search and applies, staff shortlists and selects', { timeout: 120_000 }, async () => {
    const title = 'Réseau goutte-à-goutte solaire pour la coopérative Tifawin';

    const staff = await signedIn('staff@demo.jisr.local');
    await submitAndWait(staff, staff.getByTestId('new-need'));
    await staff.waitForURL(/\/needs\/new$/);
    expect(await seriousViolations(staff)).toEqual([]);
    await staff.locator('#f-title').fill(title);
    await staff.locator('#f-description').fill('Concevoir et piloter un réseau goutte-à-goutte alimenté par pompage solaire pour 40 hectares.');
    await staff.locator('#f-baseline').fill('Irrigation gravitaire, 9 000 m³/ha/an.');
    await staff.locator('#f-sectorCode').selectOption('agriculture');
    await staff.locator('#f-regionCode').selectOption('SM');
    await staff.locator('#f-city').fill('Taroudant');
    await staff.locator('#f-mode').selectOption('hybrid');
    await staff.locator('#f-windowStart').fill('2027-03-01');
    await staff.locator('#f-windowEnd').fill('2027-05-31');
    await staff.locator('#f-durationDays').fill('14');
    await staff.locator('#f-expertsWanted').fill('1');
    await staff.locator('#f-skill_0').fill('Irrigation goutte-à-goutte');
    await staff.locator('#f-lang_0').selectOption('fr');
    await submitAndWait(staff, staff.getByTestId('save-need'));
    await staff.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    const needUrl = staff.url();
    expect(await staff.getByTestId('need-status').innerText()).toBe('Brouillon');
    await submitAndWait(staff, staff.getByTestId('need-action-submit'));
    expect(await staff.getByTestId('flash-success').count()).toBe(1);
    expect(await staff.getByTestId('need-status').innerText()).toBe('Soumis');

    const officer = await signedIn('officer@demo.jisr.local');
    await officer.goto(needUrl);
    await submitAndWait(officer, officer.getByTestId('need-action-publish'));
    expect(await officer.getByTestId('flash-success').count()).toBe(1);
    expect(await officer.getByTestId('need-status').innerText()).toBe('Publié');

    const expert = await signedIn('expert@demo.jisr.local');
    await expert.goto(`${app.baseUrl}/needs`);
    await expert.locator('#q').fill('goutte tifawin');
    await submitAndWait(expert, expert.locator('form[role=search] button[type=submit]'));
    await expert.waitForURL(/q=/);
    await expert.getByTestId('need-card').filter({ hasText: title }).locator('h3 a').click();
    await expert.waitForURL(needUrl);
    await expert.locator('#f-motivation').fill('Ingénieure en irrigation, j\'ai conçu des réseaux solaires à Taroudant et Tiznit.');
    await submitAndWait(expert, expert.getByTestId('apply'));
    expect(await expert.locator('[data-testid^=flash]').allInnerTexts()).toEqual(["Votre candidature est envoyée ; l'institution doit y répondre sous 10 jours."]);
    expect(await expert.getByTestId('candidacy-status').innerText()).toBe('Candidature');
    expect(await seriousViolations(expert)).toEqual([]);

    await staff.goto(needUrl);
    const row = staff.getByTestId('candidacy-row').filter({ hasText: 'Candidature' });
    await submitAndWait(staff, row.getByTestId('candidacy-shortlist'));
    expect(await staff.getByTestId('flash-success').count()).toBe(1);
    await submitAndWait(staff, staff.getByTestId('candidacy-row').first().getByTestId('candidacy-select'));
    expect(await staff.getByTestId('flash-success').count()).toBe(1);
    expect(await staff.getByTestId('candidacy-row').first().getByTestId('candidacy-status').innerText()).toBe('Retenu');
    expect(await seriousViolations(staff)).toEqual([]);

    await expert.goto(`${app.baseUrl}/me`);
    expect(await expert.getByTestId('notifications').innerText()).toContain(title);
  });
});
