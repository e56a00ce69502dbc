import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { parseForm, type FieldErrors } from '../http/forms.js';
import { requireRole } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { currentWeights } from '../matches/matching-data.js';
import { DEFAULT_WEIGHTS, WeightsJsonSchema, weightsToJson } from '../matching/index.js';

const FIELDS = Object.keys(weightsToJson(DEFAULT_WEIGHTS)) as (keyof ReturnType<typeof weightsToJson>)[];
const formSchema = z.object({
  note: z.string().trim().max(300).optional(),
  ...Object.fromEntries(FIELDS.map((f) => [f, z.string().trim().regex(/^\d+([.,]\d+)?$/, 'validation.number')])),
});

/** The matcher's weights are data: an admin saves a new version; every ranking shows the version it used. */
export function matcherWeightsRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use('/admin/matcher-weights', requireRole('admin'));

  const render = async (res: import('express').Response, status: number, values?: Record<string, string>, errors: FieldErrors = {}) => {
    const weights = await currentWeights(prisma);
    const shown = values ?? Object.fromEntries(FIELDS.map((f) => [f, String(weights[f])]));
    res.status(status).render('admin/matcher-weights', { fields: FIELDS, values: shown, errors, version: weights.version, defaults: DEFAULT_WEIGHTS });
  };

  router.get('/admin/matcher-weights', (_req, res) => render(res, 200));

  router.post('/admin/matcher-weights', async (req, res) => {
    const form = parseForm(formSchema, req.body);
    if (!form.ok) return render(res, 400, form.values, form.errors);
    const data = form.data as Record<string, string>;
    const numbers = Object.fromEntries(FIELDS.map((f) => [f, Number(data[f]!.replace(',', '.'))]));
    const checked = WeightsJsonSchema.safeParse(numbers);
    if (!checked.success) {
      const errors: FieldErrors = {};
      for (const issue of checked.error.issues) errors[String(issue.path[0])] ??= { key: 'validation.outOfRange' };
      return render(res, 400, data, errors);
    }
    const row = await prisma.$transaction(async (tx) => {
      const saved = await tx.matcherWeights.create({ data: { weights: checked.data, note: data.note || null } });
      await recordAudit(tx, { actorId: req.user!.id, action: 'matcher.weights_changed', entity: 'MatcherWeights', entityId: String(saved.version), ip: req.ip, details: checked.data });
      return saved;
    });
    setFlash(req, 'success', 'admin.weights.saved', { version: String(row.version) });
    res.redirect(303, '/admin/matcher-weights');
  });

  return router;
}
