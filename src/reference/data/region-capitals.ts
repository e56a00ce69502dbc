/**
 * The capitals of Morocco's 12 regions (reference data, fact): WGS84 coordinates of each city centre, rounded to
 * four decimals, used by the report's map. Keyed by the region codes of regions.ts.
 */
export interface Capital { lat: number; lon: number; name: { fr: string; ar: string; en: string } }

export const REGION_CAPITALS: Readonly<Record<string, Capital>> = {
  TTA: { lat: 35.7595, lon: -5.834, name: { fr: 'Tanger', ar: 'طنجة', en: 'Tangier' } },
  ORI: { lat: 34.6814, lon: -1.9086, name: { fr: 'Oujda', ar: 'وجدة', en: 'Oujda' } },
  FM: { lat: 34.0331, lon: -5.0003, name: { fr: 'Fès', ar: 'فاس', en: 'Fez' } },
  RSK: { lat: 34.0209, lon: -6.8416, name: { fr: 'Rabat', ar: 'الرباط', en: 'Rabat' } },
  BMK: { lat: 32.3373, lon: -6.3498, name: { fr: 'Béni Mellal', ar: 'بني ملال', en: 'Beni Mellal' } },
  CS: { lat: 33.5731, lon: -7.5898, name: { fr: 'Casablanca', ar: 'الدار البيضاء', en: 'Casablanca' } },
  MS: { lat: 31.6295, lon: -7.9811, name: { fr: 'Marrakech', ar: 'مراكش', en: 'Marrakesh' } },
  DT: { lat: 31.9314, lon: -4.4244, name: { fr: 'Errachidia', ar: 'الرشيدية', en: 'Errachidia' } },
  SM: { lat: 30.4278, lon: -9.5981, name: { fr: 'Agadir', ar: 'أكادير', en: 'Agadir' } },
  GON: { lat: 28.987, lon: -10.0574, name: { fr: 'Guelmim', ar: 'كلميم', en: 'Guelmim' } },
  LSH: { lat: 27.1536, lon: -13.2033, name: { fr: 'Laâyoune', ar: 'العيون', en: 'Laayoune' } },
  DOD: { lat: 23.6848, lon: -15.958, name: { fr: 'Dakhla', ar: 'الداخلة', en: 'Dakhla' } },
};
