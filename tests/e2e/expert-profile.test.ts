import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_STEPS } from '../../src/experts/editor-steps.js';
import { startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { newPage, seriousViolations } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { STRONG_PASSWORD } from '../helpers/security.js';
import { createExpert, PDF_BYTES } from '../integration/experts-fixtures.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jisr-e2e-profile-'));
const EMAIL = 'nour.benjelloun@example.org';
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB, config: { dataDir } });
  await createExpert(app.t.db.prisma, EMAIL, { firstName: 'Nour', lastName: 'Benjelloun' });
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, lng: string) {
  await page.goto(`${app.baseUrl}/login?lng=${lng}`);
  await page.locator('#f-email').fill(EMAIL);
  await page.locator('#f-password').fill(STRONG_PASSWORD);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL(/\/me$/);
}

/** Saves a step form and waits for the next page; axe-core checks the page first. */
async function saveStep(page: Page, next: string) {
  expect(await seriousViolations(page), page.url()).toEqual([]);
  await page.getByRole('button', { name: 'حفظ ومتابعة' }).click();
  await page.waitForURL(new RegExp(`/experts/me/${next}$`));
  await page.getByTestId('flash-success').waitFor();
}

/** Types in the skill search, waits for the suggestion the script fetches, and adds it with a level and years. */
async function pickSkill(page: Page, typed: string, label: string, level: string, years: string) {
  await page.getByTestId('skill-search').fill(typed);
  const card = page.getByTestId('skill-suggestion').filter({ hasText: label });
  await card.waitFor();
  await card.locator('select[name="level"]').selectOption(level);
  await card.locator('input[name="years"]').fill(years);
  expect(await seriousViolations(page)).toEqual([]);
  await card.getByRole('button', { name: /إضافة/ }).click();
  await page.waitForURL(/\/experts\/me\/skills$/);
  await page.getByTestId('own-skill').filter({ hasText: label }).waitFor();
}

describe('an expert fills a complete profile in Arabic', () => {
  it('goes through every step, picks two skills from the suggestions, and reaches 100 %', async () => {
    const page = await newPage(app.browser);
    page.setDefaultTimeout(8000);
    await signIn(page, 'ar');
    await page.goto(`${app.baseUrl}/experts/me/identity?lng=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getByTestId('completeness').getAttribute('aria-valuenow')).toBe('0');

    // A mistake first: the form comes back with the message next to the field, and passes axe-core too.
    await page.getByLabel('الهاتف').fill('اتصل بي');
    await page.getByRole('button', { name: 'حفظ ومتابعة' }).click();
    await page.getByTestId('field-error-phone').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('الاسم الشخصي').fill('نور');
    await page.getByLabel('الاسم العائلي').fill('بنجلون');
    await page.getByLabel('امرأة').check();
    await page.getByLabel('الهاتف').fill('+33 6 11 22 33 44');
    await page.getByLabel('فرد من الجالية').check();
    await saveStep(page, 'residence');

    await page.getByLabel('بلد الإقامة').selectOption('FR');
    await page.getByLabel('مدينة الإقامة').fill('ليون');
    await page.getByLabel('الجنسية 1').selectOption('MA');
    await page.getByLabel('الجنسية 2').selectOption('FR');
    await page.getByLabel('جهة الأصل').selectOption('SM');
    // the commune of origin comes from the list of the region (issue 13), shown by its Arabic name
    await page.getByLabel('جماعة أو مدينة الأصل').selectOption({ label: 'تيزنيت' });
    await saveStep(page, 'professional');

    await page.getByLabel('عنوان الملف').fill('مهندسة في الري والموارد المائية');
    await page.getByLabel('نبذة').fill('خمس عشرة سنة من العمل الميداني في تدبير مياه الري بالمغرب وفرنسا.');
    await page.getByLabel('المشغّل').fill('المعهد الوطني للبحث الزراعي');
    await page.getByLabel('المنصب الحالي').fill('مهندسة أبحاث');
    await page.getByLabel('سنوات الخبرة').fill('15');
    await page.locator('#sectors-agriculture').check();
    await page.locator('#sectors-water_environment').check();
    await saveStep(page, 'preferences');

    await page.locator('#missionModes-on_site').check();
    await page.locator('#missionModes-remote').check();
    await page.locator('#preferredRegions-SM').check();
    await page.getByLabel('أطول مدة للمهمة (بالأيام)').fill('21');
    await saveStep(page, 'languages');

    for (const [code, level] of [['ar', 'native'], ['fr', 'C1']] as const) {
      await page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption(code);
      await page.getByRole('combobox', { name: 'المستوى', exact: true }).selectOption(level);
      await page.getByTestId('add-language').click();
      await page.getByTestId('flash-success').waitFor();
    }
    expect(await page.getByTestId('language-list').locator('li').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${app.baseUrl}/experts/me/skills`);
    await pickSkill(page, 'التنقيط', 'الري بالتنقيط', '4', '12');
    await pickSkill(page, 'الهيدروجيولوجيا', 'الهيدروجيولوجيا وتدبير الفرشات المائية', '3', '8');
    expect(await page.getByTestId('own-skill').count()).toBe(2);

    await page.goto(`${app.baseUrl}/experts/me/availability`);
    await page.locator('#f-startsOn').fill(day(20));
    await page.locator('#f-endsOn').fill(day(80));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('add-availability').click();
    await page.getByTestId('availability-list').waitFor();

    await page.goto(`${app.baseUrl}/experts/me/degrees`);
    await page.locator('#f-title').fill('دكتوراه في الهندسة القروية');
    await page.getByLabel('التخصص').fill('هيدروليك زراعي');
    await page.getByLabel('المؤسسة').fill('معهد الحسن الثاني للزراعة والبيطرة');
    await page.getByLabel('سنة الحصول عليها').fill('2011');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('add-degree').click();
    await page.getByTestId('degree-list').waitFor();

    await page.goto(`${app.baseUrl}/experts/me/cv`);
    await page.locator('#f-cv').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('upload-cv').click();
    await page.getByTestId('cv-current').waitFor();

    await page.goto(`${app.baseUrl}/experts/me`);
    expect(await page.getByTestId('completeness').getAttribute('aria-valuenow')).toBe('100');
    await page.getByTestId('profile-complete').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('passes axe-core on every editor page in Arabic and in French', async () => {
    const page = await newPage(app.browser);
    await signIn(page, 'fr');
    for (const lng of ['ar', 'fr']) {
      for (const url of ['/experts/me', ...EDITOR_STEPS.map((s) => `/experts/me/${s}`), '/experts/me/delete', '/experts/me/skills/suggest?q=irrigation']) {
        await page.goto(`${app.baseUrl}${url}${url.includes('?') ? '&' : '?'}lng=${lng}`);
        expect(await page.getAttribute('html', 'dir')).toBe(lng === 'ar' ? 'rtl' : 'ltr');
        expect(await seriousViolations(page), `${url} in ${lng}`).toEqual([]);
      }
    }
    await page.close();
  }, 180_000);
});
