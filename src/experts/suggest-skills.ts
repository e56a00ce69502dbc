import type { PrismaClient } from '../db/prisma.js';

export interface SkillSuggestion {
  id: number;
  labelFr: string;
  labelAr: string;
  labelEn: string;
  broader: { labelFr: string; labelAr: string; labelEn: string } | null;
}

export const MAX_QUERY = 100;
const LIMIT = 12;

/**
 * Skills of the taxonomy whose French, Arabic or English label matches what the user typed, accents and Arabic
 * spelling variants ignored (jisr_fold, see the migration 20261129200000_expert_profiles): first the labels that
 * contain the text, then near matches by trigram word similarity (a typo, a missing letter). Both conditions use
 * the trigram index on the folded labels, so the search never scans the taxonomy row by row.
 */
export async function suggestSkills(prisma: PrismaClient, query: string): Promise<SkillSuggestion[]> {
  const q = query.trim().slice(0, MAX_QUERY);
  if (q.length < 2) return [];
  // LIKE's own wildcards typed by the user are matched literally.
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await prisma.$queryRaw<
    { id: number; labelFr: string; labelAr: string; labelEn: string; bFr: string | null; bAr: string | null; bEn: string | null }[]
  >`
    WITH m AS (
      SELECT s.id, jisr_fold(s."labelFr" || ' ' || s."labelEn" || ' ' || s."labelAr") AS folded
      FROM "Skill" s
      WHERE s.active AND (
        jisr_fold(s."labelFr" || ' ' || s."labelEn" || ' ' || s."labelAr") LIKE jisr_fold(${pattern})
        OR jisr_fold(${q}) <% jisr_fold(s."labelFr" || ' ' || s."labelEn" || ' ' || s."labelAr")
      )
    )
    SELECT s.id, s."labelFr", s."labelAr", s."labelEn", b."labelFr" AS "bFr", b."labelAr" AS "bAr", b."labelEn" AS "bEn"
    FROM m JOIN "Skill" s ON s.id = m.id LEFT JOIN "Skill" b ON b.id = s."broaderId"
    ORDER BY (m.folded LIKE jisr_fold(${pattern})) DESC, word_similarity(jisr_fold(${q}), m.folded) DESC, s."labelFr"
    LIMIT ${LIMIT}`;
  return rows.map((r) => ({
    id: r.id, labelFr: r.labelFr, labelAr: r.labelAr, labelEn: r.labelEn,
    broader: r.bFr === null ? null : { labelFr: r.bFr, labelAr: r.bAr ?? '', labelEn: r.bEn ?? '' },
  }));
}
