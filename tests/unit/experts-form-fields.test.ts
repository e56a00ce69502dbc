import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cvKeyFor, folderCvStore } from '../../src/experts/cv-store.js';
import { isoDate, manyOf, optionalInt, optionalPhone, optionalText } from '../../src/experts/form-fields.js';
import { staleCutoff } from '../../src/experts/stale-profile-reminder.js';

const errorOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0]!.message;
};

describe('form fields of the profile editor', () => {
  it('turns blanks into null and bounds free text', () => {
    expect(optionalText(5).parse('  ')).toBeNull();
    expect(optionalText(5).parse(' Aït ')).toBe('Aït');
    expect(errorOf(optionalText(5), 'abcdef')).toBe('validation.tooLong');
  });

  it('reads whole numbers within bounds only', () => {
    const years = optionalInt(0, 70, 'validation.expert.years');
    expect(years.parse('')).toBeNull();
    expect(years.parse(' 12 ')).toBe(12);
    for (const bad of ['71', '-1', '1.5', '1e2', 'douze', '0x10']) expect(errorOf(years, bad), bad).toBe('validation.expert.years');
  });

  it('reads check boxes: absent, one or several values, blanks and duplicates dropped, unknown values refused', () => {
    const modes = manyOf(['on_site', 'remote', 'hybrid'] as const, 2);
    expect(modes.parse(undefined)).toEqual([]);
    expect(modes.parse('remote')).toEqual(['remote']);
    expect(modes.parse(['remote', '', 'remote', 'hybrid'])).toEqual(['remote', 'hybrid']);
    expect(errorOf(modes, ['teleport'])).toBe('validation.choice');
    expect(errorOf(modes, ['remote', 'hybrid', 'on_site'])).toBe('validation.expert.tooMany');
  });

  it('accepts real calendar dates only, as UTC midnight', () => {
    expect(isoDate.parse('2027-02-28').toISOString()).toBe('2027-02-28T00:00:00.000Z');
    for (const bad of ['2027-02-30', '28/02/2027', '2027-2-28', '']) expect(errorOf(isoDate, bad), bad).toMatch(/validation\./);
  });

  it('accepts phone numbers as people write them, and nothing else', () => {
    for (const ok of ['+212 6 12 34 56 78', '06.12.34.56.78', '+1 (514) 555-0199']) expect(optionalPhone.parse(ok)).toBe(ok);
    expect(optionalPhone.parse('')).toBeNull();
    for (const bad of ['call me', '12', '+212 6 12 34 56 78\nBcc: x']) expect(errorOf(optionalPhone, bad), bad).toBe('validation.expert.phone');
  });

  it('finds stale profiles six calendar months back', () => {
    expect(staleCutoff(new Date('2027-08-31T10:00:00Z')).toISOString()).toBe('2027-03-03T10:00:00.000Z');
    expect(staleCutoff(new Date('2027-06-15T00:00:00Z')).toISOString()).toBe('2026-12-15T00:00:00.000Z');
  });
});

describe('the CV folder store', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jisr-cv-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const store = folderCvStore(path.join(dir, 'cv'));
  const key = cvKeyFor('0b8f5a52-1c1e-4d59-9a55-2c8d7f0e3a11');

  it('puts, replaces in place, reads and deletes, leaving no temporary file', async () => {
    expect(await store.get(key)).toBeUndefined();
    await store.put(key, Buffer.from('%PDF-1 first'));
    await store.put(key, Buffer.from('%PDF-1 second'));
    expect((await store.get(key))?.toString()).toBe('%PDF-1 second');
    expect(readdirSync(path.join(dir, 'cv'))).toEqual([key]);
    await store.delete(key);
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
  });

  it('refuses keys that are not its own, so nothing outside the folder can be named', async () => {
    for (const bad of ['../secret.pdf', '/etc/passwd', 'a.pdf', `${key}/../x.pdf`]) {
      await expect(store.get(bad)).rejects.toThrow(/invalid CV key/);
      await expect(store.put(bad, Buffer.from('x'))).rejects.toThrow(/invalid CV key/);
    }
  });
});
