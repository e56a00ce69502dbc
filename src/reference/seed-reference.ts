import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import type { Logger } from '../lib/logger.js';
import { COMMUNES } from './data/communes.js';
import { PARTNER_COUNTRIES } from './data/partner-countries.js';
import { REGIONS } from './data/regions.js';
import { SECTORS } from './data/sectors.js';
import { SKILLS } from './data/skills.js';

const SETTING_KEY = 'reference.version';
/** Set by the first admin change of the skills (src/taxonomy): from then on the database owns the taxonomy. */
export const SKILLS_EDITED_KEY = 'reference.skills.edited';

export function referenceVersion(): string {
  return createHash('sha256').update(JSON.stringify([REGIONS, SECTORS, SKILLS, PARTNER_COUNTRIES, COMMUNES])).digest('hex').slice(0, 16);
}

/**
 * Loads regions, sectors and the skill taxonomy. Runs at every start but only writes when the shipped data
 * changed (its hash is kept in AppSetting); upserts by code, so ids already referenced by profiles survive.
 */
export async function seedReference(prisma: PrismaClient, logger: Logger): Promise<boolean> {
  const version = referenceVersion();
  const current = await prisma.appSetting.findUnique({ where: { key: SETTING_KEY } });
  if (current?.value === version) return false;

  await prisma.$transaction(
    async (tx) => {
      // Several app instances may start at once: one loads, the others wait and then find the version current.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7297021)`;
      const locked = await tx.appSetting.findUnique({ where: { key: SETTING_KEY } });
      if (locked?.value === version) return;
      for (const [i, r] of REGIONS.entries()) {
        const data = {
          nameFr: r.fr, nameAr: r.ar, nameEn: r.en, sortOrder: i,
          capitalFr: r.capital.fr, capitalAr: r.capital.ar, capitalEn: r.capital.en,
        };
        await tx.region.upsert({ where: { code: r.code }, create: { code: r.code, ...data }, update: data });
      }
      for (const s of SECTORS) {
        const data = { nameFr: s.fr, nameAr: s.ar, nameEn: s.en };
        await tx.sector.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
      }
      // Once admins edit the taxonomy (/admin/reference), a new release only adds the skills it ships that the
      // database lacks: it never undoes a rename, a move, a merge or a deactivation, nor retires an admin's skill.
      if (await tx.appSetting.findUnique({ where: { key: SKILLS_EDITED_KEY } })) {
        await addMissingSkills(tx);
        await tx.appSetting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value: version }, update: { value: version } });
        return;
      }
      // Two passes: every skill exists before broader links point at it.
      for (const s of SKILLS) {
        const data = { sectorCode: s.sector, labelFr: s.fr, labelAr: s.ar, labelEn: s.en, active: true };
        await tx.skill.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
      }
      const ids = new Map((await tx.skill.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]));
      for (const s of SKILLS) {
        await tx.skill.update({ where: { code: s.code }, data: { broaderId: s.broader ? ids.get(s.broader) : null } });
      }
      // Admins edit partner countries: only codes not present yet are added, existing rows are left as edited.
      await tx.partnerCountry.createMany({
        data: PARTNER_COUNTRIES.map((c) => ({ code: c.code, nameFr: c.fr, nameAr: c.ar, nameEn: c.en })),
        skipDuplicates: true,
      });
      // Communes: admins add some, names may be edited; shipped codes are only inserted when missing.
      await tx.commune.createMany({
        data: COMMUNES.map((c) => ({ code: c.code, regionCode: c.region, nameFr: c.fr, nameAr: c.ar, nameEn: c.en })),
        skipDuplicates: true,
      });
      // Communes of origin typed as free text before the list existed: linked when the name matches in the region.
      await tx.$executeRaw`
        UPDATE "ExpertProfile" e SET "originCommuneCode" = c."code" FROM "Commune" c
        WHERE e."originCommuneCode" IS NULL AND e."originCommune" IS NOT NULL AND c."regionCode" = e."originRegionCode"
          AND lower(c."nameFr") = lower(trim(e."originCommune"))`;
      const shipped = new Set(SKILLS.map((s) => s.code));
      const retired = [...ids.keys()].filter((code) => !shipped.has(code));
      if (retired.length) await tx.skill.updateMany({ where: { code: { in: retired } }, data: { active: false } });
      await tx.appSetting.upsert({
        where: { key: SETTING_KEY },
        create: { key: SETTING_KEY, value: version },
        update: { value: version },
      });
    },
    { timeout: 60_000 },
  );
  logger.info({ regions: REGIONS.length, sectors: SECTORS.length, skills: SKILLS.length }, 'reference data loaded');
  return true;
}

/** The shipped skills the database does not hold yet, with their broader links where the broader skill exists. */
async function addMissingSkills(tx: Prisma.TransactionClient): Promise<void> {
  const have = new Set((await tx.skill.findMany({ select: { code: true } })).map((s) => s.code));
  const missing = SKILLS.filter((s) => !have.has(s.code));
  for (const s of missing) await tx.skill.create({ data: { code: s.code, sectorCode: s.sector, labelFr: s.fr, labelAr: s.ar, labelEn: s.en } });
  const ids = new Map((await tx.skill.findMany({ where: { code: { in: missing.flatMap((s) => (s.broader ? [s.code, s.broader] : [])) } }, select: { id: true, code: true } })).map((s) => [s.code, s.id]));
  for (const s of missing) if (s.broader && ids.has(s.broader)) await tx.skill.update({ where: { code: s.code }, data: { broaderId: ids.get(s.broader)! } });
}
