import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../lib/logger.js';
import { AppError } from './app-error.js';

export function notFoundHandler(_req: Request, _res: Response, next: NextFunction) {
  next(AppError.notFound());
}

/** Registered last. Known errors show their own safe message; anything else is logged and shown as a plain 500. */
export function errorHandler(logger: Logger) {
  // Express recognises an error handler by its four parameters.
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const known = err instanceof AppError ? err : fromHttpError(err);
    const status = known?.status ?? 500;
    if (status >= 500) logger.error({ err, reqId: req.id }, 'request failed');
    const messageKey = known?.messageKey ?? 'errors.server';
    res.status(status);
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ error: res.locals.t ? res.locals.t(messageKey, known?.params) : messageKey });
      return;
    }
    res.render('errors/error', { status, messageKey, params: known?.params ?? {}, requestId: String(req.id ?? '') });
  };
}

/** Errors raised by Express and body parsers carry a 4xx status (malformed body, too large, …). */
function fromHttpError(err: unknown): AppError | undefined {
  const status = (err as { status?: unknown })?.status;
  if ((err as { code?: unknown })?.code === 'EBADCSRFTOKEN') return new AppError(403, 'errors.csrf');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const key = status === 404 ? 'errors.notFound' : status === 403 ? 'errors.forbidden' : 'errors.badRequest';
    return new AppError(status, key);
  }
  return undefined;
}
