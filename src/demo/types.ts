/**
 * Row shapes of the generated demo data: every column the generator decides, ready for Prisma `createMany`.
 * Derived from the generated model types so that a schema change shows up here as a type error.
 */
import type {
  Availability, Candidacy, CandidacyEvent, Consent, ExpertDegree, ExpertLanguage, ExpertProfile, ExpertSkill,
  Institution, InstitutionMember, Mission, MissionEvent, MissionReport, Need,
  NeedEvent, NeedLanguage, NeedSkill, Notification, PerDiemRate, User,
} from '../generated/prisma/client.js';

export type JsonPrimitive = string | number | boolean;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue | null };
export type JsonObject = { [key: string]: JsonValue | null };

/** A skill as read from the database (ids are the database's). */
export interface SkillRef {
  id: number;
  code: string;
  sectorCode: string;
  broaderId: number | null;
}

export interface GenerateOptions {
  /** UTC midnight of the day the demo is generated for; every date is computed from it. */
  today: Date;
  skills: readonly SkillRef[];
}

type Row<T> = Omit<T, 'updatedAt'>;

export type UserRow = Omit<User, 'updatedAt' | 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>;
export type ConsentRow = Consent;
export type ExpertProfileRow = Row<ExpertProfile>;
export type ExpertDegreeRow = ExpertDegree;
export type ExpertSkillRow = ExpertSkill;
export type ExpertLanguageRow = ExpertLanguage;
export type AvailabilityRow = Availability;
export type InstitutionRow = Row<Institution>;
export type InstitutionMemberRow = InstitutionMember;
export type NeedRow = Row<Need>;
export type NeedSkillRow = NeedSkill;
export type NeedLanguageRow = NeedLanguage;
export type NeedEventRow = NeedEvent;
export type CandidacyRow = Row<Candidacy>;
export type CandidacyEventRow = CandidacyEvent;
export type PerDiemRateRow = Omit<PerDiemRate, 'dailyRate'> & { dailyRate: string };
export type MissionRow = Omit<Row<Mission>, 'travelCost' | 'perDiemDaily' | 'budgetTotal' | 'briefing'> & {
  travelCost: string | null;
  perDiemDaily: string | null;
  budgetTotal: string | null;
  briefing: JsonObject;
};
export type MissionEventRow = MissionEvent;
export type MissionReportRow = MissionReport;
export type NotificationRow = Omit<Notification, 'params'> & { params: JsonObject };

export interface DemoData {
  users: UserRow[];
  consents: ConsentRow[];
  expertProfiles: ExpertProfileRow[];
  expertDegrees: ExpertDegreeRow[];
  expertSkills: ExpertSkillRow[];
  expertLanguages: ExpertLanguageRow[];
  availabilities: AvailabilityRow[];
  institutions: InstitutionRow[];
  institutionMembers: InstitutionMemberRow[];
  needs: NeedRow[];
  needSkills: NeedSkillRow[];
  needLanguages: NeedLanguageRow[];
  needEvents: NeedEventRow[];
  candidacies: CandidacyRow[];
  candidacyEvents: CandidacyEventRow[];
  perDiemRates: PerDiemRateRow[];
  missions: MissionRow[];
  missionEvents: MissionEventRow[];
  missionReports: MissionReportRow[];
  notifications: NotificationRow[];
}

/** Placeholder stored in every generated user; seed-demo swaps it for a real argon2id hash before inserting. */
export const PLACEHOLDER_PASSWORD_HASH = '!demo-placeholder';
