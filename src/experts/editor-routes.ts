import { Router } from 'express';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { listProfileViewers } from './profile-viewers.js';
import { parseForm, type FieldErrors } from '../http/forms.js';
import { confirmOwnProfile } from './confirm-profile.js';
import type { CommandContext } from './deps.js';
import { ctxOf, echoForm, flashAndRedirect, renderStep } from './editor-support.js';
import { emptySchema } from './form-fields.js';
import { nextStep, stepPath, type EditorStep } from './editor-steps.js';
import { identitySchema, updateIdentity } from './update-identity.js';
import { preferencesSchema, updatePreferences } from './update-preferences.js';
import { professionalSchema, updateProfessional } from './update-professional.js';
import { residenceSchema, updateResidence } from './update-residence.js';
import { updateVisibility, visibilitySchema } from './update-visibility.js';

/** The overview and the steps made of one form of profile fields. Mounted behind requireRole('expert'). */
export function editorRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/experts/me', async (req, res) => {
    const own = await prisma.expertProfile.findUnique({ where: { userId: req.user!.id }, select: { id: true, userId: true } });
    const viewers = own ? await listProfileViewers(prisma, own) : [];
    await renderStep(prisma, req, res, 'overview', { viewers });
  });
  // The design names a "profile" sub-page: it is the first step of the editor.
  router.get('/experts/me/profile', (_req, res) => res.redirect(303, stepPath('identity')));

  router.post('/experts/me/confirm', async (req, res) => {
    parseForm(emptySchema, req.body);
    await confirmOwnProfile(prisma, ctxOf(req));
    await flashAndRedirect(req, res, 'success', 'profile.overview.confirmed', '/experts/me');
  });

  /** GET shows the form filled from the profile; POST validates, saves and goes on to the next step. */
  function fieldStep<S extends z.ZodObject>(step: EditorStep, schema: S, save: (p: PrismaClient, input: z.infer<S>, ctx: CommandContext) => Promise<FieldErrors | void>) {
    router.get(stepPath(step), (req, res) => renderStep(prisma, req, res, step));
    router.post(stepPath(step), async (req, res) => {
      const form = parseForm(schema, req.body);
      if (!form.ok) return renderStep(prisma, req, res, step, { status: 400, values: echoForm(req.body), errors: form.errors });
      // a command may refuse what only the database knows (a commune no longer in the list)
      const errors = await save(prisma, form.data, ctxOf(req));
      if (errors) return renderStep(prisma, req, res, step, { status: 400, values: echoForm(req.body), errors });
      await flashAndRedirect(req, res, 'success', 'profile.saved', stepPath(nextStep(step)));
    });
  }

  fieldStep('identity', identitySchema, updateIdentity);
  fieldStep('residence', residenceSchema, updateResidence);
  fieldStep('professional', professionalSchema, updateProfessional);
  fieldStep('preferences', preferencesSchema, updatePreferences);
  fieldStep('privacy', visibilitySchema, updateVisibility);

  return router;
}
