import type { Locale } from '../i18n/i18n.js';
import { localized } from '../i18n/i18n.js';
import type { NeedPage } from './need-loader.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A stored need as the strings its edit form shows. */
export function formValuesOf(need: NeedPage, lng: Locale): Record<string, string> {
  const values: Record<string, string> = {
    version: String(need.version), title: need.title, description: need.description, baseline: need.baseline ?? '',
    sectorCode: need.sectorCode, regionCode: need.regionCode, city: need.city ?? '', communeCode: need.communeCode ?? '', mode: need.mode,
    windowStart: day(need.windowStart), windowEnd: day(need.windowEnd), durationDays: String(need.durationDays),
    expertsWanted: String(need.expertsWanted), climateTag: need.climateTag ? 'on' : '', genderTag: need.genderTag ? 'on' : '',
    institutionId: need.institutionId, audiences: need.audiences.join(','),
  };
  need.skills.forEach((s, i) => {
    values[`skill_${i}`] = localized(s.skill, 'label', lng);
    values[`level_${i}`] = String(s.minLevel);
    values[`requirement_${i}`] = s.requirement;
  });
  need.languages.forEach((l, i) => {
    values[`lang_${i}`] = l.language;
    values[`langLevel_${i}`] = l.minLevel;
  });
  return values;
}
