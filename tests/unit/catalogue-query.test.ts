import { describe, expect, it } from 'vitest';
import { catalogueQuerySchema, pickCatalogueParams, MAX_PAGE } from '../../src/needs/schemas.js';
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

  it('builds prefix tsqueries from letters and digits of any script only', () => {
    expect(toPrefixTsQuery('Irrigation  goutte-à-goutte')).toBe('Irrigation:* & goutte:* & goutte:*');
    expect(toPrefixTsQuery("santé & !(xx) | 'yy'")).toBe('santé:* & xx:* & yy:*');
    expect(toPrefixTsQuery('الري بالتنقيط')).toBe('الري:* & بالتنقيط:*');
    expect(toPrefixTsQuery('!!! ')).toBeUndefined();
    expect(toPrefixTsQuery(undefined)).toBeUndefined();
  });
});
