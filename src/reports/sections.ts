import type { TFunction } from 'i18next';
import type { PrismaClient } from '../db/prisma.js';
import type { Formatters } from '../i18n/format.js';
import { localized, type Locale } from '../i18n/i18n.js';
import { investmentSectors } from '../cofinancing/view-locals.js';
import type { ReportFilter } from './filters.js';
import { round1, round2, share, type Figure, type Section, type SectionId, type ValueKind } from './figures.js';
import { investmentFigures, missionFigures, type MissionSums } from './mission-queries.js';
import { candidacyFigures, needFigures } from './need-queries.js';
import { expertFigures, type Counts } from './people-queries.js';

type Named = Record<string, unknown> & { code: string };

/** What the section builders need besides the data: the reader's language and the reference lists. */
export interface ReportContext {
  prisma: PrismaClient;
  t: TFunction;
  lng: Locale;
  fmt: Formatters;
  today: Date;
  regions: Named[];
  sectors: Named[];
  funding: { id: string; projectCode: string; name: string; year: number }[];
}

/** The context of one build: each query runs once even when two sections read it (missions and themes). */
type Ctx = ReportContext & { once: <T>(key: string, run: () => Promise<T>) => Promise<T> };

const EXPERT_KINDS = ['diaspora', 'south_south', 'immigrant_resident'];
const GENDERS = ['female', 'male', 'other', 'undisclosed'];
const INSTITUTION_KINDS = ['ministry', 'university', 'hospital', 'regional_agency', 'commune', 'cooperative', 'public_agency', 'ngo'];
const MODES = ['on_site', 'remote', 'hybrid'];
const MISSION_STATUSES = ['proposed', 'accepted', 'approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up', 'declined', 'rejected', 'cancelled'];
const INVESTMENT_STATUSES = ['submitted', 'under_review', 'eligible', 'ineligible', 'funded', 'withdrawn'];

type Labelled = [key: string, label: string][];

/** A one-column figure from counts, with every listed key (zeros included) and any extra key the data holds. */
function countFigure(id: string, title: string, heading: string, column: string, keys: Labelled, counts: Counts, unknown: string): Figure {
  const rows = keys.map(([key, label]) => ({ key, label, values: [counts.get(key) ?? 0] }));
  for (const [key, n] of counts) if (!keys.some(([k]) => k === key)) rows.push({ key, label: unknown, values: [n] });
  return { id, title, labelHeading: heading, columns: [{ label: column, kind: 'count' }], rows, chart: 0 };
}

function sumsFigure(c: ReportContext, id: string, title: string, heading: string, keys: Labelled, data: Map<string, MissionSums>, keepEmpty = true): Figure {
  const { t } = c;
  const cols: { label: string; kind: ValueKind }[] = [
    { label: t('reports.col.approvedMissions'), kind: 'count' }, { label: t('reports.col.travel'), kind: 'money' },
    { label: t('reports.col.perDiem'), kind: 'money' }, { label: t('reports.col.budget'), kind: 'money' },
  ];
  const rows = keys
    .filter(([key]) => keepEmpty || (data.get(key)?.approved ?? 0) > 0)
    .map(([key, label]) => {
      const s = data.get(key);
      return { key, label, values: [s?.approved ?? 0, round2(s?.travel ?? 0), round2(s?.perDiem ?? 0), round2(s?.total ?? 0)] };
    });
  return { id, title, labelHeading: heading, columns: cols, rows, chart: 3 };
}

export const regionKeys = (c: ReportContext): Labelled => c.regions.map((r) => [r.code, localized(r, 'name', c.lng)]);
const sectorKeys = (c: ReportContext): Labelled => c.sectors.map((s) => [s.code, localized(s, 'name', c.lng)]);
const keysOf = (c: ReportContext, prefix: string, list: string[]): Labelled => list.map((k) => [k, c.t(`${prefix}.${k}`)]);

async function experts(c: Ctx, f: ReportFilter): Promise<Section> {
  const { t } = c;
  const d = await c.once('experts', () => expertFigures(c.prisma, f, c.today));
  const n = t('reports.col.experts');
  const unknown = t('reports.unknown');
  const countries: Labelled = [...d.byCountry.keys()].map((k) => [k, k === 'unknown' ? unknown : c.fmt.country(k)]);
  return {
    id: 'experts', title: t('reports.sections.experts'),
    summary: [
      { label: t('reports.summary.experts'), value: d.total, kind: 'count', testid: 'summary-experts' },
      { label: t('reports.summary.complete'), value: share(d.complete, d.total), kind: 'percent' },
      { label: t('reports.summary.stale'), value: share(d.stale, d.total), kind: 'percent' },
    ],
    figures: [
      countFigure('experts-kind', t('reports.fig.expertsKind'), t('reports.col.kind'), n, keysOf(c, 'expertKinds', EXPERT_KINDS), d.byKind, unknown),
      countFigure('experts-gender', t('reports.fig.expertsGender'), t('reports.col.gender'), n, keysOf(c, 'reports.genders', GENDERS), d.byGender, unknown),
      countFigure('experts-country', t('reports.fig.expertsCountry'), t('reports.col.country'), n, countries, d.byCountry, unknown),
      countFigure('experts-region', t('reports.fig.expertsRegion'), t('reports.col.region'), n, [...regionKeys(c), ['unknown', unknown]], d.byRegion, unknown),
      {
        id: 'experts-profiles', title: t('reports.fig.expertsProfiles'), labelHeading: t('reports.col.profiles'),
        columns: [{ label: n, kind: 'count' }, { label: t('reports.col.share'), kind: 'percent' }],
        rows: [
          { key: 'complete', label: t('reports.profiles.complete'), values: [d.complete, share(d.complete, d.total)] },
          { key: 'stale', label: t('reports.profiles.stale'), values: [d.stale, share(d.stale, d.total)] },
        ],
        chart: 1,
      },
    ],
  };
}

async function needs(c: Ctx, f: ReportFilter): Promise<Section> {
  const { t } = c;
  const d = await c.once('needs', () => needFigures(c.prisma, f));
  const n = t('reports.col.needs');
  const days = (v: number | null) => round1(v);
  return {
    id: 'needs', title: t('reports.sections.needs'),
    summary: [{ label: t('reports.summary.needs'), value: d.posted, kind: 'count', testid: 'summary-needs' }, { label: t('reports.summary.filled'), value: d.filled, kind: 'count' }],
    figures: [
      {
        id: 'needs-pipeline', title: t('reports.fig.needsPipeline'), labelHeading: t('reports.col.stage'), columns: [{ label: n, kind: 'count' }], chart: 0,
        rows: (['posted', 'published', 'filled', 'closed'] as const).map((k) => ({ key: k, label: t(`reports.pipeline.${k}`), values: [d[k]] })),
      },
      countFigure('needs-sector', t('reports.fig.needsSector'), t('reports.col.sector'), n, sectorKeys(c), d.bySector, t('reports.unknown')),
      countFigure('needs-region', t('reports.fig.needsRegion'), t('reports.col.region'), n, regionKeys(c), d.byRegion, t('reports.unknown')),
      {
        id: 'needs-delays', title: t('reports.fig.needsDelays'), labelHeading: t('reports.col.delay'), chart: 1,
        columns: [{ label: n, kind: 'count' }, { label: t('reports.col.median'), kind: 'days' }, { label: t('reports.col.p90'), kind: 'days' }],
        rows: [
          { key: 'first_candidacy', label: t('reports.delays.firstCandidacy'), values: [d.toFirstCandidacy.n, days(d.toFirstCandidacy.median), days(d.toFirstCandidacy.p90)] },
          { key: 'selection', label: t('reports.delays.selection'), values: [d.toSelection.n, days(d.toSelection.median), days(d.toSelection.p90)] },
        ],
      },
    ],
  };
}

async function candidacies(c: Ctx, f: ReportFilter): Promise<Section> {
  const { t } = c;
  const d = await c.once('candidacies', () => candidacyFigures(c.prisma, f));
  const row = (key: string, label: string, r = d.byInstitutionKind.get(key)) =>
    ({ key, label, values: [r?.total ?? 0, share(r?.answered ?? 0, r?.total ?? 0), round1(r?.median ?? null), round1(r?.p90 ?? null)] });
  const reasons: Labelled = [...d.reasons.keys()].map((k) => [k, t(`candidacies.reasons.${k}`, { defaultValue: t('candidacies.reasons.other') })]);
  return {
    id: 'candidacies', title: t('reports.sections.candidacies'),
    summary: [
      { label: t('reports.summary.candidacies'), value: d.all.total, kind: 'count', testid: 'summary-candidacies' },
      { label: t('reports.summary.answered'), value: share(d.all.answered, d.all.total), kind: 'percent' },
    ],
    figures: [
      {
        id: 'candidacies-response', title: t('reports.fig.candidaciesResponse'), labelHeading: t('reports.col.institutionKind'), chart: 1,
        columns: [{ label: t('reports.col.candidacies'), kind: 'count' }, { label: t('reports.col.answered'), kind: 'percent' }, { label: t('reports.col.median'), kind: 'days' }, { label: t('reports.col.p90'), kind: 'days' }],
        rows: [...INSTITUTION_KINDS.map((k) => row(k, t(`institutionKinds.${k}`))), row('all', t('reports.all'), d.all)],
      },
      countFigure('candidacies-reasons', t('reports.fig.candidaciesReasons'), t('reports.col.reason'), t('reports.col.candidacies'), reasons, d.reasons, t('reports.unknown')),
    ],
  };
}

async function missionsAndThemes(c: Ctx, f: ReportFilter): Promise<[Section, Section]> {
  const { t } = c;
  const [d, cand, need] = await Promise.all([
    c.once('missions', () => missionFigures(c.prisma, f, c.today)), c.once('candidacies', () => candidacyFigures(c.prisma, f)), c.once('needs', () => needFigures(c.prisma, f)),
  ]);
  const m = t('reports.col.missions');
  const funding: Labelled = [...c.funding.map((s): [string, string] => [s.id, `${s.projectCode} · ${s.name} (${s.year})`]), ['none', t('reports.noFunding')]];
  const missions: Section = {
    id: 'missions', title: t('reports.sections.missions'),
    summary: [
      { label: t('reports.summary.missions'), value: d.all.missions, kind: 'count', testid: 'summary-missions' },
      { label: t('reports.summary.personDays'), value: d.all.personDays, kind: 'count', testid: 'summary-person-days' },
      { label: t('reports.summary.budget'), value: round2(d.all.total), kind: 'money', testid: 'summary-budget' },
      { label: t('reports.summary.rating'), value: round1(d.averageRating), kind: 'rating' },
    ],
    figures: [
      countFigure('missions-status', t('reports.fig.missionsStatus'), t('reports.col.status'), m, keysOf(c, 'missionStatus', MISSION_STATUSES), d.byStatus, t('reports.unknown')),
      {
        id: 'missions-mode', title: t('reports.fig.missionsMode'), labelHeading: t('reports.col.mode'), chart: 1,
        columns: [{ label: m, kind: 'count' }, { label: t('reports.col.personDays'), kind: 'count' }],
        rows: MODES.map((k) => ({ key: k, label: t(`modes.${k}`), values: [d.byMode.get(k)?.missions ?? 0, d.byMode.get(k)?.personDays ?? 0] })),
      },
      sumsFigure(c, 'missions-budget-region', t('reports.fig.budgetRegion'), t('reports.col.region'), regionKeys(c), d.byRegion),
      sumsFigure(c, 'missions-budget-sector', t('reports.fig.budgetSector'), t('reports.col.sector'), sectorKeys(c), d.bySector, false),
      sumsFigure(c, 'missions-budget-funding', t('reports.fig.budgetFunding'), t('reports.col.funding'), funding, d.byFunding, false),
      countFigure('missions-ratings', t('reports.fig.ratings'), t('reports.col.rating'), m, ['5', '4', '3', '2', '1'].map((k) => [k, t('missions.evaluation.stars', { count: Number(k) })]), d.ratings, t('reports.unknown')),
      {
        id: 'missions-follow-up', title: t('reports.fig.followUp'), labelHeading: t('reports.col.followUp'), columns: [{ label: m, kind: 'count' }], chart: 0,
        rows: [
          { key: 'done', label: t('reports.followUp.done'), values: [d.all.followedUp] },
          { key: 'due', label: t('reports.followUp.due'), values: [d.all.followUpDue] },
          { key: 'later', label: t('reports.followUp.later'), values: [d.all.followUpLater] },
        ],
      },
    ],
  };
  const line = (key: string, part: number, whole: number) => ({ key, label: t(`reports.themes.${key}`), values: [part, whole, share(part, whole)] });
  const themes: Section = {
    id: 'themes', title: t('reports.sections.themes'), summary: [],
    figures: [{
      id: 'themes', title: t('reports.fig.themes'), labelHeading: t('reports.col.indicator'), chart: 2,
      columns: [{ label: t('reports.col.count'), kind: 'count' }, { label: t('reports.col.of'), kind: 'count' }, { label: t('reports.col.share'), kind: 'percent' }],
      rows: [
        line('needsClimate', need.climate, need.posted), line('needsGender', need.gender, need.posted),
        line('missionsClimate', d.all.climate, d.all.approved), line('missionsGender', d.all.gender, d.all.approved),
        line('womenSelected', cand.selectedWomen, cand.selected), line('womenDelivered', d.all.deliveredWomen, d.all.delivered),
        line('localDevelopment', d.all.local, d.all.approved),
      ],
    }],
  };
  return [missions, themes];
}

async function investments(c: Ctx, f: ReportFilter): Promise<Section> {
  const { t } = c;
  const [d, sectors] = await Promise.all([
    investmentFigures(c.prisma, f),
    investmentSectors(c.prisma),
  ]);
  const cols: { label: string; kind: ValueKind }[] = [
    { label: t('reports.col.projects'), kind: 'count' }, { label: t('reports.col.cost'), kind: 'money' },
    { label: t('reports.col.ownFunds'), kind: 'money' }, { label: t('reports.col.grants'), kind: 'money' },
    { label: t('reports.col.jobs'), kind: 'count' }, { label: t('reports.col.jobsWomen'), kind: 'count' }, { label: t('reports.col.jobsUnder30'), kind: 'count' },
  ];
  const rows = (keys: Labelled, data: typeof d.byStatus) =>
    keys.map(([key, label]) => {
      const s = data.get(key);
      return { key, label, values: [s?.projects ?? 0, round2(s?.cost ?? 0), round2(s?.ownFunds ?? 0), round2(s?.grants ?? 0), s?.jobs ?? 0, s?.jobsWomen ?? 0, s?.jobsUnder30 ?? 0] };
    });
  const sectorKeysOf: Labelled = sectors.map((s) => [s.code, localized(s, 'name', c.lng)]);
  return {
    id: 'investments', title: t('reports.sections.investments'), note: t('reports.investmentsNote'),
    summary: [
      { label: t('reports.summary.projects'), value: d.total.projects, kind: 'count' }, { label: t('reports.summary.cost'), value: round2(d.total.cost), kind: 'money' },
      { label: t('reports.summary.grants'), value: round2(d.total.grants), kind: 'money' }, { label: t('reports.summary.jobs'), value: d.total.jobs, kind: 'count' },
    ],
    figures: [
      { id: 'investments-status', title: t('reports.fig.investmentsStatus'), labelHeading: t('reports.col.status'), columns: cols, chart: 0, rows: rows(keysOf(c, 'reports.investmentStatus', INVESTMENT_STATUSES), d.byStatus) },
      { id: 'investments-region', title: t('reports.fig.investmentsRegion'), labelHeading: t('reports.col.region'), columns: cols, chart: 1, rows: rows(regionKeys(c), d.byRegion) },
      { id: 'investments-sector', title: t('reports.fig.investmentsSector'), labelHeading: t('reports.col.sector'), columns: cols, chart: 1, rows: rows(sectorKeysOf, d.bySector) },
    ],
  };
}

/** Builds the sections asked for (all by default); a figure's CSV builds only its own section. */
export async function buildSections(context: ReportContext, f: ReportFilter, only?: SectionId): Promise<Section[]> {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, run());
    return cache.get(key) as Promise<T>;
  };
  const c: Ctx = { ...context, once };
  const want = (id: SectionId) => !only || only === id;
  const [e, n, cand, mt, inv] = await Promise.all([
    want('experts') ? experts(c, f) : undefined,
    want('needs') ? needs(c, f) : undefined,
    want('candidacies') ? candidacies(c, f) : undefined,
    want('missions') || want('themes') ? missionsAndThemes(c, f) : undefined,
    want('investments') ? investments(c, f) : undefined,
  ]);
  return [e, n, cand, ...(mt ?? []), inv].filter((s): s is Section => !!s && want(s.id));
}
