import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { resolveBrowserBinary } from '../setup/chromium-binary.js';

/**
 * A headless Chromium (the npm-shipped one, or CHROMIUM_PATH), with a fresh temporary profile from Playwright and
 * the flags this closed network needs (see ../shared/ENVIRONMENT.md).
 */
export async function launchBrowser(): Promise<Browser> {
  const binary = await resolveBrowserBinary();
  return chromium.launch({
    executablePath: binary.executablePath,
    env: { ...process.env, ...binary.env },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** axe-core violations of impact serious or critical, as short readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** A page in a context of its own (axe-core needs one; it also keeps cookies apart between tests). */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/**
 * Clicks a submit button and waits until the page it leads to has loaded. Waiting for a message right after the
 * click could find the previous page's message (the new page is not yet committed): always submit through this.
 */
export async function submitAndWait(page: Page, button: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await button.click();
  await navigated;
  await page.waitForLoadState('load');
}
