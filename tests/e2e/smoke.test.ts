import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { newPage, seriousViolations } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => app?.close());

const expectations = {
  fr: { dir: 'ltr', home: 'Les compétences de la diaspora', needs: 'Besoins des institutions' },
  ar: { dir: 'rtl', home: 'كفاءات الجالية في خدمة مؤسسات الوطن', needs: 'احتياجات المؤسسات' },
} as const;

describe.each(Object.entries(expectations))('in %s', (lng, expected) => {
  it('the home page loads with its figures and passes axe-core', async () => {
    const page = await newPage(app.browser);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${app.baseUrl}/?lng=${lng}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lng);
    expect(await page.getAttribute('html', 'dir')).toBe(expected.dir);
    await expect.poll(() => page.locator('h1').innerText()).toContain(expected.home);
    const openNeeds = await page.getByTestId('figure-openNeeds').innerText();
    expect(Number(openNeeds.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors.join('\n'), 'no console errors (CSP violations show up here)').toBe('');
    await page.close();
  });

  it('the needs catalogue lists need cards, searches, and passes axe-core', async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.baseUrl}/needs?lng=${lng}`);
    expect(await page.getAttribute('html', 'dir')).toBe(expected.dir);
    expect(await page.locator('h1').innerText()).toContain(expected.needs);
    expect(await page.getByTestId('need-card').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    const firstTitle = await page.getByTestId('need-card').first().locator('h3').innerText();
    await page.locator('#q').fill(firstTitle);
    await page.locator('form[role=search] button[type=submit]').click();
    await page.waitForURL(/q=/);
    expect(await page.getByTestId('need-card').first().locator('h3').innerText()).toBe(firstTitle);

    await page.getByTestId('need-card').first().locator('h3 a').click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}/);
    expect(await page.locator('h1').innerText()).toBe(firstTitle);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
