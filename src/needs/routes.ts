import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { catalogueFilters, findPublicNeed, searchCatalogue } from './queries.js';
import { catalogueQuerySchema, pickCatalogueParams } from './schemas.js';

export function needsRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();

  router.get('/needs', async (req, res) => {
    const [sectors, regions] = await catalogueFilters(prisma);
    const raw = pickCatalogueParams(req.query);
    const parsed = catalogueQuerySchema.safeParse(raw);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'q');
        errors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.filterInvalid';
      }
      res.status(400).render('needs/index', {
        query: echo(raw), errors, sectors, regions, result: { needs: [], total: 0, page: 1, pages: 1 },
      });
      return;
    }
    const result = await searchCatalogue(prisma, parsed.data);
    res.render('needs/index', { query: echo(parsed.data), errors: {}, sectors, regions, result });
  });

  router.get('/needs/:id', async (req, res) => {
    const need = await findPublicNeed(prisma, req.params.id);
    if (!need) throw AppError.notFound();
    res.render('needs/show', { need });
  });

  return router;
}

/** What the filter form shows back: strings only, never the request object itself. */
function echo(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'sector', 'region', 'mode']) {
    const v = query[key];
    out[key] = typeof v === 'string' ? v.slice(0, 300) : '';
  }
  return out;
}
