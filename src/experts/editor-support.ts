import type { Request, Response } from 'express';
import type { FieldErrors } from '../http/forms.js';
import { setFlash } from '../http/session.js';
import { displayNames, COUNTRY_CODES, LANGUAGE_CODES, CEFR_LEVELS } from '../reference/codes.js';
import { REGIONS } from '../reference/data/regions.js';
import { SECTORS } from '../reference/data/sectors.js';
import type { Locale } from '../i18n/i18n.js';
import type { PrismaClient } from '../db/prisma.js';
import type { CommandContext } from './deps.js';
import { stepLinks, type EditorStep } from './editor-steps.js';
import { loadOwnProfile, type OwnProfile } from './own-profile.js';
import { hasActiveConsent } from './change-consent.js';

export const ctxOf = (req: Request): CommandContext => ({ userId: req.user!.id, ip: req.ip, now: new Date() });

/** What the user posted, to show the form again: strings and lists of strings, never a password or the token. */
export function echoForm(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (/password|_csrf/i.test(k)) continue;
    if (typeof v === 'string') out[k] = v.slice(0, 3000);
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string').slice(0, 20);
  }
  return out;
}

const pick = (lng: Locale, r: { fr: string; ar: string; en: string }) => r[lng];

/** Reference lists in the reader's language: names from the data or from Intl, never stored per language. */
export function choices(lng: Locale) {
  return {
    countries: displayNames(lng, 'region', COUNTRY_CODES),
    languages: displayNames(lng, 'language', LANGUAGE_CODES),
    cefrLevels: CEFR_LEVELS,
    regions: REGIONS.map((r) => ({ code: r.code, name: pick(lng, r) })),
    sectors: SECTORS.map((s) => ({ code: s.code, name: pick(lng, s) })),
  };
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The form's values as the profile holds them now. */
export function formValues(step: EditorStep, p: OwnProfile): Record<string, string | string[]> {
  switch (step) {
    case 'identity':
      return { firstName: p.firstName, lastName: p.lastName, gender: p.gender, phone: str(p.phone), kind: p.kind };
    case 'residence':
      return {
        countryOfResidence: str(p.countryOfResidence), cityOfResidence: str(p.cityOfResidence), nationalities: p.nationalities,
        originRegionCode: str(p.originRegionCode), originCommuneCode: str(p.originCommuneCode), residenceStatus: str(p.residenceStatus),
      };
    case 'professional':
      return {
        headline: str(p.headline), bio: str(p.bio), employer: str(p.employer), position: str(p.position),
        yearsExperience: str(p.yearsExperience), sectors: p.sectors,
      };
    case 'preferences':
      return { missionModes: p.missionModes, preferredRegions: p.preferredRegions, maxMissionDays: str(p.maxMissionDays) };
    case 'privacy':
      return { visibility: p.visibility };
    default:
      return {};
  }
}

export interface StepView {
  status?: number;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  [extra: string]: unknown;
}

/** Renders one editor step with the meter and the step navigation; the view is views/experts/editor/<step>.ejs. */
/** A page of the editor: a step, the overview, or the erasure page (under the data-rights step). */
export type EditorPage = EditorStep | 'overview' | 'delete';

export async function renderStep(prisma: PrismaClient, req: Request, res: Response, step: EditorPage, view: StepView = {}) {
  const { profile, meter } = await loadOwnProfile(prisma, req.user!.id);
  const { status = 200, values, errors = {}, ...extra } = view;
  const consentActive = step === 'privacy' || step === 'overview' ? await hasActiveConsent(prisma, req.user!.id) : undefined;
  // the commune of origin is chosen from the reference list, grouped by region
  const [communes, communeRegions] = step === 'residence'
    ? await Promise.all([prisma.commune.findMany({ orderBy: [{ regionCode: 'asc' }, { nameFr: 'asc' }] }), prisma.region.findMany({ orderBy: { sortOrder: 'asc' } })])
    : [[], []];
  res.status(status).render(`experts/editor/${step}`, {
    step, steps: stepLinks(meter, step === 'delete' ? 'data' : step), meter, profile, consentActive,
    values: values ?? (step === 'overview' || step === 'delete' ? {} : formValues(step, profile)),
    errors, choices: choices(req.lng), communes, communeRegions, ...extra,
  });
}

/** A message for the next page, then the redirect (the app saves the session before every redirect). */
export async function flashAndRedirect(req: Request, res: Response, type: 'success' | 'error', key: string, url: string): Promise<void> {
  setFlash(req, type, key);
  res.redirect(303, url);
}
