import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath } from 'd3-geo';
import { merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGION_CAPITALS } from '../reference/data/region-capitals.js';
import type { Locale } from '../i18n/i18n.js';
import { formatValue, type ValueKind } from './figures.js';

const WIDTH = 420;
const HEIGHT = 460;
const MAX_RADIUS = 26;

/**
 * The country outline from Natural Earth 1:50m (npm world-atlas): Morocco (ISO 504) and the territory Natural
 * Earth names Western Sahara (732), where two of the twelve regions and their capitals lie, merged into one shape.
 * Region boundaries are not drawn: no package of them exists on the registry, and a made-up line would mislead.
 * Projected once, at first use (Mercator fitted to the box), and kept.
 */
let base: { outline: string; project: (lonLat: [number, number]) => [number, number] } | undefined;
function baseMap() {
  if (base) return base;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const parts = topo.objects.countries.geometries.filter((g) => g.id === '504' || g.id === '732');
  const shape = merge(topo, parts as Parameters<typeof merge>[1]);
  const projection = geoMercator().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], shape);
  const outline = geoPath(projection)(shape) ?? '';
  base = { outline: compact(outline), project: (p) => projection(p) ?? [0, 0] };
  return base;
}

/** Coordinates rounded to a tenth of a pixel: a smaller page, and no visible difference. */
const compact = (d: string) => d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));

export interface RegionMap {
  width: number;
  height: number;
  outline: string;
  symbols: { code: string; label: string; capital: string; value: number; text: string; x: number; y: number; r: number }[];
}

/**
 * Proportional symbols: a circle at each regional capital's real coordinates whose area is proportional to the
 * value (radius ∝ √value), labelled with the value. The map does not mirror in Arabic (geography has no reading
 * direction); its labels follow the page's language and digits.
 */
export function regionMap(values: { code: string; label: string; value: number }[], kind: ValueKind, lng: Locale): RegionMap {
  const { outline, project } = baseMap();
  const max = Math.max(0, ...values.map((v) => v.value));
  const symbols = values.flatMap((v) => {
    const capital = REGION_CAPITALS[v.code];
    if (!capital) return [];
    const [x, y] = project([capital.lon, capital.lat]);
    const r = max > 0 ? Math.sqrt(v.value / max) * MAX_RADIUS : 0;
    return [{ code: v.code, label: v.label, capital: capital.name[lng], value: v.value, text: formatValue(lng, kind, v.value), x: round(x), y: round(y), r: round(r) }];
  });
  // Big circles first, so that small ones stay visible on top.
  symbols.sort((a, b) => b.r - a.r);
  return { width: WIDTH, height: HEIGHT, outline, symbols };
}

const round = (n: number) => Math.round(n * 10) / 10;
