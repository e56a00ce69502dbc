import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n, LOCALES } from '../../src/i18n/i18n.js';

const ROOT = path.resolve(import.meta.dirname, '../../src/i18n/locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`.replace(PLURAL, '')],
  );
}

describe('translations', () => {
  it('French, Arabic and English have exactly the same keys', () => {
    const sets = LOCALES.map((lng) => new Set(keys(i18n.getResourceBundle(lng, 'translation') as Record<string, unknown>)));
    const [fr, ...others] = sets;
    for (const [i, other] of others.entries()) {
      const lng = LOCALES[i + 1];
      expect([...fr!].filter((k) => !other.has(k)), `missing in ${lng}`).toEqual([]);
      expect([...other].filter((k) => !fr!.has(k)), `only in ${lng}`).toEqual([]);
    }
  });

  it('keeps every language in per-feature files of the same names', () => {
    const files = LOCALES.map((lng) => readdirSync(path.join(ROOT, lng)).sort());
    expect(files[1]).toEqual(files[0]);
    expect(files[2]).toEqual(files[0]);
    for (const lng of LOCALES) for (const f of files[0]!) expect(() => JSON.parse(readFileSync(path.join(ROOT, lng, f), 'utf8'))).not.toThrow();
  });

  it('never uses a dotted key (i18next reads dots as nesting, so such a text would never be found)', () => {
    const dotted = (obj: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(obj).flatMap(([k, v]) => [
        ...(k.includes('.') ? [`${prefix}${k}`] : []),
        ...(v && typeof v === 'object' ? dotted(v as Record<string, unknown>, `${prefix}${k}.`) : []),
      ]);
    for (const lng of LOCALES) {
      for (const f of readdirSync(path.join(ROOT, lng))) {
        expect(dotted(JSON.parse(readFileSync(path.join(ROOT, lng, f), 'utf8'))), `${lng}/${f}`).toEqual([]);
      }
    }
  });

  it('uses Arabic plural forms in Arabic', () => {
    const t = i18n.getFixedT('ar');
    expect(t('needs.durationDays', { count: 2 })).toBe('يومان');
    expect(t('needs.durationDays', { count: 5 })).toBe('5 أيام');
    expect(t('needs.durationDays', { count: 11 })).toBe('11 يومًا');
  });
});
