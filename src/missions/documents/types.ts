import type { Locale } from '../../i18n/i18n.js';

/** What a mission document shows; amounts are decimal strings ("1234.50"), formatted with Intl when printed. */
export interface MissionDocumentData {
  missionRef: string;
  expertName: string;
  /** ISO 3166 alpha-2 code (printed as the country's name in the document's language) or a name as is. */
  expertCountry?: string;
  institutionName: string;
  institutionCity: string;
  regionName: string;
  needTitle: string;
  startsOn: Date;
  endsOn: Date;
  days: number;
  /** the days the mission really took place (from its start to its completion); the certificate prints these */
  held?: { startedOn: Date; completedOn: Date; days: number };
  mode: 'on_site' | 'remote' | 'hybrid';
  budget?: { travelCost: string; perDiemDaily: string; perDiemDays: number; total: string; currency: string };
  approvedOn?: Date;
  officerName?: string;
  evaluation?: { rating: number; evaluatedOn: Date };
  issuedOn: Date;
  demo: boolean;
}

export type MissionDocumentRenderer = (data: MissionDocumentData, lng: Locale) => Promise<Buffer>;
