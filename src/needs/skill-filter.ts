import type { PrismaClient } from '../db/prisma.js';

/** What the catalogue found for the skill typed in the filter: these skills and every narrower one. */
export interface SkillFilter {
  ids: number[];
  /** the skills the text named (narrower ones excluded), to tell the reader what was understood */
  named: { code: string; labelFr: string; labelAr: string; labelEn: string }[];
}

/**
 * Reads the skill filter: a code, or a label in French, Arabic or English (accents and Arabic spelling variants
 * ignored, see jisr_fold); when no label is equal, the labels containing the text. An expert who holds a broad
 * skill wants the needs asking for its narrower skills too, so the whole subtree below each named skill counts.
 * One query on a table of a few hundred rows; undefined when nothing matches.
 */
export async function resolveSkillFilter(prisma: PrismaClient, text: string): Promise<SkillFilter | undefined> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // The cheap comparisons first (a code, or a label as written, case aside: what the suggestions give); only when
  // they find nothing are the labels folded (accents, Arabic variants), which costs far more on every skill.
  const rows = await prisma.$queryRaw<{ id: number; code: string; labelFr: string; labelAr: string; labelEn: string; named: boolean }[]>`
    WITH RECURSIVE plain AS (
      SELECT id FROM "Skill"
      WHERE code = lower(${text}) OR lower("labelFr") = lower(${text}) OR lower("labelEn") = lower(${text}) OR "labelAr" = ${text}
    ), candidate AS (
      SELECT id, "labelFr", "labelEn", "labelAr" FROM "Skill"
      WHERE NOT EXISTS (SELECT 1 FROM plain)
        AND jisr_fold("labelFr" || ' ' || "labelEn" || ' ' || "labelAr") LIKE jisr_fold(${pattern})
    ), folded AS (
      SELECT id FROM candidate
      WHERE jisr_fold("labelFr") = jisr_fold(${text}) OR jisr_fold("labelEn") = jisr_fold(${text}) OR jisr_fold("labelAr") = jisr_fold(${text})
    ), named AS (
      SELECT id FROM plain
      UNION ALL SELECT id FROM folded
      UNION ALL (SELECT id FROM candidate WHERE NOT EXISTS (SELECT 1 FROM folded) ORDER BY id LIMIT 20)
    ), tree AS (
      SELECT id, true AS named FROM named
      UNION
      SELECT s.id, false FROM "Skill" s JOIN tree t ON s."broaderId" = t.id
    )
    SELECT s.id, s.code, s."labelFr", s."labelAr", s."labelEn", bool_or(t.named) AS named
    FROM tree t JOIN "Skill" s ON s.id = t.id GROUP BY s.id ORDER BY s.id`;
  if (!rows.length) return undefined;
  return {
    ids: rows.map((r) => r.id),
    named: rows.filter((r) => r.named).map(({ code, labelFr, labelAr, labelEn }) => ({ code, labelFr, labelAr, labelEn })),
  };
}
