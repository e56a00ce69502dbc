/**
 * Programme sectors used by Jisr to classify both diaspora expert profiles and
 * institutional skill needs (IOM TRQN programme, Morocco).
 *
 * Curated reference data shipped with the application — NOT demo/seed data.
 * Codes are stable identifiers (lowercase snake_case ASCII); do not rename them
 * once data has been recorded against them. Labels: French, Modern Standard
 * Arabic (terminology as used in the Moroccan administration), English.
 */

export interface SectorDef { code: string; fr: string; ar: string; en: string }

export const SECTORS: readonly SectorDef[] = [
  { code: 'health', fr: 'Santé', ar: 'الصحة', en: 'Health' },
  { code: 'higher_education', fr: 'Enseignement supérieur et recherche scientifique', ar: 'التعليم العالي والبحث العلمي', en: 'Higher education and research' },
  { code: 'education', fr: 'Éducation et formation', ar: 'التربية والتكوين', en: 'Education and training' },
  { code: 'agriculture', fr: 'Agriculture, pêche et développement rural', ar: 'الفلاحة والصيد البحري والتنمية القروية', en: 'Agriculture, fisheries and rural development' },
  { code: 'water_environment', fr: 'Eau, assainissement et environnement', ar: 'الماء والتطهير والبيئة', en: 'Water, sanitation and environment' },
  { code: 'energy', fr: 'Énergie et mines', ar: 'الطاقة والمعادن', en: 'Energy and mines' },
  { code: 'digital', fr: 'Numérique et technologies de l\'information', ar: 'الرقمنة وتكنولوجيا المعلومات والاتصال', en: 'Digital and ICT' },
  { code: 'finance', fr: 'Finance, économie et investissement', ar: 'المالية والاقتصاد والاستثمار', en: 'Finance, economy and investment' },
  { code: 'governance', fr: 'Administration publique et gouvernance', ar: 'الإدارة العمومية والحكامة', en: 'Public administration and governance' },
  { code: 'local_development', fr: 'Développement local et régional, aménagement du territoire', ar: 'التنمية المحلية والجهوية وإعداد التراب', en: 'Local and regional development, territorial planning' },
  { code: 'industry', fr: 'Industrie et commerce', ar: 'الصناعة والتجارة', en: 'Industry and trade' },
  { code: 'tourism', fr: 'Tourisme, artisanat et culture', ar: 'السياحة والصناعة التقليدية والثقافة', en: 'Tourism, crafts and culture' },
  { code: 'transport', fr: 'Transport, logistique et infrastructures', ar: 'النقل واللوجستيك والبنيات التحتية', en: 'Transport, logistics and infrastructure' },
  { code: 'justice', fr: 'Droit et justice', ar: 'القانون والعدالة', en: 'Law and justice' },
  { code: 'social', fr: 'Protection sociale, genre et migration', ar: 'الحماية الاجتماعية والنوع الاجتماعي والهجرة', en: 'Social protection, gender and migration' },
  { code: 'climate', fr: 'Changement climatique : adaptation et atténuation', ar: 'التغير المناخي: التكيف والتخفيف', en: 'Climate change adaptation and mitigation' },
];
