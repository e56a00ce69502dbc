import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { newPage, seriousViolations, submitAndWait } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => app?.close());

const expectations = {
  fr: { dir: 'ltr', eligible: 'Éligible au cofinancement', grant: /200[.\s\u202f]000,00\sMAD/, shareError: /100 %/ },
  ar: { dir: 'rtl', eligible: 'مؤهَّل للتمويل المشترك', grant: /200[.,]000[.,]00/, shareError: /100 %/ },
} as const;

describe.each(Object.entries(expectations))('the investment simulator in %s', (lng, expected) => {
  it('answers the form with the eligibility, each rule, the grant and the plan, at an address one can share; axe-core clean', async () => {
    const page = await newPage(app.browser);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${app.baseUrl}/invest?lng=${lng}`);
    expect(await page.getAttribute('html', 'dir')).toBe(expected.dir);
    expect(await page.getByTestId('active-rules').locator('li').count()).toBeGreaterThanOrEqual(6);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#f-totalCost').fill('2000000');
    await page.locator('#f-diasporaShare').fill('100');
    await page.locator('#f-ownFunds').fill('600000');
    await page.locator('#f-sector').selectOption('industry');
    await page.locator('#f-kind').selectOption('creation');
    await page.locator('#f-promoter').selectOption('abroad');
    await submitAndWait(page, page.getByTestId('simulate'));
    expect(page.url()).toContain('/invest/simulate?totalCost=2000000');

    const result = page.getByTestId('eligibility-result');
    expect(await result.getAttribute('data-eligible')).toBe('true');
    expect(await result.innerText()).toContain(expected.eligible);
    expect(await page.getByTestId('rule-outcome').count()).toBe(5);
    expect(await page.getByTestId('grant-amount').innerText()).toMatch(expected.grant);
    expect(await page.getByTestId('plan-bar').locator('rect').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);

    // The same address, opened afresh (a bookmark, a link sent to the bank), gives the same answer.
    const again = await newPage(app.browser);
    await again.goto(page.url());
    expect(await again.getByTestId('grant-amount').getAttribute('data-amount')).toBe('200000.00');
    await again.close();
    expect(errors.join('\n'), 'no console errors (CSP violations show up here)').toBe('');
    await page.close();
  });

  it('shows a bad share next to its field, in the page\'s language, and stays accessible', async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.baseUrl}/invest/simulate?totalCost=2000000&diasporaShare=150&ownFunds=600000&sector=industry&kind=creation&promoter=abroad&lng=${lng}`);
    expect(await page.getByTestId('field-error-diasporaShare').innerText()).toMatch(expected.shareError);
    expect(await page.locator('#f-diasporaShare').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('eligibility-result').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
