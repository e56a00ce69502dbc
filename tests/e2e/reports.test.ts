import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { seriousViolations } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => app?.close());

describe.each([['fr', 'ltr'], ['ar', 'rtl']] as const)('the programme reports in %s', (lng, dir) => {
  it('draw their charts and the region map with their tables, with no CSP error, and pass axe-core', async () => {
    const page = await signedInPage(app, 'officer@demo.jisr.local', { lng });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${app.baseUrl}/officer/reports?period=all&lng=${lng}`);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    const charts = page.getByTestId('report-chart');
    expect(await charts.count()).toBeGreaterThan(15);
    // a chart is drawn (bars with a size on screen), next to its table
    const box = await charts.first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(await page.getByTestId('report-table').count()).toBeGreaterThan(15);
    expect(await page.getByTestId('export-csv').count()).toBeGreaterThan(15);
    const map = page.getByTestId('region-map');
    expect(await map.locator('circle').count()).toBe(12);
    expect((await map.boundingBox())!.height).toBeGreaterThan(150);
    // in Arabic the bars grow from the right: the first bar's right edge lies right of its left edge's mirror
    const bar = await charts.first().locator('rect').first().boundingBox();
    const svg = await charts.first().boundingBox();
    if (dir === 'rtl') expect(bar!.x + bar!.width).toBeGreaterThan(svg!.x + svg!.width / 2);
    else expect(bar!.x).toBeLessThan(svg!.x + svg!.width / 2);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors.join('\n'), 'no console errors (CSP violations show up here)').toBe('');

    await page.goto(`${app.baseUrl}/impact`);
    expect(await page.getByTestId('impact-figure').count()).toBeGreaterThan(4);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
