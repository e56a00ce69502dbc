import { describe, expect, it } from 'vitest';
import { catalogueQuerySchema, effectiveSort, echoCatalogueParams, pickCatalogueParams, MAX_PAGE } from '../../src/needs/schemas.js';
import { toPrefixTsQuery } from '../../src/needs/queries.js';

const parse = (q: Record<string, unknown>) => catalogueQuerySchema.safeParse(pickCatalogueParams(q));

describe('catalogue query', () => {
  it('clamps page numbers instead of failing', () => {
    expect(parse({ page: '-4' }).data?.page).toBe(1);
    expect(parse({ page: 'abc' }).data?.page).toBe(1);
    expect(parse({ page: '1e99' }).data?.page).toBe(1);
    expect(parse({ page: '99999999' }).data?.page).toBe(MAX_PAGE);
    expect(parse({ page: ['2', '3'] }).data?.page).toBe(1);
  });

  it('refuses an overlong search and unknown modes with message keys', () => {
    const long = parse({ q: 'x'.repeat(10_000) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe('errors.searchTooLong');
    expect(parse({ mode: 'teleport' }).error?.issues[0]?.path).toEqual(['mode']);
    expect(parse({ sector: "x' OR 1=1" }).success).toBe(false);
  });

  it('treats empty filters as absent', () => {
    expect(parse({ q: '', sector: '', region: '', mode: '' }).data).toEqual({ page: 1 });
  });

  it('reads skill, language, dates and sort, and refuses what is malformed on its own field', () => {
    expect(parse({ skill: ' Irrigation ', language: 'ar', from: '2027-01-01', to: '2027-01-31', sort: 'closing' }).data).toEqual({
      skill: 'Irrigation', language: 'ar', from: '2027-01-01', to: '2027-01-31', sort: 'closing', page: 1,
    });
    const field = (q: Record<string, unknown>) => parse(q).error?.issues.map((i) => [i.path[0], i.message]);
    expect(field({ language: 'klingon' })).toEqual([['language', 'errors.filterInvalid']]);
    expect(field({ sort: 'random' })).toEqual([['sort', 'errors.filterInvalid']]);
    expect(field({ from: '2027-02-30' })).toEqual([['from', 'catalogue.errors.date']]);
    expect(field({ to: '27-01-01' })).toEqual([['to', 'catalogue.errors.date']]);
    expect(field({ from: '1850-01-01' })).toEqual([['from', 'catalogue.errors.date']]);
    expect(field({ from: '2027-03-01', to: '2027-02-01' })).toEqual([['to', 'catalogue.errors.dateOrder']]);
    expect(field({ skill: 'x' })).toEqual([['skill', 'catalogue.errors.unknownSkill']]);
    expect(field({ skill: 'x'.repeat(101) })).toEqual([['skill', 'catalogue.errors.unknownSkill']]);
    expect(parse({ from: '2027-03-01', to: '2027-03-01' }).success).toBe(true);
  });

  it('sorts by relevance only when there is a text to be relevant to', () => {
    expect(effectiveSort({}, true)).toBe('relevance');
    expect(effectiveSort({}, false)).toBe('newest');
    expect(effectiveSort({ sort: 'relevance' }, false)).toBe('newest');
    expect(effectiveSort({ sort: 'start' }, true)).toBe('start');
  });

  it('echoes strings only, cut short, for the form and the page links', () => {
    expect(echoCatalogueParams({ q: 'eau', skill: 'y'.repeat(500), sort: { evil: true }, page: 3 })).toEqual({
      q: 'eau', sector: '', region: '', mode: '', audience: '', climate: '', gender: '', skill: 'y'.repeat(300), language: '', from: '', to: '', sort: '',
    });
  });

  it('builds prefix tsqueries from letters and digits of any script only', () => {
    expect(toPrefixTsQuery('Irrigation  goutte-à-goutte')).toBe('Irrigation:* & goutte:* & goutte:*');
    expect(toPrefixTsQuery("santé & !(xx) | 'yy'")).toBe('santé:* & xx:* & yy:*');
    expect(toPrefixTsQuery('الري بالتنقيط')).toBe('الري:* & بالتنقيط:*');
    expect(toPrefixTsQuery('!!! ')).toBeUndefined();
    expect(toPrefixTsQuery(undefined)).toBeUndefined();
  });
});
