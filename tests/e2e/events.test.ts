import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, submitAndWait } from '../helpers/browser.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInPage, startBrowserApp, type BrowserApp } from '../helpers/e2e.js';
import { LOOSE_LIMITS } from '../helpers/security.js';

let app: BrowserApp;
let eventId: string;
beforeAll(async () => {
  app = await startBrowserApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  const officer = await app.t.db.prisma.user.findUniqueOrThrow({ where: { email: 'officer@demo.jisr.local' } });
  const start = new Date(Date.now() + 30 * 86_400_000);
  const event = await app.t.db.prisma.event.create({
    data: {
      title: 'Atelier Sud–Sud : développement local et diaspora', description: 'Échange de pratiques entre communes du Maroc et du Sénégal.',
      theme: 'local_development', timeZone: 'Africa/Casablanca', place: 'Tiznit', languages: ['fr', 'ar'], capacity: 2,
      startsAt: start, endsAt: new Date(start.getTime() + 6 * 3_600_000), registrationDeadline: start, createdById: officer.id,
    },
  });
  eventId = event.id;
});
afterAll(() => app?.close());

describe.each([
  ['fr', 'ltr', 'expert@demo.jisr.local', '1 place restante'],
  ['ar', 'rtl', 'staff@demo.jisr.local', 'مكتملة'],
] as const)('an event registration in %s', (lng, dir, email, seatsAfter) => {
  it('lists the event, registers through its page, and every page passes axe-core', async () => {
    const page = await signedInPage(app, email, { lng });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${app.baseUrl}/events?lng=${lng}`);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect(await page.getByTestId('event-card').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${app.baseUrl}/events/${eventId}`);
    expect(await seriousViolations(page)).toEqual([]);
    await submitAndWait(page, page.getByTestId('event-register'));
    expect(await page.getByTestId('flash-success').count()).toBe(1);
    expect(await page.getByTestId('registration-status').count()).toBe(1);
    expect(await page.getByTestId('event-seats-left').innerText()).toContain(seatsAfter);
    expect(await seriousViolations(page)).toEqual([]);

    if (email.startsWith('expert')) {
      await page.goto(`${app.baseUrl}/experts/me/origin`);
      expect(await page.getByTestId('origin-page').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.goto(`${app.baseUrl}/exchanges`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors.join('\n'), 'no console errors').toBe('');
    await page.close();
  });
});
