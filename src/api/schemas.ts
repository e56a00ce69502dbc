import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { isRealDay } from '../lib/iso-day.js';
import { LANGUAGE_CODES } from '../reference/codes.js';

// Adds .openapi() to zod's types: the OpenAPI document (src/api/openapi.ts) is generated from these schemas, the
// same ones that parse the requests and shape the responses, so the two cannot drift apart.
extendZodWithOpenApi(z);

const optional = <T extends z.ZodTypeAny>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const code = z.string().regex(/^[A-Za-z0-9_.]{1,60}$/);
const day = z.string().refine(isRealDay, 'not a calendar day').openapi({ format: 'date', example: '2027-03-01' });

/** Shared by every list: a cursor from the previous page's `next`, and a page size. */
const pageQuery = {
  cursor: optional(z.string().max(200)).openapi({ description: 'the `next` value of the previous page' }),
  limit: z.preprocess((v) => (v === undefined || v === '' ? 20 : Number(v)), z.number().int().min(1).max(100)).openapi({ type: 'integer', default: 20 }),
};

/** The catalogue's filters (src/needs/schemas.ts), by code: sector, region, mode, skill, language, dates. */
export const needsQuery = z.object({
  ...pageQuery,
  q: optional(z.string().max(200)).openapi({ description: 'words of the title or description (French, Arabic or English, accents ignored)' }),
  sector: optional(code),
  region: optional(code),
  mode: optional(z.enum(['on_site', 'remote', 'hybrid'])),
  skill: optional(code).openapi({ description: 'a skill code; narrower skills match too' }),
  language: optional(z.enum(LANGUAGE_CODES as [string, ...string[]])),
  from: optional(day).openapi({ description: 'window ends on or after this day' }),
  to: optional(day).openapi({ description: 'window starts on or before this day' }),
});
export const institutionsQuery = z.object({ ...pageQuery, region: optional(code), kind: optional(code) });
export const opportunitiesQuery = z.object({ ...pageQuery, sector: optional(code), region: optional(code), kind: optional(z.enum(['offer', 'seek'])) });

const named = z.object({ code: z.string(), name: z.string() });

export const needSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  institution: z.object({ id: z.uuid(), name: z.string() }),
  sector: named,
  region: named,
  city: z.string().nullable(),
  mode: z.enum(['on_site', 'remote', 'hybrid']),
  window: z.object({ start: z.iso.date(), end: z.iso.date() }),
  durationDays: z.number().int(),
  expertsWanted: z.number().int(),
  /** whom the need is open to: diaspora experts, South–South experts of partner countries, immigrants residing in Morocco */
  audiences: z.array(z.enum(['diaspora', 'south_south', 'immigrant_resident'])).min(1),
  tags: z.object({ climate: z.boolean(), gender: z.boolean() }),
  skills: z.array(z.object({ code: z.string(), label: z.string(), minLevel: z.number().int().min(1).max(4), requirement: z.enum(['required', 'desirable']) })),
  languages: z.array(z.object({ code: z.string(), name: z.string(), minLevel: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']) })),
  publishedAt: z.iso.datetime(),
}).openapi('Need');

export const institutionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameAr: z.string().nullable(),
  kind: z.string(),
  /** ISO 3166-1 alpha-2; institutions of partner countries (South–South exchange) have no Moroccan region */
  country: z.string().length(2),
  region: named.nullable(),
  city: z.string(),
  website: z.string().nullable(),
  verifiedAt: z.iso.datetime().nullable(),
}).openapi('Institution');

export const opportunitySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(['offer', 'seek']),
  sector: named,
  region: named,
  city: z.string().nullable(),
  ticket: z.object({ min: z.string().openapi({ example: '1000000.00' }), max: z.string(), currency: z.string() }),
  institution: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
}).openapi('Opportunity');

const cell = z.number().int().nullable().openapi({ description: 'null: fewer than 5 people, not published' });
export const statisticsSchema = z.object({
  summary: z.array(z.object({ key: z.string(), label: z.string(), value: cell })),
  figures: z.array(z.object({ id: z.string(), title: z.string(), rows: z.array(z.object({ key: z.string(), label: z.string(), value: cell })) })),
  smallCell: z.number().int(),
}).openapi('Statistics');

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ data: z.array(item), next: z.string().nullable().openapi({ description: 'cursor of the next page; null on the last' }) }).openapi(name);

export const needsPage = pageOf(needSchema, 'NeedPage');
export const institutionsPage = pageOf(institutionSchema, 'InstitutionPage');
export const opportunitiesPage = pageOf(opportunitySchema, 'OpportunityPage');

/** RFC 9457 problem details: every error of the API. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ name: z.string(), message: z.string() })).optional(),
}).openapi('Problem');

export type NeedOut = z.infer<typeof needSchema>;
export type InstitutionOut = z.infer<typeof institutionSchema>;
export type OpportunityOut = z.infer<typeof opportunitySchema>;
