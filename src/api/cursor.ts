import { UUID_PATTERN as UUID } from '../lib/uuid.js';
/**
 * Opaque cursors for keyset pagination: the sort instant and id of the last item of a page. Keyset rather than
 * offset, so a partner walking the whole list neither skips nor repeats items when new ones are published.
 */
export interface Cursor { at: Date; id: string }


export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ at: c.at.toISOString(), id: c.id }), 'utf8').toString('base64url');
}

/** The cursor a client sent back, or null when it is not one this API wrote (the route answers 400). */
export function decodeCursor(raw: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof v.at !== 'string' || typeof v.id !== 'string' || !UUID.test(v.id)) return null;
    const at = new Date(v.at);
    return Number.isNaN(at.getTime()) ? null : { at, id: v.id };
  } catch {
    return null;
  }
}

/** Prisma condition for "after the cursor" in (at DESC, id DESC) order. */
export function afterCursor<F extends string>(field: F, c: Cursor | undefined) {
  if (!c) return {};
  return { OR: [{ [field]: { lt: c.at } }, { [field]: c.at, id: { lt: c.id } }] } as Record<string, unknown>;
}
