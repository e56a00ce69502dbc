/**
 * A compact summary of each indexed profile, in typed arrays by slot, so that the skill index can skip profiles
 * that cannot pass a need's hard filters and bound their score without touching the profile objects. It is
 * conservative: what it cannot tell (a profile indexed with skills only, more codes than a bit mask holds) never
 * excludes anyone and bounds at the maximum. Only the languages' bonus and the skills are left to others.
 */
import { cefrRank } from '../reference/codes.js';
import { DayRanges } from './day-ranges.js';
import type { PreparedNeed } from './prepare.js';
import { evaluationsValue, experienceValue, staleFraction } from './score.js';
import type { MatchExpert, MissionMode, RankContext } from './types.js';

const KNOWN = 1;
const ELIGIBLE = 2;
const LANG_OVERFLOW = 4;
const ALL = 0xffffffff;
const MODE_BIT: Record<MissionMode, number> = { on_site: 1, remote: 2, hybrid: 4 };
/** Expert modes (as bits) that accept a need's mode; mirrors COMPATIBLE_MODES. */
const ACCEPTS: Record<MissionMode, number> = { on_site: 1, hybrid: 4 | 1, remote: 2 | 4 };
/** 3 bits per language (0 absent, else CEFR rank + 1), ten languages in a 32-bit word. */
const LANG_SLOTS = 10;

/** Codes numbered in order of appearance, at most `max` of them (then undefined). */
class Codes {
  private readonly ids = new Map<string, number>();
  constructor(private readonly max: number) {}
  id(code: string, add: boolean): number | undefined {
    let id = this.ids.get(code);
    if (id === undefined && add && this.ids.size < this.max) this.ids.set(code, (id = this.ids.size));
    return id;
  }
}

export function hasSummary(e: object): e is MatchExpert {
  return 'active' in e && 'missionModes' in e && 'preferredRegions' in e && 'languages' in e && 'lastActiveAt' in e && 'sectors' in e;
}

/** The checks' fields of a slot sit side by side (one cache line): rec[slot * STRIDE + field]. */
const STRIDE = 8;
const FLAGS = 0; // flags | mission modes << 8
const REGIONS = 1;
const SECTORS = 2;
const LANGS = 3;
const MAX_DAYS = 4;
const ORIGIN = 5;

export class ProfileColumns {
  private rec = new Int32Array(0);
  private years = new Float64Array(0);
  private ratings = new Float64Array(0);
  private ratingSum = new Float64Array(0);
  private lastActive = new Float64Array(0);
  private staleSince = new Float64Array(0);
  /** Per slot, the need-independent points (experience + evaluations, unscaled) minus the stale penalty, for `cacheKey`. */
  private fixedPoints = new Float64Array(0);
  private stalePoints = new Float64Array(0);
  private cachedFor = new Uint32Array(0);
  private cacheKey = 1;
  private cacheOf?: { weights: object; day: number };  // day: the ranking's now (ms)
  private readonly days = new DayRanges();
  private readonly regionCodes = new Codes(32);
  private readonly sectorCodes = new Codes(32);
  private readonly languageCodes = new Codes(LANG_SLOTS);

  grow(size: number): void {
    if (size * STRIDE <= this.rec.length) return;
    const n = Math.max(size, (this.rec.length / STRIDE) * 2, 1024);
    const grow = <T extends { length: number; set(a: ArrayLike<number>): void }>(old: T, make: (k: number) => T) => {
      const next = make(n);
      next.set(old as unknown as ArrayLike<number>);
      return next;
    };
    this.rec = grow(this.rec, (k) => new Int32Array(k * STRIDE));
    this.years = grow(this.years, (k) => new Float64Array(k));
    this.ratings = grow(this.ratings, (k) => new Float64Array(k));
    this.ratingSum = grow(this.ratingSum, (k) => new Float64Array(k));
    this.lastActive = grow(this.lastActive, (k) => new Float64Array(k));
    this.staleSince = grow(this.staleSince, (k) => new Float64Array(k));
    this.fixedPoints = grow(this.fixedPoints, (k) => new Float64Array(k));
    this.stalePoints = grow(this.stalePoints, (k) => new Float64Array(k));
    this.cachedFor = grow(this.cachedFor, (k) => new Uint32Array(k));
  }

  set(slot: number, e: object): void {
    this.grow(slot + 1);
    const r = slot * STRIDE;
    if (!hasSummary(e)) {
      this.rec[r + FLAGS] = 0;
      return;
    }
    const eligible = e.active && e.consented && e.matchable && e.visibility !== 'private';
    let regions = 0;
    for (const r of e.preferredRegions) {
      const id = this.regionCodes.id(r, true);
      regions = id === undefined ? ALL : regions === ALL ? ALL : (regions | (1 << id)) >>> 0;
    }
    let sectors = 0;
    for (const s of e.sectors) {
      const id = this.sectorCodes.id(s, true);
      sectors = id === undefined ? ALL : sectors === ALL ? ALL : (sectors | (1 << id)) >>> 0;
    }
    let langs = 0;
    let overflow = false;
    for (const l of e.languages) {
      const id = this.languageCodes.id(l.language, true);
      if (id === undefined) overflow = true;
      else langs = (langs | ((cefrRank(l.level) + 1) << (3 * id))) >>> 0;
    }
    const modes = e.missionModes.reduce((m, mode) => m | MODE_BIT[mode], 0);
    this.rec[r + FLAGS] = KNOWN | (eligible ? ELIGIBLE : 0) | (overflow ? LANG_OVERFLOW : 0) | (modes << 8);
    this.rec[r + REGIONS] = regions;
    this.rec[r + SECTORS] = sectors;
    this.rec[r + LANGS] = langs;
    this.rec[r + ORIGIN] = e.originRegionCode === null ? -1 : (this.regionCodes.id(e.originRegionCode, true) ?? -2);
    this.rec[r + MAX_DAYS] = e.maxMissionDays ?? -1;
    this.years[slot] = e.yearsExperience ?? 0;
    this.ratings[slot] = e.evaluations?.count ?? 0;
    this.ratingSum[slot] = e.evaluations ? e.evaluations.averageRating * e.evaluations.count : 0;
    this.lastActive[slot] = e.lastActiveAt.getTime();
    this.staleSince[slot] = e.staleSince ? e.staleSince.getTime() : NaN;
    this.cachedFor[slot] = 0;
    this.days.set(slot, e.availability, e.busy);
  }

  clear(slot: number): void {
    if (slot * STRIDE < this.rec.length) this.rec[slot * STRIDE + FLAGS] = 0;
    this.days.clear(slot);
  }

  /** What the checks below need of a need, computed once per query. */
  keyFor(pn: PreparedNeed, ctx: RankContext): NeedKey {
    const day = ctx.now.getTime();
    if (this.cacheOf?.weights !== ctx.weights || this.cacheOf.day !== day) {
      this.cacheOf = { weights: ctx.weights, day };
      this.cacheKey = this.cacheKey === 0xffffffff ? (this.cachedFor.fill(0), 1) : this.cacheKey + 1;
    }
    const need = pn.need;
    const regionId = this.regionCodes.id(need.regionCode, false);
    const sectorId = this.sectorCodes.id(need.sectorCode, false);
    const langs = pn.languages.map((l) => ({ id: this.languageCodes.id(l.language, false), min: l.minRank + 1 }));
    const w = ctx.weights;
    return {
      accepts: ACCEPTS[need.mode], checkRegion: need.mode !== 'remote', regionBit: regionId === undefined ? 0 : (1 << regionId) >>> 0,
      regionId: regionId ?? -3, sectorBit: sectorId === undefined ? 0 : (1 << sectorId) >>> 0, durationDays: need.durationDays,
      langs: langs.some((l) => l.id === undefined) ? null : langs.map((l) => ({ shift: 3 * l.id!, min: l.min })),
      windowStart: pn.windowStart, windowEnd: pn.windowEnd, relaxAvailability: need.mode === 'remote' && (ctx.relaxAvailabilityForRemote ?? true),
      pn, ctx, nowMs: ctx.now.getTime(), unknownPoints: (w.availability + w.sector + w.experience + w.origin + w.evaluations) * pn.scale,
    };
  }

  /**
   * false only when the summary proves a hard filter fails (profile state, mode, region, duration, language,
   * availability, approved missions). When it returns true for a known profile, the window's days are counted:
   * profilePoints(slot, k, true) reuses them.
   */
  mayPass(slot: number, k: NeedKey): boolean {
    const rec = this.rec;
    const r = slot * STRIDE;
    const f = rec[r + FLAGS]!;
    if (!(f & KNOWN)) return true;
    if (!(f & ELIGIBLE) || !((f >> 8) & k.accepts)) return false;
    const regions = rec[r + REGIONS]! >>> 0;
    if (k.checkRegion && regions !== 0 && regions !== ALL && !(regions & k.regionBit)) return false;
    const max = rec[r + MAX_DAYS]!;
    if (max >= 0 && max < k.durationDays) return false;
    if (!(f & LANG_OVERFLOW)) {
      if (k.langs === null) return false;
      const langs = rec[r + LANGS]! >>> 0;
      for (const l of k.langs) if (((langs >>> l.shift) & 7) < l.min) return false;
    }
    return !this.days.within(slot, k.windowStart, k.windowEnd) && (k.relaxAvailability || this.days.longest >= k.durationDays);
  }

  /**
   * The points of the parts read from the profile alone (availability, sector, experience, origin, evaluations)
   * minus the stale penalty; unknown profiles get the maximum.
   */
  profilePoints(slot: number, k: NeedKey, daysCounted = false): number {
    const r = slot * STRIDE;
    if (!(this.rec[r + FLAGS]! & KNOWN)) return k.unknownPoints;
    const { pn, ctx } = k;
    const w = ctx.weights;
    const sectors = this.rec[r + SECTORS]! >>> 0;
    const inSector = sectors === ALL || (sectors & k.sectorBit) !== 0;
    const origin = this.rec[r + ORIGIN]!;
    const local = origin === -2 || origin === k.regionId;
    if (this.cachedFor[slot] !== this.cacheKey) {
      const since = this.staleSince[slot]!;
      const stale = staleFraction(this.lastActive[slot]!, Number.isNaN(since) ? null : since, k.nowMs, w.staleAfterDays);
      this.fixedPoints[slot] = experienceValue(this.years[slot]!, w, 1) + evaluationsValue(this.ratings[slot]!, this.ratingSum[slot]!, w, 1);
      this.stalePoints[slot] = stale > 0 ? w.stalePenalty * stale : 0;
      this.cachedFor[slot] = this.cacheKey;
    }
    if (!daysCounted) this.days.within(slot, k.windowStart, k.windowEnd);
    const available = Math.min(1, this.days.total / pn.windowDays);
    return (w.availability * available + (inSector ? w.sector : 0) + (local ? w.origin : 0) + this.fixedPoints[slot]!) * pn.scale - this.stalePoints[slot]!;
  }
}

export interface NeedKey {
  accepts: number;
  checkRegion: boolean;
  regionBit: number;
  regionId: number;
  sectorBit: number;
  durationDays: number;
  windowStart: number;
  windowEnd: number;
  relaxAvailability: boolean;
  /** null when the need asks for a language no summarised profile holds. */
  langs: { shift: number; min: number }[] | null;
  pn: PreparedNeed;
  ctx: RankContext;
  nowMs: number;
  unknownPoints: number;
}
