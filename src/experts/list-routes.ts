import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { FieldErrors } from '../http/forms.js';
import { parseForm } from '../http/forms.js';
import { redirectReplay, submissionOf } from '../http/submission-key.js';
import { addAvailability, availabilitySchema } from './add-availability.js';
import { addDegree, degreeSchema } from './add-degree.js';
import { addLanguage, languageSchema } from './add-language.js';
import type { CommandContext } from './deps.js';
import { ctxOf, echoForm, flashAndRedirect, renderStep } from './editor-support.js';
import { stepPath, type EditorStep } from './editor-steps.js';
import { removalSchemas, removeProfileItem, type RemovableList } from './remove-profile-item.js';

type AddResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * The steps that are lists (languages, availability windows, degrees): the page shows the entries with a remove
 * button each, and a form to add one. Adding goes back to the same step, to add another.
 */
export function listRoutes(prisma: PrismaClient): Router {
  const router = Router();

  function listStep<S extends z.ZodObject>(step: EditorStep & RemovableList, schema: S, add: (p: PrismaClient, input: z.infer<S>, ctx: CommandContext) => Promise<AddResult | void>) {
    router.get(stepPath(step), (req, res) => renderStep(prisma, req, res, step));
    router.post(stepPath(step), async (req, res) => {
      const form = parseForm(schema, req.body);
      if (!form.ok) return renderStep(prisma, req, res, step, { status: 400, values: echoForm(req.body), errors: form.errors });
      let result;
      try {
        result = await add(prisma, form.data, { ...ctxOf(req), submission: submissionOf(req, `expert.${step}`) });
      } catch (err) {
        return redirectReplay(err, res); // a double submit adds nothing and leads back to the list
      }
      if (result && !result.ok) return renderStep(prisma, req, res, step, { status: 400, values: echoForm(req.body), errors: result.errors });
      await flashAndRedirect(req, res, 'success', 'profile.added', stepPath(step));
    });
    router.post(`${stepPath(step)}/remove`, removeHandler(prisma, step));
  }

  listStep('languages', languageSchema, addLanguage);
  listStep('availability', availabilitySchema, addAvailability);
  listStep('degrees', degreeSchema, addDegree);
  return router;
}

/** Removes one entry of a list; an entry that is not the expert's own is simply not found. */
export function removeHandler(prisma: PrismaClient, list: EditorStep & RemovableList) {
  return async (req: Request, res: Response) => {
    const form = parseForm(removalSchemas[list], req.body);
    const removed = form.ok && (await removeProfileItem(prisma, list, form.data as never, ctxOf(req)));
    await flashAndRedirect(req, res, removed ? 'success' : 'error', removed ? 'profile.removed' : 'profile.notRemoved', stepPath(list));
  };
}
