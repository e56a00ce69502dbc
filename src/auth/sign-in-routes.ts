import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppPassport } from './passport.js';
import { recordAudit } from '../audit/record-audit.js';
import type { AuthResult } from './authenticate.js';
import type { AuthRouteDeps } from './routes.js';
import { parseForm } from '../http/forms.js';
import { rateLimit } from '../http/rate-limit.js';
import { setFlash } from '../http/session.js';
import { LOCALE_COOKIE } from '../http/locale.js';
import { isLocale } from '../i18n/i18n.js';
import { signInSchema } from './schemas.js';
import { resendVerification } from './verify-email.js';

/** Only a path of our own site may be a destination after sign-in (no open redirect). */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/me';
}

export function signInRoutes(deps: AuthRouteDeps, passport: AppPassport): Router {
  const router = Router();
  const limiter = rateLimit(deps.pool, { name: 'login', ...deps.limits.login });

  router.get('/login', (req, res) => {
    if (req.user) return res.redirect(303, '/me');
    res.render('auth/login', { values: {}, errors: {}, problem: undefined });
  });

  router.post('/login', limiter, (req: Request, res: Response, next: NextFunction) => {
    const form = parseForm(signInSchema, req.body);
    if (!form.ok) return res.status(400).render('auth/login', { values: form.values, errors: form.errors, problem: undefined });
    req.body = { email: form.data.email, password: form.data.password };
    const values = { email: form.data.email };
    passport.authenticate('local', (err: unknown, user: Express.User | false, info?: Exclude<AuthResult, { ok: true }>) => {
      if (err) return next(err);
      if (!user) {
        const reason = info?.reason ?? 'invalid';
        if (reason === 'unverified' && info?.userId) {
          return resendVerification(deps, info.userId, new Date()).then(
            () => res.status(403).render('auth/login', { values, errors: {}, problem: 'auth.unverified' }),
            next,
          );
        }
        const status = reason === 'locked' ? 429 : 401;
        return res.status(status).render('auth/login', { values, errors: {}, problem: reason === 'locked' ? 'auth.locked' : 'auth.invalidCredentials' });
      }
      const returnTo = safeReturnTo(req.session.returnTo);
      // Passport regenerates the session here: a new id (no fixation) and, with it, a new CSRF token.
      req.logIn(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        req.session.signedInAt = Date.now();
        if (isLocale(user.locale)) res.cookie(LOCALE_COOKIE, user.locale, { sameSite: 'lax', httpOnly: true, secure: req.secure, maxAge: 365 * 24 * 3600 * 1000 });
        setFlash(req, 'success', 'auth.welcome', { name: user.displayName ?? user.email });
        res.redirect(303, returnTo);
      });
    })(req, res, next);
  });

  router.post('/logout', (req, res, next) => {
    const userId = req.user?.id;
    req.logout((err) => {
      if (err) return next(err);
      // Passport regenerated the session: the old id is gone from the store, so the old cookie opens nothing.
      const audited = userId
        ? recordAudit(deps.prisma, { actorId: userId, action: 'auth.logout', entity: 'User', entityId: userId, ip: req.ip })
        : Promise.resolve();
      audited.then(() => {
        setFlash(req, 'info', 'auth.signedOut');
        res.redirect(303, '/');
      }, next);
    });
  });

  return router;
}
