/**
 * Matching of exchange requests with exchange offers between institutions (AMEDIP), pure like the rest of the
 * matcher. Hard filters: two different institutions, at least one language in common. Score (0–100, whole
 * points that add up to it): the same theme 40, the same sector 30, languages in common 20 (all of the request's
 * languages for the full points), a format in common 10. Every part is a reason the page translates.
 */
export interface ExchangeSide {
  id: string;
  institutionId: string;
  theme: string;
  sectorCode: string;
  formats: readonly string[];
  languages: readonly string[];
}

export type ExchangeReasonRule = 'theme' | 'sector' | 'languages' | 'formats';
export interface ExchangeReason {
  rule: ExchangeReasonRule;
  points: number;
  /** held: the part applies (same theme, same sector…); values: the languages or formats in common */
  held: boolean;
  values: string[];
}
export type ExchangeExclusion = 'same_institution' | 'no_common_language';
export interface ExchangeMatch {
  offerId: string;
  score: number;
  reasons: ExchangeReason[];
}

export const EXCHANGE_WEIGHTS = Object.freeze({ theme: 40, sector: 30, languages: 20, formats: 10 });

/** Why the pair cannot be matched, or undefined when it can. */
export function exchangeExclusion(request: ExchangeSide, offer: ExchangeSide): ExchangeExclusion | undefined {
  if (request.institutionId === offer.institutionId) return 'same_institution';
  if (!request.languages.some((l) => offer.languages.includes(l))) return 'no_common_language';
  return undefined;
}

/** The score of a pair that passed the filters, with one reason per part (in a fixed order). */
export function scoreExchange(request: ExchangeSide, offer: ExchangeSide): ExchangeMatch {
  const w = EXCHANGE_WEIGHTS;
  const languages = request.languages.filter((l) => offer.languages.includes(l));
  const formats = request.formats.filter((f) => offer.formats.includes(f));
  const languagePoints = request.languages.length ? Math.round((w.languages * languages.length) / request.languages.length) : 0;
  const reasons: ExchangeReason[] = [
    { rule: 'theme', points: request.theme === offer.theme ? w.theme : 0, held: request.theme === offer.theme, values: [offer.theme] },
    { rule: 'sector', points: request.sectorCode === offer.sectorCode ? w.sector : 0, held: request.sectorCode === offer.sectorCode, values: [offer.sectorCode] },
    { rule: 'languages', points: languagePoints, held: languages.length > 0, values: languages },
    { rule: 'formats', points: formats.length ? w.formats : 0, held: formats.length > 0, values: formats },
  ];
  return { offerId: offer.id, score: reasons.reduce((a, r) => a + r.points, 0), reasons };
}

/** Offers ranked for a request, best first (then by id, for a stable order); excluded offers are left out. */
export function rankOffersForRequest(request: ExchangeSide, offers: readonly ExchangeSide[], limit = 20): ExchangeMatch[] {
  return offers
    .filter((o) => !exchangeExclusion(request, o))
    .map((o) => scoreExchange(request, o))
    .sort((a, b) => b.score - a.score || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0))
    .slice(0, limit);
}
