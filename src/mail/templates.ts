import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/i18n.js';
import { ar } from './texts/ar.js';
import { en } from './texts/en.js';
import { fr } from './texts/fr.js';
import { MAIL_TEMPLATES, TEMPLATE_PARAMS, type Block, type LocaleTexts, type MailTemplate } from './texts/types.js';

export { MAIL_TEMPLATES, TEMPLATE_PARAMS, type MailTemplate };

export interface RenderedEmail {
  subject: string;
  text: string;
  html?: string;
}

const TEXTS: Record<Locale, LocaleTexts> = { fr, ar, en };

export class MailTemplateError extends Error {}

export function isMailTemplate(value: unknown): value is MailTemplate {
  return typeof value === 'string' && (MAIL_TEMPLATES as readonly string[]).includes(value);
}

/**
 * Renders a message in the recipient's language: a plain-text body and a simple HTML version in which every value
 * is escaped. Throws MailTemplateError on an unknown template, a missing parameter or a link that is not http(s),
 * so a bad call fails where it is made (inside the caller's transaction) instead of in the worker.
 */
export function renderEmail(template: MailTemplate, locale: Locale, params: Record<string, string>): RenderedEmail {
  if (!isMailTemplate(template)) throw new MailTemplateError(`unknown mail template: ${String(template)}`);
  const texts = TEXTS[isLocale(locale) ? locale : DEFAULT_LOCALE];
  const clean = checkParams(template, params);
  const t = texts.templates[template];
  const blocks = t.body(clean);
  const greeting = texts.greeting(clean.name ?? '');
  const text = [greeting, ...blocks.map((b) => (typeof b === 'string' ? b : b.link)), `${t.closing}\n${texts.signature}`]
    .join('\n\n')
    .concat('\n');
  return { subject: t.subject, text, html: renderHtml(locale, t.subject, greeting, blocks, t.closing, texts.signature) };
}

function checkParams(template: MailTemplate, params: Record<string, string>): Record<string, string> {
  const { required, optional = [] } = TEMPLATE_PARAMS[template];
  const clean: Record<string, string> = {};
  for (const key of [...required, ...optional]) {
    const value = Object.hasOwn(params, key) ? params[key] : undefined;
    if (value === undefined) {
      if (required.includes(key)) throw new MailTemplateError(`${template}: missing parameter "${key}"`);
      continue;
    }
    if (typeof value !== 'string') throw new MailTemplateError(`${template}: parameter "${key}" must be a string`);
    clean[key] = key === 'link' ? checkLink(template, value) : plainLine(value);
  }
  return clean;
}

function checkLink(template: MailTemplate, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MailTemplateError(`${template}: "link" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MailTemplateError(`${template}: "link" must be an http(s) URL`);
  }
  if (/[\s\u0000-\u001f\u007f]/.test(value)) throw new MailTemplateError(`${template}: "link" contains spaces`);
  return value;
}

/** Any script is a valid name; only control and bidi-override characters (which could disguise the text) go. */
function plainLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderHtml(
  locale: Locale, subject: string, greeting: string, blocks: Block[], closing: string, signature: string,
): string {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const paragraphs = blocks.map((b) =>
    typeof b === 'string'
      ? `<p>${escapeHtml(b)}</p>`
      : `<p><a href="${escapeHtml(b.link)}" dir="ltr">${escapeHtml(b.link)}</a></p>`,
  );
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${dir}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1f2933;">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs,
    `<p>${escapeHtml(closing)}<br>${escapeHtml(signature)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
