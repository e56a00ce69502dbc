import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { fileTransport } from '../../src/mail/transport.js';
import { drainUntilEmpty } from '../../src/mail/worker.js';
import { startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { newPage, seriousViolations } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { tempDir } from '../helpers/temp.js';

const mailDir = tempDir('e2e-mail');

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => app?.close());

/** The worker delivers the outbox into .eml files, as on a developer's machine without SMTP. */
async function linkInMailTo(address: string): Promise<string> {
  await drainUntilEmpty(app.t.db.prisma, fileTransport(mailDir, createLogger('silent')), createLogger('silent'));
  const mails = readdirSync(mailDir).map((f) => readFileSync(path.join(mailDir, f), 'utf8')).filter((m) => m.includes(`To: ${address}`));
  const link = /https?:\/\/\S+\/verify-email\/[\w-]+/.exec(mails.at(-1) ?? '')?.[0];
  if (!link) throw new Error(`no verification link mailed to ${address}`);
  return link;
}

describe('an expert signs up in Arabic, confirms the address from the mail file, signs in and out', () => {
  it('walks the whole path', async () => {
    const page = await newPage(app.browser);
    page.setDefaultTimeout(8000);
    await page.goto(`${app.baseUrl}/register/expert?lng=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);

    // First a mistake: no consent. The form comes back with the values and a message next to the field.
    await page.getByLabel('الاسم الشخصي').fill('تيليلي');
    await page.getByLabel('الاسم العائلي').fill("Aït M'Hand");
    await page.getByLabel('البريد الإلكتروني').fill('tilelli.aitmhand@example.org');
    await page.getByLabel('كلمة المرور الجديدة').fill('Tanger→Dakhla 2026 à vélo');
    await page.getByLabel('مهاجر مقيم في المغرب').check();
    // an immigrant residing in Morocco gives a nationality and a residence status (issue 13)
    await page.locator('#f-nationality').selectOption('SN');
    await page.locator('#f-residenceStatus').selectOption('work_permit');
    await page.getByRole('button', { name: 'إنشاء حسابي' }).click();
    await expect.poll(() => page.getByTestId('field-error-consent').isVisible()).toBe(true);
    expect(await page.getByLabel('الاسم الشخصي').inputValue()).toBe('تيليلي');
    expect(await page.getByLabel('كلمة المرور الجديدة').inputValue()).toBe('');
    expect(await page.locator('#f-nationality').inputValue()).toBe('SN');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('كلمة المرور الجديدة').fill('Tanger→Dakhla 2026 à vélo');
    await page.locator('#f-consent').check();
    await page.getByRole('button', { name: 'إنشاء حسابي' }).click();
    await page.getByTestId('check-email').waitFor();

    const link = new URL(await linkInMailTo('tilelli.aitmhand@example.org'));
    await page.goto(`${app.baseUrl}${link.pathname}`);
    await page.getByTestId('email-verified').waitFor();

    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel('البريد الإلكتروني').fill('tilelli.aitmhand@example.org');
    await page.locator('#f-password').fill('Tanger→Dakhla 2026 à vélo');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await page.waitForURL(/\/me$/);
    expect(await page.locator('h1').innerText()).toContain('تيليلي');
    expect(await page.getByTestId('flash-success').innerText()).toContain('مرحبًا');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('logout').click();
    await page.waitForURL(`${app.baseUrl}/`);
    expect(await page.getByTestId('nav-login').isVisible()).toBe(true);
    await page.goto(`${app.baseUrl}/me`);
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it('the sign-in and registration pages pass axe-core in French', async () => {
    const page = await newPage(app.browser);
    for (const url of ['/login?lng=fr', '/register/expert', '/register/institution', '/password/forgot']) {
      await page.goto(`${app.baseUrl}${url}`);
      expect(await seriousViolations(page), url).toEqual([]);
    }
    await page.close();
  });
});
