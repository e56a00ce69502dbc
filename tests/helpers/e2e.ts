import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { listen, startTestApp, type TestApp } from './app.js';
import { launchBrowser, newPage, submitAndWait } from './browser.js';

export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The app listening on an ephemeral port over its own database copy, and a headless Chromium to drive it. */
export async function startBrowserApp(options: Parameters<typeof startTestApp>[0] = {}): Promise<BrowserApp> {
  const t = await startTestApp(options);
  const { server, baseUrl } = await listen(t.app);
  const browser = await launchBrowser();
  return {
    t, baseUrl, browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await t.close();
    },
  };
}

/** A fresh browser context signed in through the real sign-in form. */
export async function signedInPage(app: BrowserApp, email: string, options: { password?: string; lng?: string } = {}): Promise<Page> {
  const page = await newPage(app.browser);
  page.setDefaultTimeout(20_000);
  await page.goto(`${app.baseUrl}/login?lng=${options.lng ?? 'fr'}`);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(options.password ?? DEMO_PASSWORD);
  await submitAndWait(page, page.locator('form[action="/login"] button[type=submit]'));
  await page.waitForURL(/\/me$/);
  return page;
}
