import type { NextFunction, Request, Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { localized } from '../i18n/i18n.js';
import { cachedPerClient } from '../lib/per-client.js';
import type { RuleOutcome } from './evaluate.js';
import { formatMoney, formatPercent, outcomeText, ruleText } from './format.js';
import type { Rule } from './rules.js';

type Sector = Awaited<ReturnType<typeof loadSectors>>[number];

function loadSectors(prisma: PrismaClient) {
  return prisma.investmentSector.findMany({ orderBy: { sortOrder: 'asc' } });
}

/** Investment sectors are reference data shipped by the migration and never edited: read once per client. */
export const investmentSectors: (prisma: PrismaClient) => Promise<Sector[]> = cachedPerClient(loadSectors);

/**
 * Helpers the investment pages use: money and percentages through Intl in the page's language, sector names,
 * and the reasons of rule outcomes. Set on res.locals, never taken from the request.
 */
export function investLocals(prisma: PrismaClient) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const sectors = await investmentSectors(prisma);
    const byCode = new Map(sectors.map((s) => [s.code, s]));
    const sectorName = (code: string) => { const s = byCode.get(code); return s ? localized(s, 'name', req.lng) : code; };
    const t = res.locals.t as Parameters<typeof outcomeText>[0];
    Object.assign(res.locals, {
      investmentSectors: sectors,
      sectorName,
      money: (v: { toString(): string } | null | undefined) => formatMoney(req.lng, v),
      percent: (v: { toString(): string }) => formatPercent(req.lng, v.toString()),
      outcomeText: (o: RuleOutcome) => outcomeText(t, req.lng, o, sectorName),
      ruleText: (r: Rule) => ruleText(t, req.lng, r, sectorName),
    });
    next();
  };
}
