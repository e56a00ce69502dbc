import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../http/app-error.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/i18n.js';
import type { Logger } from '../lib/logger.js';

/** An error the API answers with problem details (RFC 9457); `type` names it under /api/v1/problems/. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly type: string, readonly title: string, readonly detail?: string, readonly errors?: { name: string; message: string }[]) {
    super(title);
  }
}

/** The first of the reader's Accept-Language tags that the portal speaks (by quality), French otherwise. */
export function apiLanguage(header: string | undefined): Locale {
  const tags = (header ?? '').split(',').map((part) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    return { lng: tag.trim().slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
  });
  return tags.filter((t) => t.q > 0 && isLocale(t.lng)).sort((a, b) => b.q - a.q)[0]?.lng as Locale | undefined ?? DEFAULT_LOCALE;
}

/**
 * Sends a JSON body with a strong ETag (the sha256 of the body) and answers 304 when the client already holds it:
 * a partner polling the needs pays for the query but not the transfer. The language is part of the body, so
 * caches are told it varies with Accept-Language.
 */
export function sendJson(req: Request, res: Response, body: unknown, lng?: Locale): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  if (lng) {
    res.setHeader('Content-Language', lng);
    res.vary('Accept-Language');
  }
  const sent = req.headers['if-none-match'];
  if (sent && sent.split(',').map((s) => s.trim().replace(/^W\//, '')).some((s) => s === etag || s === '*')) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(text);
}

export function sendProblem(res: Response, p: ApiProblem): void {
  res.status(p.status).type('application/problem+json').send(JSON.stringify({
    type: `/api/v1/problems/${p.type}`, title: p.title, status: p.status,
    ...(p.detail ? { detail: p.detail } : {}), ...(p.errors ? { errors: p.errors } : {}),
  }));
}

/** Every error under /api/v1 leaves as problem details, never as the portal's HTML error page. */
export function apiErrorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err instanceof ApiProblem) return sendProblem(res, err);
    if (err instanceof AppError && err.status === 429) return sendProblem(res, new ApiProblem(429, 'rate-limited', 'Too many requests', 'This key made too many requests; retry after the time in the RateLimit header.'));
    if (err instanceof AppError && err.status < 500) return sendProblem(res, new ApiProblem(err.status, 'error', err.messageKey));
    logger.error({ err }, 'api: unexpected error');
    return sendProblem(res, new ApiProblem(500, 'internal', 'Internal error'));
  };
}
