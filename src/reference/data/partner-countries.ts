/**
 * Partner countries of South–South exchange (AMEDIP) loaded on first start: countries of Africa and the Middle East
 * whose migration and development authorities take part in exchanges. Admins add, rename or deactivate them
 * (/admin/partner-countries); the seed only inserts codes not yet present, so their edits survive restarts.
 */
export interface PartnerCountrySeed {
  code: string;
  fr: string;
  ar: string;
  en: string;
}

export const PARTNER_COUNTRIES: readonly PartnerCountrySeed[] = [
  { code: 'SN', fr: 'Sénégal', ar: 'السنغال', en: 'Senegal' },
  { code: 'CI', fr: 'Côte d’Ivoire', ar: 'كوت ديفوار', en: 'Côte d’Ivoire' },
  { code: 'ML', fr: 'Mali', ar: 'مالي', en: 'Mali' },
  { code: 'NE', fr: 'Niger', ar: 'النيجر', en: 'Niger' },
  { code: 'BF', fr: 'Burkina Faso', ar: 'بوركينا فاسو', en: 'Burkina Faso' },
  { code: 'GN', fr: 'Guinée', ar: 'غينيا', en: 'Guinea' },
  { code: 'CM', fr: 'Cameroun', ar: 'الكاميرون', en: 'Cameroon' },
  { code: 'MR', fr: 'Mauritanie', ar: 'موريتانيا', en: 'Mauritania' },
  { code: 'TN', fr: 'Tunisie', ar: 'تونس', en: 'Tunisia' },
  { code: 'EG', fr: 'Égypte', ar: 'مصر', en: 'Egypt' },
  { code: 'JO', fr: 'Jordanie', ar: 'الأردن', en: 'Jordan' },
  { code: 'LB', fr: 'Liban', ar: 'لبنان', en: 'Lebanon' },
];
