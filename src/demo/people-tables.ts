/** Lookup tables for generated demo experts (fictitious people): languages, cities, positions by sector. */
import { DEGREES, POSITIONS } from './data/lists.js';

/** Main languages of a country of residence (ISO 639), beyond Arabic/French/English that are handled apart. */
export const COUNTRY_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  FR: ['fr'], ES: ['es'], IT: ['it'], BE: ['fr', 'nl'], NL: ['nl'], DE: ['de'], GB: ['en'], CA: ['fr', 'en'],
  US: ['en'], AE: ['ar'], QA: ['ar'], SA: ['ar'], SE: ['sv'], CH: ['fr'], SN: ['fr', 'wo'], CI: ['fr'],
  TN: ['ar', 'fr'], ML: ['fr', 'bm'], EG: ['ar'], JO: ['ar'], MR: ['ar', 'fr'], CM: ['fr', 'en'],
  NE: ['fr', 'ha'], BF: ['fr', 'mos'], GN: ['fr', 'ff'],
};

/** Residence language by city where a country has several. */
export const CITY_LANGUAGE: Readonly<Record<string, string>> = {
  Antwerp: 'nl', Ghent: 'nl', Brussels: 'fr', 'Liège': 'fr', Toronto: 'en', Ottawa: 'en',
};

/** Where South–South experts live in their own country. */
export const SOUTH_SOUTH_CITIES: Readonly<Record<string, readonly string[]>> = {
  SN: ['Dakar', 'Thiès', 'Saint-Louis'], TN: ['Tunis', 'Sfax', 'Sousse'], CI: ['Abidjan', 'Yamoussoukro'],
  ML: ['Bamako'], EG: ['Le Caire', 'Alexandrie'], JO: ['Amman', 'Irbid'], MR: ['Nouakchott', 'Nouadhibou'],
  CM: ['Yaoundé', 'Douala'], NE: ['Niamey'], BF: ['Ouagadougou', 'Bobo-Dioulasso'], GN: ['Conakry'],
};

/** Moroccan cities where immigrant residents live, with their region. */
export const MOROCCAN_RESIDENCE_CITIES: readonly { city: string; region: string; weight: number }[] = [
  { city: 'Casablanca', region: 'CS', weight: 8 }, { city: 'Rabat', region: 'RSK', weight: 6 },
  { city: 'Tanger', region: 'TTA', weight: 4 }, { city: 'Marrakech', region: 'MS', weight: 3 },
  { city: 'Fès', region: 'FM', weight: 2 }, { city: 'Agadir', region: 'SM', weight: 2 },
  { city: 'Oujda', region: 'ORI', weight: 2 }, { city: 'Kénitra', region: 'RSK', weight: 1 },
];

/** A few communes of origin per region. */
export const COMMUNES: Readonly<Record<string, readonly string[]>> = {
  TTA: ['Larache', 'Ksar El Kébir', 'Ouezzane', 'Imzouren', 'Fnideq'],
  ORI: ['Nador', 'Berkane', 'Figuig', 'Driouch', 'Taourirt', 'Zaïo'],
  FM: ['Taza', 'Sefrou', 'Ifrane', 'Boulemane', 'Moulay Yacoub'],
  RSK: ['Khémisset', 'Sidi Slimane', 'Sidi Kacem', 'Tiflet'],
  BMK: ['Khénifra', 'Azilal', 'Fquih Ben Salah', 'Kasba Tadla', 'Beni Ayat'],
  CS: ['Settat', 'Berrechid', 'El Jadida', 'Benslimane', 'Sidi Bennour'],
  MS: ['Essaouira', 'Chichaoua', 'El Kelaa des Sraghna', 'Safi', 'Imintanoute'],
  DT: ['Tinghir', 'Zagora', 'Midelt', 'Rissani', 'Goulmima'],
  SM: ['Tiznit', 'Taroudant', 'Tafraout', 'Biougra', 'Ouled Teima', 'Tata'],
  GON: ['Tan-Tan', 'Sidi Ifni', 'Assa', 'Tighmert'],
  LSH: ['Tarfaya', 'Es-Semara', 'Boujdour'],
  DOD: ['Aousserd', 'Bir Gandouz'],
};

/** Relative share of the diaspora by region of origin (the Souss and the Oriental send many). */
export const ORIGIN_WEIGHTS: Readonly<Record<string, number>> = {
  TTA: 12, ORI: 16, FM: 9, RSK: 8, BMK: 9, CS: 12, MS: 8, DT: 6, SM: 14, GON: 3, LSH: 2, DOD: 1,
};

export const MOROCCAN_EMPLOYERS: readonly string[] = [
  'Université Mohammed VI Polytechnique', 'Université internationale de Rabat', 'Hôpital universitaire Cheikh Khalifa',
  'Groupe OCP', 'Masen', 'Tanger Med',
];

const ACADEMIC = /universit|polytechn|politecnico|college|leuven|epfl|\bmit\b|tu delft|sorbonne|institut|cnrs|inrae|karolinska|khalifa|qatar foundation|cern|deltares/i;
const MEDICAL = /ap-hp|chu|hospi|hôpit|clinique|hospital|umc|erasmus mc|nhs|cleveland|hamad|king faisal|pasteur|karolinska/i;

/** Employers of a country that suit the expert's main sector (hospitals for health, universities for research). */
export function employersFor(names: readonly string[], sector: string): readonly string[] {
  const medical = names.filter((n) => MEDICAL.test(n));
  const academic = names.filter((n) => ACADEMIC.test(n));
  const companies = names.filter((n) => !MEDICAL.test(n) && !ACADEMIC.test(n));
  const fitting = sector === 'health' ? medical
    : sector === 'higher_education' ? academic
    : [...companies, ...academic.filter(() => sector !== 'finance')];
  return fitting.length ? fitting : names;
}

/** Universities for degrees (fictitious attributions; names are public bodies). */
export const DEGREE_SCHOOLS: Readonly<Record<string, readonly string[]>> = {
  MA: ['Université Mohammed V de Rabat', 'Université Hassan II de Casablanca', 'École Mohammadia d\'ingénieurs', 'Institut agronomique et vétérinaire Hassan II', 'Université Cadi Ayyad', 'Université Ibn Zohr'],
  FR: ['Université Paris Cité', 'Sorbonne Université', 'École des Ponts ParisTech', 'Université de Montpellier', 'INSA Lyon', 'Université Grenoble Alpes'],
  ES: ['Universidad Complutense de Madrid', 'Universitat Politècnica de Catalunya'],
  BE: ['Université catholique de Louvain', 'KU Leuven'], NL: ['TU Delft', 'Wageningen University'],
  DE: ['RWTH Aachen', 'TU München'], CA: ['Université Laval', 'McGill University'], US: ['Columbia University'],
  GB: ['University College London'], IT: ['Politecnico di Milano'], CH: ['EPFL'],
};

const POSITION_SECTORS: readonly [RegExp, readonly string[]][] = [
  [/hydrauli|hydrogéo|dessalement/i, ['water_environment']],
  [/irrigation/i, ['agriculture', 'water_environment']],
  [/déchets/i, ['water_environment', 'climate']],
  [/énergies|électrique|énergétique/i, ['energy', 'climate']],
  [/cardio|médecin|chirurg|pédiatre|radiolog|infirm|pharmac|épidémio|santé|biomédicale|anesthés|hospitaliers|urgentiste/i, ['health']],
  [/professeur|maîtresse|enseignante|chercheu/i, ['higher_education']],
  [/data|logiciel|cyber|numérique|devops|intelligence artificielle|télécom|informatique/i, ['digital']],
  [/géomatic|administration électronique/i, ['digital', 'governance']],
  [/agronom|coopératives/i, ['agriculture']],
  [/urbaniste/i, ['local_development']],
  [/finances publiques|financier|auditrice|économiste/i, ['finance']],
  [/politiques publiques|ressources humaines|qualité/i, ['governance']],
  [/portuaire|génie civil/i, ['transport']],
  [/juriste/i, ['justice']],
  [/économie sociale|coopération internationale/i, ['social', 'local_development']],
  [/formation professionnelle/i, ['education']],
  [/innovation/i, ['industry']],
];

/** Positions of POSITIONS whose field fits a sector. */
export function positionsForSector(sector: string): readonly { fr: string; en: string }[] {
  return POSITIONS.filter((p) => POSITION_SECTORS.some(([re, sectors]) => re.test(p.fr) && sectors.includes(sector)));
}

const DEGREE_SECTORS: readonly [RegExp, readonly string[]][] = [
  [/médecine|chirurgie|infirmier|santé publique/i, ['health']],
  [/pharmacie/i, ['health']],
  [/agronom/i, ['agriculture', 'climate']],
  [/hydrologie/i, ['water_environment', 'climate']],
  [/énergies renouvelables|génie électrique/i, ['energy']],
  [/informatique|science des données/i, ['digital']],
  [/économie|finance|comptable|MBA/i, ['finance', 'industry']],
  [/droit/i, ['justice']],
  [/administration publique/i, ['governance', 'local_development', 'social']],
  [/génie civil|architecte|logistique/i, ['transport', 'local_development']],
  [/HDR|sciences de l'ingénieur/i, ['higher_education', 'water_environment', 'energy', 'industry']],
];

export function degreesForSector(sector: string): readonly { fr: string; en: string }[] {
  return DEGREES.filter((d) => DEGREE_SECTORS.some(([re, sectors]) => re.test(d.fr) && sectors.includes(sector)));
}

// Masculine and feminine forms of the words that start positions in POSITIONS.
const GENDERED: readonly [string, string][] = [
  ['Ingénieur', 'Ingénieure'], ['Chef', 'Cheffe'], ['Professeur', 'Professeure'], ['Chercheur', 'Chercheuse'],
  ['Directeur', 'Directrice'], ['Pharmacien', 'Pharmacienne'], ['Chirurgien', 'Chirurgienne'],
  ['Anesthésiste-réanimateur', 'Anesthésiste-réanimatrice'], ['Consultant', 'Consultante'],
  ['Maître', 'Maîtresse'], ['Auditeur', 'Auditrice'], ['Expert', 'Experte'], ['Chargé', 'Chargée'],
  ['Géomaticien', 'Géomaticienne'], ['Conseiller', 'Conseillère'], ['Enseignant-chercheur', 'Enseignante-chercheuse'],
  ['Infirmier', 'Infirmière'], ['Économiste', 'Économiste'],
];

const ADJECTIVES: readonly [string, string][] = [
  ['principal', 'principale'], ['administratif', 'administrative'], ['financier', 'financière'],
  ['hospitalier', 'hospitalière'], ['associé', 'associée'],
];

/** Puts the first word of a French position in the expert's gender ('Cheffe de projet' for a man -> 'Chef de projet'). */
export function genderPosition(position: string, female: boolean): string {
  const [first = '', ...rest] = position.split(' ');
  const pair = GENDERED.find(([m, f]) => first === m || first === f);
  if (!pair) return position;
  const words = rest.map((word) => {
    const adj = ADJECTIVES.find(([m, f]) => word === m || word === f);
    return adj ? (female ? adj[1] : adj[0]) : word;
  });
  return [female ? pair[1] : pair[0], ...words].join(' ');
}

/** Short French names of the sectors, for running text (the official names are long and full of commas). */
export const SECTOR_SHORT_FR: Readonly<Record<string, string>> = {
  health: 'santé', higher_education: 'enseignement supérieur', education: 'éducation et formation',
  agriculture: 'agriculture', water_environment: 'eau et environnement', energy: 'énergie', digital: 'numérique',
  finance: 'finance et investissement', governance: 'gouvernance publique', local_development: 'développement local',
  industry: 'industrie', tourism: 'tourisme et artisanat', transport: 'transport et logistique', justice: 'droit',
  social: 'protection sociale et migration', climate: 'climat',
};
