import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { addSkill, mergeSkills, moveSkill, renameSkill, setSkillActive, TaxonomyError, type Ctx } from './commands.js';
import { taxonomyPolicy } from './policy.js';
import { readDeadlines } from '../candidacies/response-deadlines.js';
import { deadlinesSchema, saveDeadlines } from './deadlines.js';
import { activeSkillSchema, addSkillSchema, mergeSkillsSchema, moveSkillSchema, renameSkillSchema } from './schemas.js';

type Form = 'add' | 'rename' | 'move' | 'merge' | 'active' | 'deadlines';

/** /admin/reference: the skill taxonomy that admins keep up to date. Each form is its own POST. */
export function taxonomyRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use('/admin/reference', requireUser, (req, _res, next) => {
    authorize(taxonomyPolicy.manageReference(req.user));
    next();
  });

  const render = async (res: Response, view: { status?: number; form?: Form; values?: Record<string, string>; errors?: FieldErrors } = {}) => {
    const [skills, sectors, deadlines] = await Promise.all([
      prisma.skill.findMany({
        orderBy: { code: 'asc' },
        select: { code: true, labelFr: true, labelAr: true, labelEn: true, active: true, sectorCode: true, broader: { select: { code: true } }, _count: { select: { experts: true, needs: true } } },
      }),
      prisma.sector.findMany({ orderBy: { code: 'asc' } }),
      readDeadlines(prisma),
    ]);
    res.status(view.status ?? 200).render('admin/reference', { skills, sectors, deadlines, form: view.form, values: view.values ?? {}, errors: view.errors ?? {} });
  };
  router.get('/admin/reference', (_req, res) => render(res));

  function post<S extends z.ZodObject>(form: Form, schema: S, run: (p: PrismaClient, input: z.infer<S>, ctx: Ctx) => Promise<unknown>) {
    router.post(form === 'deadlines' ? '/admin/reference/deadlines' : `/admin/reference/skills/${form}`, async (req: Request, res: Response) => {
      const parsed = parseForm(schema, req.body);
      if (!parsed.ok) return render(res, { status: 400, form, values: parsed.values, errors: parsed.errors });
      try {
        await run(prisma, parsed.data, { actorId: req.user!.id, ip: req.ip });
      } catch (err) {
        if (!(err instanceof TaxonomyError)) throw err;
        return render(res, { status: 400, form, values: parsed.data as Record<string, string>, errors: { [err.field]: { key: err.key } } });
      }
      setFlash(req, 'success', 'refAdmin.saved');
      res.redirect(303, '/admin/reference');
    });
  }
  post('add', addSkillSchema, addSkill);
  post('rename', renameSkillSchema, renameSkill);
  post('move', moveSkillSchema, moveSkill);
  post('merge', mergeSkillsSchema, mergeSkills);
  post('active', activeSkillSchema, setSkillActive);
  post('deadlines', deadlinesSchema, saveDeadlines);
  return router;
}
