import { Router } from 'express';
import { echoValues, parseForm } from '../http/forms.js';
import { requireUser } from '../http/guards.js';
import { rateLimit } from '../http/rate-limit.js';
import { setFlash } from '../http/session.js';
import { changePassword } from './change-password.js';
import { requestPasswordReset, resetPassword } from './password-reset.js';
import type { AuthRouteDeps } from './routes.js';
import { changePasswordSchema, forgotSchema, resetSchema } from './schemas.js';
import { peekToken } from './tokens.js';

export function accountRoutes(deps: AuthRouteDeps): Router {
  const router = Router();
  const limiter = rateLimit(deps.pool, { name: 'password-reset', ...deps.limits.passwordReset });
  // Guessing the current password from a hijacked session is throttled per account.
  const changeLimiter = rateLimit(deps.pool, { name: 'password-change', ...deps.limits.passwordReset, key: (req) => `user:${req.user!.id}` });

  router.get('/password/forgot', (_req, res) => {
    res.render('auth/forgot', { values: {}, errors: {}, sent: false });
  });

  router.post('/password/forgot', limiter, async (req, res) => {
    const form = parseForm(forgotSchema, req.body);
    if (!form.ok) return res.status(400).render('auth/forgot', { values: form.values, errors: form.errors, sent: false });
    await requestPasswordReset(deps, form.data.email, { ip: req.ip, now: new Date() });
    // The same answer whether or not the address has an account.
    res.render('auth/forgot', { values: {}, errors: {}, sent: true });
  });

  router.get('/password/reset/:token', async (req, res) => {
    const valid = await peekToken(deps.prisma, String(req.params.token), 'reset_password');
    res.status(valid ? 200 : 410).render('auth/reset', { token: String(req.params.token), valid: !!valid, errors: {} });
  });

  router.post('/password/reset/:token', limiter, async (req, res) => {
    const form = parseForm(resetSchema, req.body);
    if (!form.ok) return res.status(400).render('auth/reset', { token: String(req.params.token), valid: true, errors: form.errors });
    const result = await resetPassword(deps, String(req.params.token), form.data.password, { ip: req.ip, now: new Date() });
    if (!result.ok && 'expired' in result) return res.status(410).render('auth/reset', { token: '', valid: false, errors: {} });
    if (!result.ok) return res.status(400).render('auth/reset', { token: String(req.params.token), valid: true, errors: result.errors });
    setFlash(req, 'success', 'auth.passwordReset');
    res.redirect(303, '/login');
  });

  router.get('/account/password', requireUser, (_req, res) => {
    res.render('auth/change-password', { values: {}, errors: {} });
  });

  router.post('/account/password', requireUser, changeLimiter, async (req, res) => {
    const form = parseForm(changePasswordSchema, req.body);
    if (!form.ok) return res.status(400).render('auth/change-password', { values: form.values, errors: form.errors });
    const result = await changePassword(
      deps,
      { userId: req.user!.id, currentPassword: form.data.currentPassword, password: form.data.password, endOtherSessions: !!form.data.endOtherSessions, sessionId: req.sessionID },
      { ip: req.ip },
    );
    if (!result.ok) return res.status(400).render('auth/change-password', { values: echoValues(req.body), errors: result.errors });
    // A new session id, as at sign-in: whoever copied the old cookie is out (passport regenerates the session). The
    // sign-in time is kept, so a password change does not extend the session's absolute lifetime.
    const signedInAt = req.session.signedInAt;
    await new Promise<void>((resolve, reject) => req.logIn(req.user!, (err: unknown) => (err ? reject(err) : resolve())));
    req.session.signedInAt = signedInAt;
    setFlash(req, 'success', result.endedSessions ? 'auth.passwordChangedOthersEnded' : 'auth.passwordChanged', { count: String(result.endedSessions) });
    res.redirect(303, '/me');
  });

  return router;
}
