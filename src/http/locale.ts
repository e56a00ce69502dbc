import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, directionOf, isLocale, localized, translator, type Locale, LOCALES } from '../i18n/i18n.js';
import { formatters } from '../i18n/format.js';

export const LOCALE_COOKIE = 'jisr_lng';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

declare module 'express-serve-static-core' {
  interface Request {
    lng: Locale;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined; // a malformed cookie is ignored, never a 500
      }
    }
  }
  return undefined;
}

/** `?lng=` chooses the language and keeps it in a cookie; otherwise the cookie; otherwise French. */
export function localeMiddleware(secureCookies: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const asked = req.query.lng;
    let lng: Locale = DEFAULT_LOCALE;
    if (isLocale(asked)) {
      lng = asked;
      res.cookie(LOCALE_COOKIE, lng, { maxAge: ONE_YEAR_MS, sameSite: 'lax', httpOnly: true, secure: secureCookies });
    } else {
      const saved = readCookie(req.headers.cookie, LOCALE_COOKIE);
      if (isLocale(saved)) lng = saved;
    }
    req.lng = lng;
    const t = translator(lng);
    res.locals.lng = lng;
    res.locals.dir = directionOf(lng);
    res.locals.t = t;
    res.locals.fmt = formatters(lng);
    res.locals.label = (record: Record<string, unknown>, base: string) => localized(record, base, lng);
    res.locals.languageLinks = LOCALES.map((code) => ({ code, href: withLng(req.originalUrl, code), current: code === lng }));
    next();
  };
}

/** The current URL with `lng` replaced, so switching language keeps the page, its filters and its page number. */
function withLng(originalUrl: string, lng: Locale): string {
  let url: URL;
  try {
    url = new URL(originalUrl, 'http://x');
  } catch {
    return `/?lng=${lng}`; // a path no URL parser accepts: the switcher leads home
  }
  url.searchParams.set('lng', lng);
  return `${url.pathname}?${url.searchParams.toString()}`;
}
