import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { listen, startTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, newPage, seriousViolations } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { LOOSE_LIMITS } from '../helpers/security.js';

let t: TestApp;
let server: Server;
let baseUrl: string;
let browser: Browser;
let institutionId: string;

beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  ({ server, baseUrl } = await listen(t.app));
  browser = await launchBrowser();
  // An institution with published needs and past missions, so that every part of its page is drawn.
  const mission = await t.db.prisma.mission.findFirstOrThrow({ where: { status: 'evaluated', need: { institution: { status: 'verified' } } }, include: { need: true } });
  institutionId = mission.need.institutionId;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await t?.close();
});

/** A page whose console errors (CSP violations among them) are collected. */
async function watched(): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { page, errors };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL(/\/me$/);
}

describe.each([['fr', 'ltr'], ['ar', 'rtl']] as const)('in %s', (lng, dir) => {
  it('the list of institutions and an institution page pass axe-core', async () => {
    const { page, errors } = await watched();
    await page.goto(`${baseUrl}/institutions?lng=${lng}`);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect(await page.getByTestId('institution-row').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/institutions/${institutionId}`);
    expect(await page.getByTestId('figure-response-rate').count()).toBe(1);
    expect(await page.getByTestId('past-mission').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors.join('\n'), 'no console errors').toBe('');
    await page.close();
  });

  it('the officer queue passes axe-core, also with a refused rejection on screen', async () => {
    const { page, errors } = await watched();
    await signIn(page, 'officer@demo.jisr.local');
    await page.goto(`${baseUrl}/officer?lng=${lng}`);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect(await page.getByTestId('pending-institution').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('overdue-candidacy').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Rejecting without a reason: the page comes back with the message tied to the field.
    await page.getByTestId('reject-institution').first().click();
    await page.waitForLoadState();
    expect(await page.getByTestId('field-error-reason').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/status of 400/.test(e)).join('\n'), 'no console errors').toBe('');
    await page.close();
  });

  it("an institution administrator's members page passes axe-core", async () => {
    const { page, errors } = await watched();
    await signIn(page, 'staff@demo.jisr.local');
    const id = (await t.db.prisma.institution.findFirstOrThrow({ where: { members: { some: { user: { email: 'staff@demo.jisr.local' } } } } })).id;
    await page.goto(`${baseUrl}/institutions/${id}/members?lng=${lng}`);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect(await page.getByTestId('join-request').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors.join('\n'), 'no console errors').toBe('');
    await page.close();
  });
});
