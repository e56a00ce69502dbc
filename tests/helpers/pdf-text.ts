import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of every page, as pdf.js reads it back, line by line in reading order. pdfkit writes a ToUnicode map
 * from each glyph to the characters it was shaped from, so the joined Arabic forms come back as the base letters
 * U+0600–U+06FF (not as presentation forms U+FB50–U+FEFF; NFKC below would fold those if an extractor returned
 * them, and it turns the narrow no-break spaces of French numbers into plain spaces), and pdf.js returns each
 * right-to-left item in logical order. pdf.js also cuts a word into two items where the font tucks one letter under
 * the previous one (Amiri's kaf + ra in "مشاركة"), and lists the items of a line left to right: so the items of
 * a line are put back into reading order here, as a reader does (in a right-to-left line, from the right, keeping
 * a sequence of left-to-right items in its order). Glyphs the font inserts to join letters read as ZERO WIDTH
 * JOINER: removed.
 */
export async function extractText(pdf: Buffer, dir: 'rtl' | 'ltr'): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const byLine = new Map<number, { x: number; str: string; dir: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5] as number);
      byLine.set(y, [...(byLine.get(y) ?? []), { x: item.transform[4] as number, str: item.str, dir: item.dir }]);
    }
    for (const y of [...byLine.keys()].sort((a, b) => b - a)) {
      const items = byLine.get(y)!.sort((a, b) => a.x - b.x);
      // items running against the line's direction form groups that keep their inner order
      const groups: { against: boolean; parts: string[] }[] = [];
      for (const item of items) {
        const against = (item.dir === 'rtl') !== (dir === 'rtl');
        const last = groups.at(-1);
        if (against && last?.against) last.parts.push(item.str);
        else groups.push({ against, parts: [item.str] });
      }
      const ordered =
        dir === 'rtl'
          ? groups.reverse().map((g) => g.parts.join(''))
          : groups.map((g) => (g.against ? g.parts.reverse() : g.parts).join(''));
      lines.push(ordered.join(''));
    }
  }
  await doc.destroy();
  return lines.join('\n').normalize('NFKC').replace(/\u200d/g, '').replace(/[^\S\n]+/g, ' ');
}
