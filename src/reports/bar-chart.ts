import type { Locale } from '../i18n/i18n.js';
import { formatValue, type Figure } from './figures.js';

/** Geometry of a horizontal bar chart, drawn by views/reports/_chart.ejs as SVG (no script, no inline style). */
export interface BarChart {
  width: number;
  height: number;
  dir: 'ltr' | 'rtl';
  axis: { x1: number; x2: number; y: number; ticks: { x: number; text: string }[] };
  bars: { label: string; short: string; text: string; y: number; x: number; w: number; labelX: number; valueX: number; textY: number }[];
}

const WIDTH = 640;
const LABEL = 210;
const VALUE_ROOM = 90;
const ROW = 26;
const BAR = 16;
const TOP = 28;

/** 1, 2 or 5 × 10^k at or above v: a scale whose ends read as round numbers. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

const shorten = (s: string, max = 30) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Lays out one column of a figure as bars. In Arabic everything is mirrored (labels on the right, bars growing
 * leftwards, the axis read from right to left); text-anchor "end" then means the left edge of right-to-left text,
 * so the same anchors serve both directions. Values are formatted as the table formats them.
 */
export function barChart(fig: Figure, lng: Locale, dir: 'ltr' | 'rtl'): BarChart | undefined {
  if (fig.chart === undefined) return undefined;
  const col = fig.chart;
  const kind = fig.columns[col]!.kind;
  const max = kind === 'percent' ? 100 : niceMax(Math.max(0, ...fig.rows.map((r) => r.values[col] ?? 0)));
  const span = WIDTH - LABEL - VALUE_ROOM;
  const mirror = (x: number) => (dir === 'rtl' ? WIDTH - x : x);
  const bars = fig.rows.map((r, i) => {
    const v = r.values[col] ?? 0;
    const w = Math.max(0, (v / max) * span);
    const y = TOP + i * ROW;
    return {
      label: r.label, short: shorten(r.label), text: formatValue(lng, kind, r.values[col] ?? null),
      y, w: Math.round(w * 10) / 10, x: dir === 'rtl' ? WIDTH - LABEL - w : LABEL,
      labelX: mirror(LABEL - 6), valueX: mirror(LABEL + w + 4), textY: y + BAR - 3,
    };
  });
  const ticks = [0, max / 2, max].map((v) => ({ x: mirror(LABEL + (v / max) * span), text: formatValue(lng, kind, v) }));
  return { width: WIDTH, height: TOP + fig.rows.length * ROW + 4, dir, axis: { x1: mirror(LABEL), x2: mirror(LABEL + span), y: TOP - 4, ticks }, bars };
}
