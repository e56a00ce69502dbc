import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'jisr.sid';
/** A session unused for this long ends (the cookie and the stored session roll forward on each request). */
export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** However active, a sign-in lasts at most this long; express-session has no absolute lifetime of its own. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

declare module 'express-session' {
  interface SessionData {
    signedInAt?: number;
    flash?: { type: 'success' | 'error' | 'info'; key: string; params?: Record<string, string> };
  }
}

/** Server-side sessions in PostgreSQL (shared by every instance); the cookie only carries the signed id. */
export function sessionMiddleware(config: Config, pool: pg.Pool) {
  const PgStore = connectPgSimple(session);
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new PgStore({ pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      // 'auto' marks the cookie Secure exactly when the request came over TLS (req.secure honours trust proxy).
      secure: 'auto',
      maxAge: IDLE_TIMEOUT_MS,
      path: '/',
    },
  });
}

/** Ends a sign-in older than the absolute lifetime, whatever the activity since. */
export function absoluteTimeout(now: () => number = Date.now) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const signedInAt = req.session?.signedInAt;
    if (req.user && signedInAt && now() - signedInAt > ABSOLUTE_TIMEOUT_MS) {
      req.logout({ keepSessionInfo: false }, (err) => next(err));
      return;
    }
    next();
  };
}

/** One-shot messages shown on the next page (after a redirect). */
export function flashMiddleware(req: Request, res: Response, next: NextFunction) {
  res.locals.flash = req.session?.flash;
  if (req.session?.flash) delete req.session.flash;
  next();
}

export function setFlash(req: Request, type: 'success' | 'error' | 'info', key: string, params?: Record<string, string>) {
  req.session.flash = { type, key, params };
}

/**
 * express-session sends a response's headers before the session is written and only holds back its last byte, so a
 * browser follows a redirect at once and the next page can read the session as it was before the change: the flash
 * message (or anything else just stored) is then missing. Saving the session before every redirect closes the race.
 */
export function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction) {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    if (!req.session) return redirect(...args);
    req.session.save((err) => (err ? next(err) : redirect(...args)));
  }) as Response['redirect'];
  next();
}
