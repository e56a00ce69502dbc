import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import type { Locale } from '../i18n/i18n.js';
import { displayNames, LANGUAGE_CODES } from '../reference/codes.js';
import { catalogueFilters, searchCatalogue, type CataloguePage } from './queries.js';
import { resolveSkillFilter } from './skill-filter.js';
import { CATALOGUE_SORTS, catalogueQuerySchema, echoCatalogueParams, pickCatalogueParams } from './schemas.js';

const EMPTY: CataloguePage = { needs: [], total: 0, page: 1, pages: 1 };

// Language names depend only on the reader's language: computed once per language, not on every request.
const languageCache = new Map<Locale, { code: string; name: string }[]>();
function languageOptions(lng: Locale) {
  let options = languageCache.get(lng);
  if (!options) languageCache.set(lng, (options = displayNames(lng, 'language', LANGUAGE_CODES)));
  return options;
}

/** The public catalogue of published needs: search, filters, sorting, pagination. */
export function needsRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();

  router.get('/needs', async (req, res) => {
    // The form's lists are read while the query string is checked and the search runs (one round trip less).
    const lists = catalogueFilters(prisma);
    // Marked as handled at once (a failure while the search runs must not crash the process as an unhandled
    // rejection); the error still reaches the error handler where the lists are awaited.
    lists.catch(() => undefined);
    const render = async (status: number, locals: Record<string, unknown>) => {
      const [sectors, regions] = await lists;
      res.status(status).render('needs/index', { sectors, regions, languages: languageOptions(req.lng), sorts: CATALOGUE_SORTS, ...locals });
    };
    // Bad input: the form comes back with a message next to each wrong field, and no results.
    const refuse = (query: Record<string, unknown>, errors: Record<string, string>) =>
      render(400, { query: echoCatalogueParams(query), errors, skill: undefined, result: EMPTY });

    const raw = pickCatalogueParams(req.query);
    const parsed = catalogueQuerySchema.safeParse(raw);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'q');
        errors[field] ??= /^(errors|catalogue)\./.test(issue.message) ? issue.message : 'errors.filterInvalid';
      }
      return refuse(raw, errors);
    }
    const skill = parsed.data.skill ? await resolveSkillFilter(prisma, parsed.data.skill) : undefined;
    if (parsed.data.skill && !skill) return refuse(parsed.data, { skill: 'catalogue.errors.unknownSkill' });
    const result = await searchCatalogue(prisma, parsed.data, { skill });
    await render(200, { query: echoCatalogueParams(parsed.data), errors: {}, skill, result });
  });

  return router;
}
