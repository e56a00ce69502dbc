import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { requireRole } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { crossCheckFacts, factsSchema, toFacts } from './facts-schema.js';
import { evaluate } from './evaluate.js';
import { activeRuleSet, createRuleSetVersion, listRuleSets, ruleSetFormSchema } from './rule-sets.js';
import { investLocals, investmentSectors } from './view-locals.js';

const FACT_PARAMS = ['totalCost', 'diasporaShare', 'ownFunds', 'otherFunds', 'sector', 'kind', 'promoter', 'returnedMonthsAgo'] as const;

/** Only the simulator's own parameters, as strings (`lng` and anything else are left to others). */
function pickFacts(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FACT_PARAMS) if (query[k] !== undefined) out[k] = query[k];
  return out;
}

/** The public simulator (no account) and the admin page of rule-set versions. */
export function cofinancingRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use(['/invest', '/admin/cofinancing'], investLocals(prisma));

  const renderSimulator = async (req: Request, res: Response, status: number, locals: Record<string, unknown>) => {
    const ruleSet = await activeRuleSet(prisma);
    res.status(status).render('invest/index', { ruleSet, values: {}, errors: {}, result: undefined, shareUrl: undefined, ...locals });
  };

  router.get('/invest', (req, res) => renderSimulator(req, res, 200, {}));

  /** A bookmarkable GET: the same address always gives the same answer under the same rules. */
  router.get('/invest/simulate', async (req, res) => {
    const picked = pickFacts(req.query);
    const form = parseForm(factsSchema, picked);
    const values = Object.fromEntries(Object.entries(picked).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 100) : '']));
    if (!form.ok) return renderSimulator(req, res, 400, { values, errors: form.errors });
    const sectors = (await investmentSectors(prisma)).map((s) => s.code);
    const errors: FieldErrors = crossCheckFacts(form.data, sectors);
    if (Object.keys(errors).length) return renderSimulator(req, res, 400, { values, errors });
    const ruleSet = await activeRuleSet(prisma);
    const result = evaluate(ruleSet, toFacts(form.data));
    const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString();
    await renderSimulator(req, res, 200, { values, result, shareUrl: `/invest/simulate?${query}` });
  });

  router.use('/admin/cofinancing', requireRole('admin'));
  const renderAdmin = async (res: Response, status: number, values: Record<string, string>, errors: FieldErrors) => {
    const [versions, active] = await Promise.all([listRuleSets(prisma), activeRuleSet(prisma)]);
    res.status(status).render('admin/cofinancing', { versions, active, values, errors });
  };
  router.get('/admin/cofinancing', async (_req, res) => {
    const active = await activeRuleSet(prisma);
    const today = new Date().toISOString().slice(0, 10);
    await renderAdmin(res, 200, { name: active.name, effectiveFrom: today, rules: JSON.stringify(active.document, null, 2) }, {});
  });
  router.post('/admin/cofinancing', async (req, res) => {
    const form = parseForm(ruleSetFormSchema, req.body);
    if (!form.ok) return renderAdmin(res, 400, form.values, form.errors);
    const result = await createRuleSetVersion(prisma, form.data, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok) return renderAdmin(res, 400, echoValues(req.body as Record<string, unknown>), result.errors);
    setFlash(req, 'success', 'invest.admin.saved', { version: String(result.version) });
    res.redirect(303, '/admin/cofinancing');
  });
  return router;
}
