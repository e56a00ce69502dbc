import type { NextFunction, Request, Response } from 'express';
import type { UserRole } from '../generated/prisma/enums.js';
import { AppError } from './app-error.js';
import { setFlash } from './session.js';

/** Pages for signed-in users: others are sent to sign in and brought back afterwards. */
export function requireUser(req: Request, res: Response, next: NextFunction) {
  if (req.user) return next();
  if (req.method === 'GET' && req.session) {
    req.session.returnTo = req.originalUrl;
    setFlash(req, 'info', 'auth.signInFirst');
  }
  res.redirect(303, '/login');
}

export function requireRole(...roles: UserRole[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) return requireUser(req, res, next);
    if (!roles.includes(req.user.role)) return next(new AppError(403, 'errors.forbidden'));
    next();
  };
}

/** Object-level checks: throws a 403 that the error handler renders in the user's language. */
export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) throw new AppError(403, 'errors.forbidden');
}

declare module 'express-session' {
  interface SessionData {
    returnTo?: string;
  }
}
