/**
 * Scoring weights are data: the defaults below are version 0; an admin saves edited sets as MatcherWeights rows
 * ({ version, weights Json }), and `weightsFromRow` turns such a row into Weights (missing keys fall back to the
 * defaults, bad values are refused). Every ranking carries the version of the weights that produced it.
 */
import { z } from 'zod';
import type { Weights } from './types.js';

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  version: 0,
  skills: 60,
  requiredSkillFactor: 2,
  desirableSkillFactor: 1,
  narrowerCredit: 0.9,
  broaderCredit: 0.6,
  availability: 8,
  languages: 6,
  languageStepsForFull: 2,
  sector: 8,
  experience: 6,
  yearsForFull: 15,
  origin: 6,
  commune: 4,
  evaluations: 6,
  priorRating: 3,
  priorCount: 2,
  stalePenalty: 10,
  staleAfterDays: 180,
});

const points = z.number().min(0).max(100);
const credit = z.number().min(0).max(1);

/** The JSON an admin may store: any subset of the weights (version excluded: it is the row's id). */
export const WeightsJsonSchema = z
  .object({
    skills: points.refine((v) => v > 0, 'skills must weigh something'),
    requiredSkillFactor: z.number().positive().max(10),
    desirableSkillFactor: z.number().positive().max(10),
    narrowerCredit: credit,
    broaderCredit: credit,
    availability: points,
    languages: points,
    languageStepsForFull: z.number().int().min(1).max(6),
    sector: points,
    experience: points,
    yearsForFull: z.number().positive().max(60),
    origin: points,
    commune: points,
    evaluations: points,
    priorRating: z.number().min(1).max(5),
    priorCount: z.number().min(0).max(100),
    stalePenalty: points,
    staleAfterDays: z.number().int().positive().max(3650),
  })
  .partial()
  .strict();

export type WeightsJson = z.infer<typeof WeightsJsonSchema>;

/** Weights from a stored MatcherWeights row; throws a ZodError when the JSON holds a bad value or unknown key. */
export function weightsFromRow(row: { version: number; weights: unknown }): Weights {
  const parsed = WeightsJsonSchema.parse(row.weights ?? {});
  return { ...DEFAULT_WEIGHTS, ...parsed, version: row.version };
}

/** The JSON to store for a set of weights (everything but the version). */
export function weightsToJson(weights: Weights): WeightsJson {
  const { version: _version, ...rest } = weights;
  return rest;
}
