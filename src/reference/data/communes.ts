/**
 * Communes shipped per region (reference data; admins add others at /admin/communes). Codes are the region code
 * and a slug: the region a commune belongs to can be read from its code, and a form that pairs a region with a
 * commune of another region is refused without a query.
 */
export interface CommuneSeed {
  code: string;
  region: string;
  fr: string;
  ar: string;
  en: string;
}

const c = (region: string, slug: string, fr: string, ar: string, en = fr): CommuneSeed => ({ code: `${region}-${slug}`, region, fr, ar, en });

export const COMMUNES: readonly CommuneSeed[] = [
  c('TTA', 'larache', 'Larache', 'العرائش'), c('TTA', 'ksar_el_kebir', 'Ksar El Kébir', 'القصر الكبير', 'Ksar El Kebir'),
  c('TTA', 'ouezzane', 'Ouezzane', 'وزان'), c('TTA', 'imzouren', 'Imzouren', 'إمزورن'), c('TTA', 'fnideq', 'Fnideq', 'الفنيدق'),
  c('ORI', 'nador', 'Nador', 'الناظور'), c('ORI', 'berkane', 'Berkane', 'بركان'), c('ORI', 'figuig', 'Figuig', 'فجيج'),
  c('ORI', 'driouch', 'Driouch', 'الدريوش'), c('ORI', 'taourirt', 'Taourirt', 'تاوريرت'), c('ORI', 'zaio', 'Zaïo', 'زايو', 'Zaio'),
  c('FM', 'taza', 'Taza', 'تازة'), c('FM', 'sefrou', 'Sefrou', 'صفرو'), c('FM', 'ifrane', 'Ifrane', 'إفران'),
  c('FM', 'boulemane', 'Boulemane', 'بولمان'), c('FM', 'moulay_yacoub', 'Moulay Yacoub', 'مولاي يعقوب'),
  c('RSK', 'khemisset', 'Khémisset', 'الخميسات', 'Khemisset'), c('RSK', 'sidi_slimane', 'Sidi Slimane', 'سيدي سليمان'),
  c('RSK', 'sidi_kacem', 'Sidi Kacem', 'سيدي قاسم'), c('RSK', 'tiflet', 'Tiflet', 'تيفلت'),
  c('BMK', 'khenifra', 'Khénifra', 'خنيفرة', 'Khenifra'), c('BMK', 'azilal', 'Azilal', 'أزيلال'),
  c('BMK', 'fquih_ben_salah', 'Fquih Ben Salah', 'الفقيه بن صالح'), c('BMK', 'kasba_tadla', 'Kasba Tadla', 'قصبة تادلة'), c('BMK', 'beni_ayat', 'Beni Ayat', 'بني عياط'),
  c('CS', 'settat', 'Settat', 'سطات'), c('CS', 'berrechid', 'Berrechid', 'برشيد'), c('CS', 'el_jadida', 'El Jadida', 'الجديدة'),
  c('CS', 'benslimane', 'Benslimane', 'بنسليمان'), c('CS', 'sidi_bennour', 'Sidi Bennour', 'سيدي بنور'),
  c('MS', 'essaouira', 'Essaouira', 'الصويرة'), c('MS', 'chichaoua', 'Chichaoua', 'شيشاوة'), c('MS', 'el_kelaa', 'El Kelaa des Sraghna', 'قلعة السراغنة'),
  c('MS', 'safi', 'Safi', 'آسفي'), c('MS', 'imintanoute', 'Imintanoute', 'إمنتانوت'),
  c('DT', 'tinghir', 'Tinghir', 'تنغير'), c('DT', 'zagora', 'Zagora', 'زاكورة'), c('DT', 'midelt', 'Midelt', 'ميدلت'),
  c('DT', 'rissani', 'Rissani', 'الريصاني'), c('DT', 'goulmima', 'Goulmima', 'كلميمة'),
  c('SM', 'tiznit', 'Tiznit', 'تيزنيت'), c('SM', 'taroudant', 'Taroudant', 'تارودانت'), c('SM', 'tafraout', 'Tafraout', 'تافراوت'),
  c('SM', 'biougra', 'Biougra', 'بيوكرى'), c('SM', 'ouled_teima', 'Ouled Teima', 'أولاد تايمة'), c('SM', 'tata', 'Tata', 'طاطا'),
  c('GON', 'tan_tan', 'Tan-Tan', 'طانطان'), c('GON', 'sidi_ifni', 'Sidi Ifni', 'سيدي إفني'), c('GON', 'assa', 'Assa', 'أسا'), c('GON', 'tighmert', 'Tighmert', 'تغمرت'),
  c('LSH', 'tarfaya', 'Tarfaya', 'طرفاية'), c('LSH', 'es_semara', 'Es-Semara', 'السمارة'), c('LSH', 'boujdour', 'Boujdour', 'بوجدور'),
  c('DOD', 'aousserd', 'Aousserd', 'أوسرد'), c('DOD', 'bir_gandouz', 'Bir Gandouz', 'بئر كندوز'),
];

/** The region a commune code names ("SM-tiznit" → "SM"). */
export const regionOfCommune = (code: string): string => code.split('-')[0] ?? '';

export const COMMUNE_CODE = /^[A-Z]{2,4}-[a-z0-9_]{1,60}$/;
