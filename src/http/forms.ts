import type { z } from 'zod';
import { i18n } from '../i18n/i18n.js';
import { AppError } from './app-error.js';

export type FieldErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Parses a posted form with a strict zod schema. Unknown fields (a forged `role`, `userId`…) are refused outright
 * with a 400, since no honest form of ours sends them; wrong values come back as per-field message keys together
 * with what the user typed (passwords excepted), for the form to be shown again.
 */
export function parseForm<S extends z.ZodObject>(schema: S, body: unknown): FormResult<z.infer<S>> {
  // The CSRF token and the one-time submission key (submission-key.ts) are checked elsewhere.
  const { _csrf, _submission, ...fields } = (body ?? {}) as Record<string, unknown>;
  void _csrf;
  void _submission;
  const result = schema.strict().safeParse(fields);
  if (!result.success && result.error.issues.some((i) => i.code === 'unrecognized_keys')) throw AppError.badRequest('errors.unexpectedField');
  const errors: FieldErrors = {};
  // PostgreSQL text cannot hold U+0000: such a value would fail in the database (a 500), so no form accepts it.
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.includes('\u0000')) errors[field] = { key: 'validation.invalidCharacters' };
  }
  if (result.success) return Object.keys(errors).length ? { ok: false, errors, values: echoValues(fields) } : { ok: true, data: result.data as z.infer<S> };
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    errors[field] = { key: messageKeyOf(issue), params: paramsOf(issue) };
  }
  return { ok: false, errors, values: echoValues(fields) };
}

/**
 * A schema names its message by a key of the translations (`needs.errors.windowOrder`, `validation.date`…); any key
 * that exists is shown as is. Only zod's own English sentences (no message given) fall back to a generic key.
 */
function messageKeyOf(issue: z.core.$ZodIssue): string {
  if (i18n.exists(issue.message)) return issue.message;
  if (issue.code === 'too_big') return 'validation.tooLong';
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return 'validation.choice';
  return 'validation.required';
}

/** Bounds of min/max checks, or the params a refinement attached to its issue (e.g. the largest amount). */
function paramsOf(issue: z.core.$ZodIssue): Record<string, unknown> | undefined {
  if ('maximum' in issue) return { max: Number(issue.maximum) };
  if ('minimum' in issue) return { min: Number(issue.minimum) };
  if (issue.code === 'custom' && issue.params) return issue.params;
  return undefined;
}

/** Strings only, never a password, never the request object itself. */
export function echoValues(fields: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (/password/i.test(k)) continue;
    if (typeof v === 'string') out[k] = v.replace(/\u0000/g, '').slice(0, 2000);
  }
  return out;
}
