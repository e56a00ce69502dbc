import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { parseForm } from '../http/forms.js';
import { addSkill, skillSchema } from './add-skill.js';
import { ctxOf, echoForm, flashAndRedirect, renderStep, type StepView } from './editor-support.js';
import { stepPath } from './editor-steps.js';
import { removeHandler } from './list-routes.js';
import { MAX_QUERY, suggestSkills } from './suggest-skills.js';

const queryOf = (req: Request) => (typeof req.query.q === 'string' ? req.query.q.slice(0, MAX_QUERY) : '');

/**
 * The skill picker. Without JavaScript it is a plain search form (GET) whose answer is the whole skills page with
 * the suggestions, each an "add" form with a level and years. With public/js/skill-picker.js the same URL answers
 * a request marked `HX-Request` with the suggestions alone, which the script puts under the search box as the
 * user types.
 */
export function skillRoutes(prisma: PrismaClient): Router {
  const router = Router();

  const page = async (req: Request, res: Response, q: string, view: StepView = {}) =>
    renderStep(prisma, req, res, 'skills', { q, suggestions: await suggestSkills(prisma, q), ...view });

  router.get(stepPath('skills'), (req, res) => page(req, res, queryOf(req)));

  router.get('/experts/me/skills/suggest', async (req, res) => {
    const q = queryOf(req);
    res.vary('HX-Request');
    if (req.get('HX-Request') !== 'true') return page(req, res, q);
    res.render('experts/editor/_skill-suggestions', { q, suggestions: await suggestSkills(prisma, q), values: {}, errors: {} });
  });

  router.post(stepPath('skills'), async (req, res) => {
    const form = parseForm(skillSchema, req.body);
    const q = typeof req.body?.q === 'string' ? req.body.q.slice(0, MAX_QUERY) : '';
    if (!form.ok) return page(req, res, q, { status: 400, values: echoForm(req.body), errors: form.errors });
    const result = await addSkill(prisma, form.data, ctxOf(req));
    if (!result.ok) return page(req, res, q, { status: 400, values: echoForm(req.body), errors: result.errors });
    await flashAndRedirect(req, res, 'success', 'profile.added', stepPath('skills'));
  });

  router.post(`${stepPath('skills')}/remove`, removeHandler(prisma, 'skills'));
  return router;
}
