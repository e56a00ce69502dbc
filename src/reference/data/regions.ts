/** Morocco's 12 regions (2015 division) with their capitals: fact, not demo data. Codes are Jisr's own. */
export interface RegionDef {
  code: string;
  fr: string;
  ar: string;
  en: string;
  capital: { fr: string; ar: string; en: string };
}

export const REGIONS: readonly RegionDef[] = [
  { code: 'TTA', fr: 'Tanger-Tétouan-Al Hoceïma', ar: 'طنجة تطوان الحسيمة', en: 'Tangier-Tetouan-Al Hoceima', capital: { fr: 'Tanger', ar: 'طنجة', en: 'Tangier' } },
  { code: 'ORI', fr: "L'Oriental", ar: 'الشرق', en: 'Oriental', capital: { fr: 'Oujda', ar: 'وجدة', en: 'Oujda' } },
  { code: 'FM', fr: 'Fès-Meknès', ar: 'فاس مكناس', en: 'Fez-Meknes', capital: { fr: 'Fès', ar: 'فاس', en: 'Fez' } },
  { code: 'RSK', fr: 'Rabat-Salé-Kénitra', ar: 'الرباط سلا القنيطرة', en: 'Rabat-Sale-Kenitra', capital: { fr: 'Rabat', ar: 'الرباط', en: 'Rabat' } },
  { code: 'BMK', fr: 'Béni Mellal-Khénifra', ar: 'بني ملال خنيفرة', en: 'Beni Mellal-Khenifra', capital: { fr: 'Béni Mellal', ar: 'بني ملال', en: 'Beni Mellal' } },
  { code: 'CS', fr: 'Casablanca-Settat', ar: 'الدار البيضاء سطات', en: 'Casablanca-Settat', capital: { fr: 'Casablanca', ar: 'الدار البيضاء', en: 'Casablanca' } },
  { code: 'MS', fr: 'Marrakech-Safi', ar: 'مراكش آسفي', en: 'Marrakesh-Safi', capital: { fr: 'Marrakech', ar: 'مراكش', en: 'Marrakesh' } },
  { code: 'DT', fr: 'Drâa-Tafilalet', ar: 'درعة تافيلالت', en: 'Draa-Tafilalet', capital: { fr: 'Errachidia', ar: 'الرشيدية', en: 'Errachidia' } },
  { code: 'SM', fr: 'Souss-Massa', ar: 'سوس ماسة', en: 'Souss-Massa', capital: { fr: 'Agadir', ar: 'أكادير', en: 'Agadir' } },
  { code: 'GON', fr: 'Guelmim-Oued Noun', ar: 'كلميم واد نون', en: 'Guelmim-Oued Noun', capital: { fr: 'Guelmim', ar: 'كلميم', en: 'Guelmim' } },
  { code: 'LSH', fr: 'Laâyoune-Sakia El Hamra', ar: 'العيون الساقية الحمراء', en: 'Laayoune-Sakia El Hamra', capital: { fr: 'Laâyoune', ar: 'العيون', en: 'Laayoune' } },
  { code: 'DOD', fr: 'Dakhla-Oued Ed-Dahab', ar: 'الداخلة وادي الذهب', en: 'Dakhla-Oued Ed-Dahab', capital: { fr: 'Dakhla', ar: 'الداخلة', en: 'Dakhla' } },
];
