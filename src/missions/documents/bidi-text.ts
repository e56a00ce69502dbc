import bidiFactory from 'bidi-js';

/**
 * Right-to-left and mixed-direction text for pdfkit.
 *
 * pdfkit shapes text through fontkit, which applies the font's OpenType GSUB/GPOS (Arabic joining forms, lam-alef
 * ligatures, mark positioning) and reverses the glyphs of a right-to-left run. Neither runs the Unicode bidi
 * algorithm: a Latin name inside an Arabic line, or an Arabic name inside a French line, would come out in the
 * wrong order, and parentheses and guillemets are not mirrored. pdfkit's default layout also shapes each word on
 * its own and concatenates the words in logical order, which reverses the order of Arabic words.
 *
 * So each line is split here into directional runs with bidi-js (UAX #9: embedding levels on the whole
 * paragraph, rule L1 for trailing spaces, rule L2 to order the runs), and every run is drawn on its own, left to
 * right in visual order. Inside a run the text stays in logical order (fontkit needs that to shape), mirrored
 * if it is right to left, and is shaped as one piece with the run's direction and script (see shaping-font.ts):
 * the script matters for neutrals, as Amiri draws "." "(" "«" and digits differently in Arabic and Latin text.
 */
const bidi = bidiFactory();

export type Direction = 'rtl' | 'ltr';

/** A piece of a line with one direction, as it must be handed to the shaper (logical order, mirrored if RTL). */
export interface VisualRun {
  text: string;
  direction: Direction;
  /** OpenType script tag to shape with ('arab', 'latn', …), from the run's letters or, for neutrals, their context. */
  script?: string;
}

/** First strong isolate and pop directional isolate: wrap inserted values so they keep their own direction. */
export const FSI = '\u2068';
export const PDI = '\u2069';

export function isolate(value: string): string {
  return `${FSI}${value}${PDI}`;
}

/** Bidi formatting characters: they steer the algorithm but are never drawn (fonts have no glyph for most). */
const CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/u, 'arab'],
  [/\p{Script=Latin}/u, 'latn'],
  [/\p{Script=Hebrew}/u, 'hebr'],
  [/\p{Script=Tifinagh}/u, 'tfng'],
];
const NEUTRAL_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]/u;

export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** The OpenType script of a character that has a script of its own (not a digit, space or punctuation). */
function scriptOf(ch: string): string | undefined {
  if (NEUTRAL_SCRIPT.test(ch)) return undefined;
  return SCRIPTS.find(([re]) => re.test(ch))?.[1] ?? 'DFLT';
}

/** The script of a run: its first letter's, or else the nearest letter's before it, after it, or the paragraph's. */
function runScript(text: string, start: number, end: number, base: Direction): string | undefined {
  const first = (from: number, to: number, step: number) => {
    for (let i = from; i !== to; i += step) {
      const sc = scriptOf(text[i] ?? ' ');
      if (sc) return sc;
    }
    return undefined;
  };
  const found = first(start, end, 1) ?? first(start - 1, -1, -1) ?? first(end, text.length, 1) ?? (base === 'rtl' ? 'arab' : 'latn');
  return found === 'DFLT' ? undefined : found;
}

function mirror(text: string): string {
  return [...text].map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');
}

/** A paragraph's embedding levels, computed once for all its lines. */
export interface Paragraph {
  text: string;
  levels: Uint8Array;
  base: Direction;
}

export function analyse(text: string, base: Direction): Paragraph {
  return { text, levels: bidi.getEmbeddingLevels(text, base).levels, base };
}

/** The runs of the line text[start, end) of a paragraph, in visual order (left to right). */
export function lineRuns(p: Paragraph, start: number, end: number): VisualRun[] {
  const baseLevel = p.base === 'rtl' ? 1 : 0;
  // L1 puts whitespace at the end of a line back to the paragraph level, at the line's far end: it is left out
  // here, so that it does not shift a centred or end-aligned line.
  while (end > start && /\s|[\u2066-\u2069]/u.test(p.text[end - 1] ?? '')) end--;
  const levels = Array.from(p.levels.subarray(start, end));

  const runs: { start: number; end: number; level: number }[] = [];
  levels.forEach((level, i) => {
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.end = start + i + 1;
    else runs.push({ start: start + i, end: start + i + 1, level });
  });
  // L2: from the highest level down to the lowest odd level, reverse every sequence of runs at that level or higher.
  const max = Math.max(baseLevel, ...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.flatMap((r): VisualRun[] => {
    const text = stripControls(p.text.slice(r.start, r.end));
    if (!text) return [];
    const direction: Direction = r.level % 2 === 1 ? 'rtl' : 'ltr';
    const script = runScript(p.text, r.start, r.end, p.base);
    return [{ text: direction === 'rtl' ? mirror(text) : text, direction, script }];
  });
}

/** Greedy line breaking at spaces (and inside a word too long for the line); returns [start, end) per line. */
export function breakLines(p: Paragraph, maxWidth: number, measure: (text: string) => number): [number, number][] {
  const text = p.text;
  const n = text.length;
  // no-break spaces (French « », thousands in numbers) are not break opportunities
  const isSpace = (i: number) => /[^\S\u00a0\u2007\u202f]/u.test(text[i] ?? '');
  const width = (a: number, b: number) => measure(stripControls(text.slice(a, b)));
  const lines: [number, number][] = [];
  let start = 0;
  while (start < n) {
    let end = start;
    for (let i = start; i < n; ) {
      let wordEnd = i;
      while (wordEnd < n && !isSpace(wordEnd)) wordEnd++;
      let next = wordEnd;
      while (next < n && isSpace(next)) next++;
      if (width(start, wordEnd) > maxWidth) break;
      end = next;
      i = next;
    }
    if (end === start) {
      // a single word wider than the line: cut it where it stops fitting
      end = start + 1;
      while (end < n && !isSpace(end) && width(start, end + 1) <= maxWidth) end++;
    }
    lines.push([start, end]);
    start = end;
  }
  return lines;
}
