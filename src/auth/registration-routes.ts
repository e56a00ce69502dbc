import { Router, type Request } from 'express';
import { COUNTRY_CODES, displayNames } from '../reference/codes.js';
import { parseForm } from '../http/forms.js';
import { rateLimit } from '../http/rate-limit.js';
import { registerExpert, registerExpertSchema } from './register-expert.js';
import { registerInstitution, registerInstitutionSchema } from './register-institution.js';
import type { AuthRouteDeps } from './routes.js';
import { verifyEmail } from './verify-email.js';

export function registrationRoutes(deps: AuthRouteDeps): Router {
  const router = Router();
  // Accounts created are what a spammer wants, so they have the tight limit; forms sent back with a mistake count
  // against a higher limit of their own, or a workshop behind one office network would be blocked by its typos.
  // A taken address answers like a created account (nothing tells them apart), so it counts as one.
  const created = rateLimit(deps.pool, { name: 'register', ...deps.limits.register, skipFailedRequests: true });
  const refused = rateLimit(deps.pool, { name: 'register-failed', ...deps.limits.registerFailed, skipSuccessfulRequests: true });
  const institutionChoices = () =>
    Promise.all([
      deps.prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
      deps.prisma.institution.findMany({ where: { status: 'verified' }, orderBy: { name: 'asc' }, select: { id: true, name: true, nameAr: true, city: true } }),
      // institutions of partner countries register too (South–South exchange)
      deps.prisma.partnerCountry.findMany({ where: { active: true }, orderBy: { code: 'asc' } }),
    ]);

  // Nationalities offered to South–South experts and immigrants; names in the reader's language (Intl).
  const countries = (req: Request) => displayNames(req.lng, 'region', COUNTRY_CODES);
  router.get('/register/expert', (req, res) => {
    res.render('auth/register-expert', { values: { kind: 'diaspora' }, errors: {}, countries: countries(req) });
  });

  router.post('/register/expert', created, refused, async (req, res) => {
    const form = parseForm(registerExpertSchema, req.body);
    if (!form.ok) return res.status(400).render('auth/register-expert', { values: form.values, errors: form.errors, countries: countries(req) });
    const result = await registerExpert(deps, form.data, { locale: req.lng, ip: req.ip, now: new Date() });
    if (!result.ok) return res.status(400).render('auth/register-expert', { values: valuesOf(req.body), errors: result.errors, countries: countries(req) });
    res.render('auth/check-email', { email: form.data.email });
  });

  router.get('/register/institution', async (_req, res) => {
    const [regions, institutions, partnerCountries] = await institutionChoices();
    res.render('auth/register-institution', { values: { mode: 'create' }, errors: {}, regions, institutions, partnerCountries });
  });

  router.post('/register/institution', created, refused, async (req, res) => {
    const [regions, institutions, partnerCountries] = await institutionChoices();
    const form = parseForm(registerInstitutionSchema, req.body);
    if (!form.ok) return res.status(400).render('auth/register-institution', { values: form.values, errors: form.errors, regions, institutions, partnerCountries });
    const result = await registerInstitution(deps, form.data, { locale: req.lng, ip: req.ip, now: new Date() });
    if (!result.ok) {
      return res.status(400).render('auth/register-institution', { values: valuesOf(req.body), errors: result.errors, regions, institutions, partnerCountries });
    }
    res.render('auth/check-email', { email: form.data.email });
  });

  router.get('/verify-email/:token', async (req, res) => {
    const ok = await verifyEmail(deps.prisma, String(req.params.token), { ip: req.ip, now: new Date() });
    res.status(ok ? 200 : 410).render('auth/verified', { ok });
  });

  return router;
}

/** What the user typed, to show the form again (never the password). */
function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string' && !/password|_csrf/i.test(k)) out[k] = v.slice(0, 500);
  }
  return out;
}
