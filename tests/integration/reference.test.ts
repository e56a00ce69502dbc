import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/lib/logger.js';
import { seedReference } from '../../src/reference/seed-reference.js';
import { COUNTRY_CODES, LANGUAGE_CODES, displayNames } from '../../src/reference/codes.js';
import { createTestDatabase } from '../helpers/db.js';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const ARABIC = /[\u0600-\u06FF]/;

describe('reference data', () => {
  it("holds Morocco's 12 regions with names and capitals in three languages", async () => {
    const regions = await db.prisma.region.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(regions).toHaveLength(12);
    expect(regions.find((r) => r.code === 'SM')).toMatchObject({ nameFr: 'Souss-Massa', capitalFr: 'Agadir', capitalAr: 'أكادير' });
    for (const r of regions) expect(r.nameAr).toMatch(ARABIC);
  });

  it('holds at least 300 skills over at least 12 sectors, labelled in French, Arabic and English', async () => {
    const skills = await db.prisma.skill.findMany({ include: { broader: true } });
    const sectors = new Set(skills.map((s) => s.sectorCode));
    expect(skills.length).toBeGreaterThanOrEqual(300);
    expect(sectors.size).toBeGreaterThanOrEqual(12);
    for (const s of skills) {
      expect(s.labelAr).toMatch(ARABIC);
      expect(s.labelFr.length * s.labelEn.length).toBeGreaterThan(0);
      if (s.broader) {
        expect(s.broader.sectorCode).toBe(s.sectorCode);
        expect(s.broader.broaderId).toBeNull();
      }
    }
    expect(skills.filter((s) => s.broaderId !== null).length).toBeGreaterThan(skills.length / 2);
  });

  it('loads once: a second start writes nothing', async () => {
    expect(await seedReference(db.prisma, createLogger('silent'))).toBe(false);
  });

  it('finds skills by trigram similarity on any of their labels', async () => {
    const rows = await db.prisma.$queryRaw<{ code: string }[]>`
      SELECT code FROM "Skill"
      WHERE ("labelFr" || ' ' || "labelEn" || ' ' || "labelAr") ILIKE ${'%goutte%'}`;
    expect(rows.map((r) => r.code)).toContain('agriculture.drip_irrigation');
  });

  it('names countries and languages by ISO code in the reader\'s language', () => {
    expect(COUNTRY_CODES).toContain('MA');
    expect(LANGUAGE_CODES).toContain('zgh');
    expect(displayNames('fr', 'region', ['MA', 'BE']).map((c) => c.name)).toEqual(['Belgique', 'Maroc']);
    expect(displayNames('ar', 'region', ['MA'])[0]?.name).toBe('المغرب');
    expect(displayNames('en', 'language', ['ar'])[0]?.name).toBe('Arabic');
  });
});
