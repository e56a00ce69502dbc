import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { peekToken } from '../auth/tokens.js';
import { parseForm } from '../http/forms.js';
import { confirmProfileByToken } from './confirm-profile.js';
import { emptySchema } from './form-fields.js';

/**
 * The link of the "still available?" message. Opening it changes nothing (mail scanners and previews open
 * links): the page shows one button, and the POST it sends confirms the profile. No sign-in needed: the
 * single-use token stands for the expert, and it can do nothing else.
 */
export function freshnessRoutes(prisma: PrismaClient): Router {
  const router = Router();
  const tokenOf = (raw: unknown) => String(raw).slice(0, 200);

  router.get('/experts/confirm/:token', async (req, res) => {
    const token = tokenOf(req.params.token);
    const valid = !!(await peekToken(prisma, token, 'confirm_profile'));
    res.status(valid ? 200 : 410).render('experts/confirm', { token, state: valid ? 'ask' : 'expired' });
  });

  router.post('/experts/confirm/:token', async (req, res) => {
    parseForm(emptySchema, req.body);
    const ok = await confirmProfileByToken(prisma, tokenOf(req.params.token), { ip: req.ip, now: new Date() });
    res.status(ok ? 200 : 410).render('experts/confirm', { token: '', state: ok ? 'done' : 'expired' });
  });

  return router;
}
