import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import type { Direction } from './bidi-text.js';

/** The direction and script of the run about to be measured or drawn. */
export interface LayoutHint {
  direction: Direction;
  script?: string;
}

const ZWJ = 0x200d;
const loaded = new Map<string, Font>();

function load(file: string): Font {
  let font = loaded.get(file);
  if (!font) {
    const parsed = create(readFileSync(file));
    if (!('layout' in parsed)) throw new Error(`${file} is a font collection, not a font`);
    font = parsed;
    loaded.set(file, font);
  }
  return font;
}

/**
 * The font as pdfkit sees it (pdfkit takes any object with fontkit's interface as a font source), except that
 * layout() shapes with the direction and script of the current hint: pdfkit calls layout(text, features) only,
 * and fontkit would otherwise guess both from the text, which goes wrong for a run of neutrals (": ", "(", digits).
 * The parsed font is shared by all documents; each document has its own hint.
 */
export function hintedFont(file: string, hint: LayoutHint): Font {
  return new Proxy(load(file), {
    get(target, prop, receiver) {
      if (prop === 'layout') {
        return (text: string, features?: string[] | Record<string, boolean>) => {
          const run = target.layout(text, features ?? [], hint.script, undefined, hint.direction);
          // Glyphs that GSUB inserts (Amiri adds connecting strokes between some letters) stand for no character;
          // pdfkit would write an empty ToUnicode entry, which extractors read as the glyph's number ("A"...).
          // They join letters, so they map to ZERO WIDTH JOINER, invisible in copied text.
          for (const glyph of run.glyphs) if (glyph.codePoints.length === 0) glyph.codePoints = [ZWJ];
          return run;
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
