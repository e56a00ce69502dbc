import { describe, expect, it } from 'vitest';
import { i18n, LOCALES, translator, type Locale } from '../../src/i18n/i18n.js';
import { REGIONS } from '../../src/reference/data/regions.js';
import { SECTORS } from '../../src/reference/data/sectors.js';
import { SKILLS } from '../../src/reference/data/skills.js';
import {
  DEFAULT_WEIGHTS, evaluatePair, prepareNeed, scorePair, explainExclusion, explainMatch, rankExpertsForNeed, rankNeedsForExpert,
  weightsFromRow, type ExclusionRule, type Labels, type MatchExpert, type RankContext,
} from '../../src/matching/index.js';
import { makeExpert, makeNeed, taxonomy } from '../../src/matching/builders.js';

const { idOf, graph } = taxonomy();
const DRIP = idOf('agriculture.drip_irrigation');
const IRRIGATION = idOf('agriculture.irrigation');
const SCHEMES = idOf('agriculture.irrigation_scheme_management');
const ctx: RankContext = { graph, weights: DEFAULT_WEIGHTS, now: new Date('2026-02-01T00:00:00Z') };
const d = (s: string) => new Date(`${s}T00:00:00Z`);

function labels(lng: Locale): Labels {
  const pick = (r: { fr: string; ar: string; en: string }) => r[lng];
  return {
    skill: (id) => pick(SKILLS[id - 1]!),
    region: (code) => pick(REGIONS.find((r) => r.code === code)!),
    sector: (code) => pick(SECTORS.find((s) => s.code === code)!),
    language: (code) => new Intl.DisplayNames([lng], { type: 'language' }).of(code) ?? code,
    mode: (m) => translator(lng)(`modes.${m}`),
    cefr: (c) => translator(lng)(`cefr.${c}`),
    date: (iso) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
  };
}
const say = (lng: Locale, line: { key: string; params: Record<string, unknown> }) => translator(lng)(line.key, line.params);

const dripNeed = makeNeed({ id: 'need-drip', regionCode: 'SM', skills: [{ skillId: DRIP, minLevel: 3, requirement: 'required' }] });
const base = { sectors: ['agriculture'], yearsExperience: 12 };

describe('ranking experts for a need (hand-made cases)', () => {
  const a = makeExpert({ id: 'a-local-level4', ...base, originRegionCode: 'SM', skills: [{ skillId: DRIP, level: 4 }] });
  const b = makeExpert({ id: 'b-elsewhere-level3', ...base, originRegionCode: 'CS', skills: [{ skillId: DRIP, level: 3 }] });
  const c = makeExpert({ id: 'c-broader', ...base, originRegionCode: 'CS', skills: [{ skillId: IRRIGATION, level: 4 }] });
  const x = makeExpert({ id: 'x-sibling-only', ...base, originRegionCode: 'SM', skills: [{ skillId: SCHEMES, level: 4 }] });

  it('puts the exact local holder first, then the exact holder from elsewhere, then the broader skill; excludes the rest with the reason', () => {
    const r = rankExpertsForNeed(dripNeed, [x, c, b, a], ctx);
    expect(r.matches.map((m) => m.expertId)).toEqual(['a-local-level4', 'b-elsewhere-level3', 'c-broader']);
    expect(r.exclusions).toEqual([
      { needId: 'need-drip', expertId: 'x-sibling-only', weightsVersion: 0, reasons: [{ rule: 'missing_required_skill', params: { skillId: DRIP, minLevel: 3 } }] },
    ]);
    const skillOf = (id: string) => r.matches.find((m) => m.expertId === id)!.contributions.find((k) => k.rule === 'skill')!;
    expect(skillOf('a-local-level4').params).toMatchObject({ match: 'exact', credit: 1 });
    expect(skillOf('c-broader').params).toMatchObject({ match: 'broader', credit: 0.6 });
  });

  it('explains each line in the reader\'s language, and the lines add up to the score', () => {
    const [top] = rankExpertsForNeed(dripNeed, [a], ctx).matches;
    const fr = explainMatch(top!, labels('fr')).map((l) => say('fr', l));
    expect(fr).toContain('Irrigation goutte-à-goutte : niveau 4, exigé 3');
    expect(fr).toContain('Originaire de Souss-Massa');
    expect(explainMatch(top!, labels('en')).map((l) => say('en', l))).toContain('From Souss-Massa');
    expect(explainMatch(top!, labels('ar')).map((l) => say('ar', l))).toContain('الري بالتنقيط: المستوى 4، المطلوب 3');
    const tenths = top!.contributions.reduce((s, k) => s + Math.round(k.points * 10), 0);
    expect(tenths).toBe(Math.round(top!.score * 10));
  });

  it('gives a narrower skill 0.9 and a level below the minimum level held ÷ level wanted', () => {
    const need = makeNeed({ id: 'n', skills: [{ skillId: IRRIGATION, minLevel: 3, requirement: 'required' }] });
    const narrower = makeExpert({ id: 'narrower', skills: [{ skillId: DRIP, level: 3 }] });
    const below = makeExpert({ id: 'below', skills: [{ skillId: IRRIGATION, level: 2 }] });
    const r = rankExpertsForNeed(need, [below, narrower], ctx);
    const credit = (id: string) => r.matches.find((m) => m.expertId === id)!.contributions[0]!.params.credit;
    expect(credit('narrower')).toBe(0.9);
    expect(credit('below')).toBe(0.67);
    expect(r.matches.map((m) => m.expertId)).toEqual(['narrower', 'below']);
    const line = explainMatch(r.matches[1]!, labels('fr'))[0]!;
    expect(say('fr', line)).toBe('Irrigation : niveau 2, exigé 3 (crédit partiel)');
  });

  it('weighs required skills twice as much as desirable ones', () => {
    const need = makeNeed({ id: 'n', skills: [
      { skillId: DRIP, minLevel: 2, requirement: 'required' },
      { skillId: SCHEMES, minLevel: 2, requirement: 'desirable' },
    ] });
    const e = makeExpert({ id: 'e', skills: [{ skillId: DRIP, level: 4 }, { skillId: SCHEMES, level: 4 }] });
    const [m] = rankExpertsForNeed(need, [e], ctx).matches;
    const [req, des] = m!.contributions;
    expect(req!.points).toBeCloseTo(2 * des!.points, 0);
  });

  it('carries the weights version into every result', () => {
    const weights = weightsFromRow({ version: 7, weights: { origin: 20 } });
    const r = rankExpertsForNeed(dripNeed, [a, x], { ...ctx, weights });
    expect(r.weightsVersion).toBe(7);
    expect(r.matches[0]!.weightsVersion).toBe(7);
    expect(r.exclusions[0]!.weightsVersion).toBe(7);
    expect(weights.origin).toBe(20);
    expect(weights.skills).toBe(DEFAULT_WEIGHTS.skills);
    expect(() => weightsFromRow({ version: 8, weights: { origin: -1 } })).toThrow();
    expect(() => weightsFromRow({ version: 8, weights: { unknown: 1 } })).toThrow();
  });

  it('keeps only the best `limit` matches, in the same order as the full ranking', () => {
    const full = rankExpertsForNeed(dripNeed, [x, c, b, a], ctx);
    const top2 = rankExpertsForNeed(dripNeed, [x, c, b, a], ctx, { limit: 2, exclusions: false });
    expect(top2.matches).toEqual(full.matches.slice(0, 2));
    expect(top2.exclusions).toEqual([]);
  });

  it('takes points from a stale profile, never below zero', () => {
    const stale = makeExpert({ id: 's', skills: [{ skillId: DRIP, level: 4 }], staleSince: d('2025-12-01') });
    const fresh = makeExpert({ id: 'f', skills: [{ skillId: DRIP, level: 4 }] });
    const r = rankExpertsForNeed(dripNeed, [stale, fresh], ctx);
    expect(r.matches.map((m) => m.expertId)).toEqual(['f', 's']);
    const penalty = r.matches[1]!.contributions.find((k) => k.rule === 'stale')!;
    expect(penalty.points).toBe(-DEFAULT_WEIGHTS.stalePenalty);
    const heavy = weightsFromRow({ version: 1, weights: { stalePenalty: 100 } });
    const [m] = rankExpertsForNeed(dripNeed, [stale], { ...ctx, weights: heavy }).matches;
    expect(m!.score).toBe(0);
    expect(m!.contributions.reduce((s, k) => s + Math.round(k.points * 10), 0)).toBe(0);
  });
});

describe('hard filters: each one excludes with its reason', () => {
  const good = makeExpert({
    id: 'good', ...base, skills: [{ skillId: DRIP, level: 3 }], languages: [{ language: 'fr', level: 'C1' }],
    preferredRegions: ['SM'], maxMissionDays: 30,
  });
  const need = makeNeed({ ...dripNeed, languages: [{ language: 'fr', minLevel: 'B2' }] });
  const cases: [string, Partial<MatchExpert>, ExclusionRule, Record<string, unknown>][] = [
    ['inactive account', { active: false }, 'inactive_account', {}],
    ['no consent', { consented: false }, 'no_consent', {}],
    ['withdrawn from matching', { matchable: false }, 'not_matchable', {}],
    ['private profile', { visibility: 'private' }, 'private_profile', {}],
    ['required skill missing', { skills: [{ skillId: SCHEMES, level: 4 }] }, 'missing_required_skill', { skillId: DRIP, minLevel: 3 }],
    ['required skill two levels below', { skills: [{ skillId: DRIP, level: 1 }] }, 'required_skill_level_too_low', { skillId: DRIP, minLevel: 3, level: 1, threshold: 2 }],
    ['language missing', { languages: [] }, 'missing_language', { language: 'fr', minLevel: 'B2' }],
    ['language too weak', { languages: [{ language: 'fr', level: 'B1' }] }, 'language_level_too_low', { language: 'fr', minLevel: 'B2', level: 'B1' }],
    ['remote only, on-site need', { missionModes: ['remote'] }, 'mode_incompatible', { mode: 'on_site' }],
    ['does not go to the region', { preferredRegions: ['CS', 'RSK'] }, 'region_not_accepted', { region: 'SM' }],
    ['mission too long', { maxMissionDays: 7 }, 'mission_too_long', { durationDays: 10, maxDays: 7 }],
    ['not available long enough', { availability: [{ startsOn: d('2026-03-01'), endsOn: d('2026-03-05') }, { startsOn: d('2026-03-10'), endsOn: d('2026-03-13') }] },
      'not_available', { durationDays: 10, windowStart: '2026-03-01', windowEnd: '2026-03-31' }],
    ['approved mission in the window', { busy: [{ startsOn: d('2026-03-30'), endsOn: d('2026-04-10'), missionId: 'm1' }] },
      'mission_overlap', { missionId: 'm1', startsOn: '2026-03-30', endsOn: '2026-04-10' }],
  ];

  it('lets the reference expert through', () => {
    expect(evaluatePair(need, good, ctx).match).toBeDefined();
  });

  it.each(cases)('%s', (_name, change, rule, params) => {
    const r = evaluatePair(need, { ...good, ...change }, ctx);
    expect(r.exclusion?.reasons).toEqual([{ rule, params }]);
    for (const lng of LOCALES) {
      const text = say(lng, explainExclusion(r.exclusion!.reasons[0]!, labels(lng)));
      expect(text).not.toContain('matching.');
      expect(text).not.toContain('{{');
    }
  });

  it('lists every failed filter, not just the first', () => {
    const r = evaluatePair(need, { ...good, active: false, languages: [], maxMissionDays: 3 }, ctx);
    expect(r.exclusion!.reasons.map((x) => x.rule)).toEqual(['inactive_account', 'missing_language', 'mission_too_long']);
  });

  it('accepts adjacent availability windows that together cover the duration', () => {
    const split = { availability: [{ startsOn: d('2026-03-01'), endsOn: d('2026-03-05') }, { startsOn: d('2026-03-06'), endsOn: d('2026-03-12') }] };
    expect(evaluatePair(need, { ...good, ...split }, ctx).match).toBeDefined();
  });

  it('relaxes availability and region for remote needs (availability: a setting)', () => {
    const remote = makeNeed({ ...need, mode: 'remote' });
    const away = { ...good, availability: [], preferredRegions: ['CS'] };
    expect(evaluatePair(remote, away, ctx).match).toBeDefined();
    expect(evaluatePair(remote, away, { ...ctx, relaxAvailabilityForRemote: false }).exclusion?.reasons.map((x) => x.rule)).toEqual(['not_available']);
    expect(evaluatePair(remote, { ...good, missionModes: ['on_site'] }, ctx).exclusion?.reasons[0]!.rule).toBe('mode_incompatible');
  });

  it('asks a need without required skills for at least one of its skills or a neighbour', () => {
    const soft = makeNeed({ id: 'soft', skills: [{ skillId: DRIP, minLevel: 4, requirement: 'desirable' }] });
    expect(evaluatePair(soft, makeExpert({ id: 'i', skills: [{ skillId: IRRIGATION, level: 1 }] }), ctx).match).toBeDefined();
    expect(evaluatePair(soft, makeExpert({ id: 'o', skills: [{ skillId: SCHEMES, level: 4 }] }), ctx).exclusion?.reasons).toEqual([
      { rule: 'no_skill_overlap', params: { skills: 1 } },
    ]);
  });
});

describe('ranking needs for an expert', () => {
  it('ranks the needs that fit and states why the others do not', () => {
    const expert = makeExpert({ id: 'e', ...base, originRegionCode: 'SM', skills: [{ skillId: DRIP, level: 4 }], missionModes: ['on_site'] });
    const local = makeNeed({ id: 'local', regionCode: 'SM', skills: [{ skillId: DRIP, minLevel: 3, requirement: 'required' }] });
    const broad = makeNeed({ id: 'broad', regionCode: 'CS', skills: [{ skillId: IRRIGATION, minLevel: 3, requirement: 'required' }] });
    const remote = makeNeed({ id: 'remote', mode: 'remote', skills: [{ skillId: DRIP, minLevel: 1, requirement: 'required' }] });
    const r = rankNeedsForExpert(expert, [remote, broad, local], ctx);
    expect(r.matches.map((m) => m.needId)).toEqual(['local', 'broad']);
    expect(r.exclusions.map((x) => [x.needId, x.reasons[0]!.rule])).toEqual([['remote', 'mode_incompatible']]);
  });
});

describe('translations of the matcher', () => {
  it('has every key the explanations use, in every language', () => {
    const keys = new Set<string>();
    const e = makeExpert({ id: 'e', skills: [{ skillId: DRIP, level: 2 }], languages: [{ language: 'fr', level: 'C2' }], evaluations: { count: 3, averageRating: 4.2 }, staleSince: d('2025-01-01') });
    for (const requirement of ['required', 'desirable'] as const) for (const skillId of [DRIP, IRRIGATION, SCHEMES, idOf('agriculture.soil_salinity')]) {
      const need = makeNeed({ id: 'n', skills: [{ skillId: IRRIGATION, minLevel: 1, requirement: 'required' }, { skillId, minLevel: 3, requirement }],
        languages: [{ language: 'fr', minLevel: 'B2' }, { language: 'es', minLevel: 'B1' }] });
      // Scored without the hard filters, so that lines a match never shows (a missing language) are covered too.
      const { score, contributions } = scorePair(prepareNeed(need, graph, DEFAULT_WEIGHTS), e, ctx);
      const match = { needId: 'n', expertId: 'e', score, contributions, weightsVersion: 0 };
      for (const line of explainMatch(match, labels('fr'))) keys.add(line.key);
    }
    expect(keys.size).toBeGreaterThan(8);
    for (const key of keys) for (const lng of LOCALES) for (const count of [0, 1, 2, 5, 11, 100]) {
      expect(i18n.exists(key, { lng, count }), `${key} in ${lng}`).toBe(true);
    }
  });
});
