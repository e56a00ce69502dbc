import { Router, type Request } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import type { MissionParties } from './policy.js';
import type { MissionPage } from './queries.js';

/** Mission order and certificate PDFs (built in src/missions/documents once available). */
export function missionDocumentRoutes(
  _deps: { prisma: PrismaClient },
  _load: (req: Request) => Promise<MissionPage>,
  _parties: (m: MissionPage) => MissionParties,
): Router {
  return Router();
}
