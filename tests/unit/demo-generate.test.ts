import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.js';
import { generateDemoData, type DemoData } from '../../src/demo/generate.js';
import { SKILLS } from '../../src/reference/data/skills.js';
import { REGIONS } from '../../src/reference/data/regions.js';

const DAY = 86_400_000;
const ids = new Map(SKILLS.map((s, i) => [s.code, i + 1]));
const skills = SKILLS.map((s, i) => ({
  id: i + 1, code: s.code, sectorCode: s.sector, broaderId: s.broader ? (ids.get(s.broader) ?? null) : null,
}));

const countBy = <T>(rows: readonly T[], key: (r: T) => string) =>
  rows.reduce<Record<string, number>>((m, r) => ({ ...m, [key(r)]: (m[key(r)] ?? 0) + 1 }), {});
const unique = (values: readonly unknown[]) => new Set(values).size === values.length;
const days = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / DAY);
const ARABIC = /[\u0600-\u06FF]/;

// The demo is generated for the day the database is created: check a few days, a leap day among them.
describe.each(['2026-11-29', '2028-02-29', '2027-01-01'])('demo data generated on %s', (day) => {
  const TODAY = new Date(`${day}T00:00:00Z`);
  const data: DemoData = generateDemoData({ today: TODAY, skills });

  it('is deterministic', () => {
    expect(generateDemoData({ today: TODAY, skills })).toEqual(data);
  });

  it('produces the expected volumes and status mixes', () => {
    expect(data.expertProfiles.length).toBeGreaterThanOrEqual(280);
    expect(data.expertProfiles.length).toBeLessThanOrEqual(320);
    expect(data.institutions).toHaveLength(40);
    expect(countBy(data.institutions, (i) => i.status)).toEqual({ verified: 34, pending: 4, rejected: 2 });
    expect(data.needs).toHaveLength(80);
    expect(countBy(data.needs, (n) => n.status)).toEqual({ draft: 8, submitted: 8, published: 40, filled: 10, closed: 8, cancelled: 6 });
    expect(data.missions).toHaveLength(30);
    expect(countBy(data.missions, (m) => m.status)).toEqual({
      proposed: 3, accepted: 3, approved: 3, briefed: 2, in_progress: 3, completed: 3, reported: 3, evaluated: 4,
      followed_up: 2, declined: 1, rejected: 1, cancelled: 2,
    });
    expect(data.candidacies.length).toBeGreaterThanOrEqual(100);
    expect(data.candidacies.length).toBeLessThanOrEqual(140);
    expect(Object.keys(countBy(data.candidacies, (c) => c.status)).sort()).toEqual(
      ['applied', 'interviewed', 'invited', 'not_selected', 'selected', 'shortlisted', 'withdrawn'],
    );
    expect(data.perDiemRates.length).toBeGreaterThanOrEqual(12);
    expect(data.consents).toHaveLength(data.expertProfiles.length);
  });

  it('makes a varied population of experts', () => {
    const kinds = countBy(data.expertProfiles, (p) => p.kind);
    const total = data.expertProfiles.length;
    expect((kinds.diaspora ?? 0) / total).toBeGreaterThan(0.8);
    expect(kinds.south_south).toBeGreaterThan(10);
    expect(kinds.immigrant_resident).toBeGreaterThan(10);
    expect(new Set(data.expertProfiles.map((p) => p.countryOfResidence)).size).toBeGreaterThanOrEqual(10);
    for (const p of data.expertProfiles.filter((e) => e.kind === 'immigrant_resident')) {
      expect(p.countryOfResidence).toBe('MA');
      expect(p.nationalities).not.toContain('MA');
    }
    const arabicNames = data.expertProfiles.filter((p) => ARABIC.test(p.firstName) && ARABIC.test(p.lastName));
    expect(arabicNames.length).toBeGreaterThan(20);
    expect(data.expertProfiles.filter((p) => !ARABIC.test(p.firstName)).length).toBeGreaterThan(200);
    expect(data.expertProfiles.filter((p) => p.staleSince).length).toBeGreaterThan(10);
    expect(new Set(data.expertProfiles.map((p) => p.visibility))).toEqual(new Set(['institutions', 'public', 'private']));
    for (const p of data.expertProfiles) {
      expect(p.missionModes.length).toBeGreaterThan(0);
      expect(p.sectors.length).toBeGreaterThan(0);
    }
    for (const u of data.users) {
      expect(u.isDemo).toBe(true);
      expect(u.locale).toBe('fr');
      expect(u.email).toMatch(/^[a-z0-9.-]+@demo\.jisr\.local$/);
    }
  });

  it('covers every institution kind and every region; needs belong to verified institutions', () => {
    const kinds = new Set(data.institutions.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['ministry', 'university', 'hospital', 'regional_agency', 'commune', 'cooperative', 'public_agency', 'ngo']));
    expect(new Set(data.institutions.map((i) => i.regionCode))).toEqual(new Set(REGIONS.map((r) => r.code)));
    const byId = new Map(data.institutions.map((i) => [i.id, i]));
    for (const n of data.needs) {
      const inst = byId.get(n.institutionId);
      expect(inst?.status).toBe('verified');
      expect(n.regionCode).toBe(inst?.regionCode);
    }
    for (const i of data.institutions) {
      if (i.status === 'verified') expect(i.verifiedAt).not.toBeNull();
      if (i.status === 'rejected') expect(i.rejectionReason).toBeTruthy();
    }
    const arabic = data.needs.filter((n) => ARABIC.test(n.title));
    expect(arabic.length).toBeGreaterThanOrEqual(8);
    expect(arabic.length).toBeLessThanOrEqual(16);
    expect(new Set(data.needs.map((n) => n.title)).size).toBeGreaterThan(70);
  });

  it('creates the four demo accounts, with the staff account admin of a verified institution that publishes', () => {
    // The investor account is made by the investment track's own seeding (src/demo/seed-investments.ts), not here.
    for (const account of DEMO_ACCOUNTS.filter((a) => a.email !== 'investor@demo.jisr.local')) {
      expect(data.users.find((u) => u.email === account.email)?.role).toBe(account.role);
    }
    expect(data.users.filter((u) => u.role === 'officer').length).toBeGreaterThanOrEqual(3);
    const staff = data.users.find((u) => u.email === 'staff@demo.jisr.local');
    const membership = data.institutionMembers.find((m) => m.userId === staff?.id);
    expect(membership).toMatchObject({ role: 'admin', status: 'active' });
    const institution = data.institutions.find((i) => i.id === membership?.institutionId);
    expect(institution?.status).toBe('verified');
    const published = data.needs.filter((n) => n.institutionId === institution?.id && n.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(2);

    const expertUser = data.users.find((u) => u.email === 'expert@demo.jisr.local');
    const profile = data.expertProfiles.find((p) => p.userId === expertUser?.id);
    expect(profile).toMatchObject({ kind: 'diaspora', countryOfResidence: 'FR', originRegionCode: 'SM' });
    const missions = data.missions.filter((m) => m.expertId === profile?.id);
    expect(missions.map((m) => m.status)).toEqual(['accepted']);
    expect(data.availabilities.filter((a) => a.expertId === profile?.id).length).toBeGreaterThanOrEqual(2);
  });

  it('wires every relation inside the generated data', () => {
    const users = new Set(data.users.map((u) => u.id));
    const experts = new Set(data.expertProfiles.map((p) => p.id));
    const insts = new Set(data.institutions.map((i) => i.id));
    const needs = new Set(data.needs.map((n) => n.id));
    const cands = new Set(data.candidacies.map((c) => c.id));
    const missions = new Set(data.missions.map((m) => m.id));
    const rates = new Set(data.perDiemRates.map((r) => r.id));
    const skillIds = new Set(skills.map((s) => s.id));
    const regions = new Set(REGIONS.map((r) => r.code));
    const has = (set: Set<unknown>, value: unknown) => value === null || set.has(value);
    const check = <T>(rows: readonly T[], pairs: [Set<unknown>, (r: T) => unknown][]) => {
      for (const r of rows) for (const [set, get] of pairs) expect(has(set, get(r)), JSON.stringify(get(r))).toBe(true);
    };
    check(data.consents, [[users, (r) => r.userId]]);
    check(data.expertProfiles, [[users, (r) => r.userId], [regions, (r) => r.originRegionCode]]);
    check(data.expertDegrees, [[experts, (r) => r.expertId]]);
    check(data.expertSkills, [[experts, (r) => r.expertId], [skillIds, (r) => r.skillId]]);
    check(data.expertLanguages, [[experts, (r) => r.expertId]]);
    check(data.availabilities, [[experts, (r) => r.expertId]]);
    check(data.institutions, [[regions, (r) => r.regionCode]]);
    check(data.institutionMembers, [[insts, (r) => r.institutionId], [users, (r) => r.userId]]);
    check(data.needs, [[insts, (r) => r.institutionId], [users, (r) => r.createdById], [regions, (r) => r.regionCode]]);
    check(data.needSkills, [[needs, (r) => r.needId], [skillIds, (r) => r.skillId]]);
    check(data.needLanguages, [[needs, (r) => r.needId]]);
    check(data.needEvents, [[needs, (r) => r.needId], [users, (r) => r.actorId]]);
    check(data.candidacies, [[needs, (r) => r.needId], [experts, (r) => r.expertId]]);
    check(data.candidacyEvents, [[cands, (r) => r.candidacyId], [users, (r) => r.actorId]]);
    check(data.perDiemRates, [[regions, (r) => r.regionCode]]);
    check(data.missions, [[needs, (r) => r.needId], [experts, (r) => r.expertId], [cands, (r) => r.candidacyId], [rates, (r) => r.perDiemRateId]]);
    check(data.missionEvents, [[missions, (r) => r.missionId], [users, (r) => r.actorId]]);
    check(data.missionReports, [[missions, (r) => r.missionId], [users, (r) => r.evaluatorId]]);
    check(data.notifications, [[users, (r) => r.userId]]);
    const sectors = new Set(skills.map((s) => s.sectorCode));
    for (const n of data.needs) expect(sectors.has(n.sectorCode)).toBe(true);
  });

  it('respects the unique constraints', () => {
    for (const [table, rows] of Object.entries(data)) {
      const withIds = (rows as { id?: string }[]).filter((r) => r.id !== undefined).map((r) => r.id);
      expect(unique(withIds), table).toBe(true);
    }
    expect(unique(data.users.map((u) => u.email))).toBe(true);
    expect(unique(data.expertProfiles.map((p) => p.userId))).toBe(true);
    expect(unique(data.institutionMembers.map((m) => `${m.institutionId}/${m.userId}`))).toBe(true);
    expect(unique(data.expertSkills.map((s) => `${s.expertId}/${s.skillId}`))).toBe(true);
    expect(unique(data.expertLanguages.map((s) => `${s.expertId}/${s.language}`))).toBe(true);
    expect(unique(data.needSkills.map((s) => `${s.needId}/${s.skillId}`))).toBe(true);
    expect(unique(data.needLanguages.map((s) => `${s.needId}/${s.language}`))).toBe(true);
    expect(unique(data.candidacies.map((c) => `${c.needId}/${c.expertId}`))).toBe(true);
    expect(unique(data.perDiemRates.map((r) => `${r.city}/${r.validFrom.toISOString()}`))).toBe(true);
    expect(unique(data.missions.map((m) => m.candidacyId))).toBe(true);
    expect(unique(data.missionReports.map((r) => r.missionId))).toBe(true);
  });

  it('respects the CHECK constraints', () => {
    for (const s of data.expertSkills) {
      expect(s.level).toBeGreaterThanOrEqual(1);
      expect(s.level).toBeLessThanOrEqual(4);
      expect(s.years === null || (s.years >= 0 && s.years <= 70)).toBe(true);
    }
    for (const p of data.expertProfiles) {
      expect(p.yearsExperience).toBeGreaterThanOrEqual(3);
      expect(p.yearsExperience).toBeLessThanOrEqual(35);
      expect(p.maxMissionDays).toBeGreaterThanOrEqual(7);
      expect(p.maxMissionDays).toBeLessThanOrEqual(30);
    }
    for (const s of data.needSkills) expect(s.minLevel >= 1 && s.minLevel <= 4).toBe(true);
    for (const a of data.availabilities) expect(a.endsOn >= a.startsOn).toBe(true);
    for (const n of data.needs) {
      expect(n.windowEnd >= n.windowStart).toBe(true);
      expect(n.durationDays >= 1 && n.durationDays <= 365).toBe(true);
      expect(n.durationDays).toBeLessThanOrEqual(days(n.windowStart, n.windowEnd) + 1);
      expect(n.expertsWanted >= 1 && n.expertsWanted <= 50).toBe(true);
      expect(n.version).toBe(0);
    }
    for (const m of data.missions) expect(m.endsOn >= m.startsOn).toBe(true);
    for (const r of data.missionReports) expect(r.rating === null || (r.rating >= 1 && r.rating <= 5)).toBe(true);
  });

  it('keeps needs, candidacies and missions consistent with their statuses and with today', () => {
    const needById = new Map(data.needs.map((n) => [n.id, n]));
    for (const n of data.needs) {
      for (const t of [n.createdAt, n.submittedAt, n.publishedAt, n.closedAt]) if (t) expect(t < TODAY).toBe(true);
      expect(Boolean(n.submittedAt)).toBe(n.status !== 'draft' && !(n.status === 'cancelled' && !n.submittedAt));
      if (['published', 'filled', 'closed'].includes(n.status)) expect(n.publishedAt).not.toBeNull();
      expect(Boolean(n.closedAt)).toBe(['filled', 'closed', 'cancelled'].includes(n.status));
      if (n.status === 'published') {
        expect(days(TODAY, n.windowStart)).toBeGreaterThanOrEqual(14);
        expect(days(TODAY, n.windowStart)).toBeLessThanOrEqual(112);
      }
      const events = data.needEvents.filter((e) => e.needId === n.id);
      expect(events.at(-1)?.toStatus).toBe(n.status);
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.createdAt > events[i - 1]!.createdAt).toBe(true);
        expect(events[i]!.fromStatus).toBe(events[i - 1]!.toStatus);
      }
    }
    const required = new Map<string, Set<number>>();
    for (const s of data.needSkills) if (s.requirement === 'required') required.set(s.needId, (required.get(s.needId) ?? new Set()).add(s.skillId));
    const expertSkills = new Map<string, Set<number>>();
    for (const s of data.expertSkills) expertSkills.set(s.expertId, (expertSkills.get(s.expertId) ?? new Set()).add(s.skillId));
    for (const c of data.candidacies) {
      const need = needById.get(c.needId)!;
      expect(['published', 'filled', 'closed']).toContain(need.status);
      expect([...(required.get(c.needId) ?? [])].some((id) => expertSkills.get(c.expertId)?.has(id))).toBe(true);
      const events = data.candidacyEvents.filter((e) => e.candidacyId === c.id);
      expect(events.at(-1)?.toStatus).toBe(c.status);
      for (const e of events) expect(e.createdAt < TODAY && e.createdAt > need.publishedAt!).toBe(true);
      if (c.status === 'not_selected' || c.status === 'withdrawn') expect(c.reason).toBeTruthy();
    }
    expect(unique(data.missions.map((m) => m.expertId))).toBe(true);
    for (const m of data.missions) {
      const need = needById.get(m.needId)!;
      const cand = data.candidacies.find((c) => c.id === m.candidacyId);
      expect(cand).toMatchObject({ status: 'selected', needId: m.needId, expertId: m.expertId });
      expect(m.startsOn >= need.windowStart && m.endsOn <= need.windowEnd).toBe(true);
      expect(days(m.startsOn, m.endsOn) + 1).toBe(need.durationDays);
      const future = ['proposed', 'accepted', 'approved', 'briefed'].includes(m.status);
      if (future) expect(need.status).toBe('published');
      if (['completed', 'reported', 'evaluated', 'followed_up'].includes(m.status)) expect(m.endsOn < TODAY).toBe(true);
      if (m.status === 'in_progress') expect(m.startsOn <= TODAY && m.endsOn >= TODAY).toBe(true);
      // a mission under way or done has really started, on or after its first day and before today; it completed after
      expect(m.startedOn !== null).toBe(['in_progress', 'completed', 'reported', 'evaluated', 'followed_up'].includes(m.status));
      expect(m.completedOn !== null).toBe(['completed', 'reported', 'evaluated', 'followed_up'].includes(m.status));
      if (m.startedOn) expect(m.startedOn >= m.startsOn && m.startedOn <= TODAY).toBe(true);
      if (m.completedOn) expect(m.completedOn >= m.startedOn! && m.completedOn < TODAY).toBe(true);
      const events = data.missionEvents.filter((e) => e.missionId === m.id);
      expect(events[0]).toMatchObject({ fromStatus: null, toStatus: 'proposed' });
      expect(events.at(-1)?.toStatus).toBe(m.status);
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.createdAt > events[i - 1]!.createdAt).toBe(true);
        expect(events[i]!.fromStatus).toBe(events[i - 1]!.toStatus);
      }
      for (const e of events) expect(e.createdAt < TODAY).toBe(true);
      if (m.status === 'rejected') expect(m.rejectionReason).toBeTruthy();
      if (m.status === 'cancelled') expect(m.cancellationReason).toBeTruthy();
      const report = data.missionReports.find((r) => r.missionId === m.id);
      expect(Boolean(report)).toBe(['reported', 'evaluated', 'followed_up'].includes(m.status));
      if (m.status === 'evaluated' || m.status === 'followed_up') {
        expect(report?.rating).not.toBeNull();
        const due = new Date(m.endsOn);
        due.setUTCFullYear(due.getUTCFullYear() + 1);
        expect(m.followUpDueOn).toEqual(due);
      }
      if (m.status === 'followed_up') expect(report?.followedUpAt).not.toBeNull();
    }
  });

  it('has every user registered before acting, and institutions verified before publishing', () => {
    const created = new Map(data.users.map((u) => [u.id, u.createdAt]));
    const userOfExpert = new Map(data.expertProfiles.map((p) => [p.id, p.userId]));
    const before = (userId: string | null | undefined, at: Date) => {
      if (userId) expect(created.get(userId)! <= at, `${userId} at ${at.toISOString()}`).toBe(true);
    };
    for (const c of data.candidacies) before(userOfExpert.get(c.expertId), c.createdAt);
    for (const e of [...data.candidacyEvents, ...data.needEvents, ...data.missionEvents]) before(e.actorId, e.createdAt);
    for (const u of data.users) expect(u.createdAt < TODAY).toBe(true);
    const insts = new Map(data.institutions.map((i) => [i.id, i]));
    for (const m of data.institutionMembers) expect(m.createdAt >= insts.get(m.institutionId)!.createdAt).toBe(true);
    for (const n of data.needs) {
      const inst = insts.get(n.institutionId)!;
      expect(n.createdAt >= inst.createdAt).toBe(true);
      if (n.publishedAt) expect(n.publishedAt >= inst.verifiedAt!).toBe(true);
    }
    for (const p of data.expertProfiles) {
      expect(p.confirmedAt >= p.createdAt && p.confirmedAt < TODAY).toBe(true);
      if (p.staleSince) expect(days(p.confirmedAt, TODAY)).toBeGreaterThan(210);
    }
  });

  it('adds budgets up for approved missions', () => {
    const approvedOrLater = ['approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up'];
    const rates = new Map(data.perDiemRates.map((r) => [r.id, r]));
    for (const m of data.missions) {
      if (!approvedOrLater.includes(m.status)) continue;
      expect(m.currency).toBe('MAD');
      expect(m.approvedAt).not.toBeNull();
      expect(m.perDiemDays).toBe(days(m.startsOn, m.endsOn) + 1);
      expect(m.perDiemDaily).toBe(rates.get(m.perDiemRateId!)?.dailyRate);
      const travel = Number(m.travelCost);
      expect(travel >= 3000 && travel <= 12000).toBe(true);
      expect(Number(m.budgetTotal)).toBe(travel + Number(m.perDiemDaily) * m.perDiemDays!);
    }
    for (const m of data.missions.filter((x) => ['proposed', 'accepted', 'declined', 'rejected'].includes(x.status))) {
      expect(m.budgetTotal).toBeNull();
    }
  });
});
