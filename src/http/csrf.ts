import { csrfSync } from 'csrf-sync';
import type { NextFunction, Request, Response } from 'express';

/**
 * Synchroniser tokens kept in the session: every POST carries the token in its hidden `_csrf` field (or the
 * X-CSRF-Token header for scripts). Views ask for the token lazily, so a page without a form opens no session.
 */
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  size: 32,
  getTokenFromRequest: (req) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof fromBody === 'string') return fromBody;
    // A file upload (multipart) is parsed by its own route, after this check: its form carries the token in the
    // query string of its action instead, so that the upload works without JavaScript.
    if (req.is('multipart/form-data') && typeof req.query._csrf === 'string') return req.query._csrf;
    const header = req.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  },
});

export function csrfProtection(req: Request, res: Response, next: NextFunction) {
  res.locals.csrfToken = () => generateToken(req);
  csrfSynchronisedProtection(req, res, next);
}
