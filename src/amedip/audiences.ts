import { z } from 'zod';
import type { ExpertKind } from '../matching/index.js';

export type { ExpertKind };

/** The kinds of expert a need may be open to (the ExpertKind enum), diaspora first: the default audience. */
export const EXPERT_KINDS: readonly ExpertKind[] = ['diaspora', 'south_south', 'immigrant_resident'];

/**
 * A need's audiences as its form posts them: repeated check boxes named `audiences`. Nothing ticked means the
 * default, diaspora only (forms and API clients written before audiences existed keep their meaning).
 */
export const audiencesField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])].filter((s) => s !== ''))
  .pipe(z.array(z.enum(EXPERT_KINDS as [ExpertKind, ...ExpertKind[]], { message: 'validation.choice' })).max(3));

/** Residence statuses of immigrants residing in the home country (the ResidenceStatus enum). */
export const RESIDENCE_STATUSES = ['resident_card', 'work_permit', 'student', 'refugee', 'other'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/**
 * The deployment's own country (ISO code): its regions are the reference regions; institutions of other countries
 * (partners of South–South exchange) have no region.
 */
export const HOME_COUNTRY = 'MA';
