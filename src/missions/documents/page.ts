import PDFDocument from 'pdfkit';
import { directionOf, type Locale } from '../../i18n/i18n.js';
import { analyse, breakLines, lineRuns, type Direction, type VisualRun } from './bidi-text.js';
import { FONTS, type FontWeight } from './fonts.js';
import { hintedFont, type LayoutHint } from './shaping-font.js';

export interface TextStyle {
  size?: number;
  weight?: FontWeight;
  color?: string;
  /** start and end follow the document's direction (start is the right edge in Arabic). */
  align?: 'start' | 'end' | 'center';
}

interface Box extends TextStyle {
  x: number;
  width: number;
  y: number;
}

const INK = '#1a1a1a';
export const MUTED = '#555555';
export const ACCENT = '#0b3a82';
const DANGER = '#a4161a';
const LINE_HEIGHT = 1.55;

/** One A4 document drawn top to bottom, in the reader's direction, collected into a Buffer. */
export class DocumentPage {
  readonly doc: PDFKit.PDFDocument;
  readonly dir: Direction;
  readonly left = 56;
  readonly right: number;
  readonly bottom: number;
  y = 48;
  private readonly done: Promise<Buffer>;
  private readonly hint: LayoutHint = { direction: 'ltr' };

  constructor(lng: Locale, info: { title: string; subject: string; createdAt: Date }) {
    this.dir = directionOf(lng);
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      lang: lng,
      displayTitle: true,
      info: { Title: info.title, Subject: info.subject, Author: 'Jisr', Creator: 'Jisr', CreationDate: info.createdAt },
    });
    this.right = this.doc.page.width - this.left;
    this.bottom = this.doc.page.height - 56;
    // pdfkit accepts a fontkit-like object as a font source; its typings only list files and buffers
    for (const weight of ['regular', 'bold'] as const) {
      this.doc.registerFont(weight, hintedFont(FONTS[weight], this.hint) as unknown as Buffer);
    }
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return this.right - this.left;
  }

  /** Draws wrapped text in a box, every line through the bidi algorithm; returns the height used. */
  textBox(text: string, box: Box): number {
    const { doc } = this;
    const size = box.size ?? 11;
    doc.font(box.weight ?? 'regular').fontSize(size).fillColor(box.color ?? INK);
    // `features` makes pdfkit shape a run as one piece (without it, it shapes word by word, in logical order)
    const measure = (s: string) => doc.widthOfString(s, { features: [] });
    const measureRun = (run: VisualRun) => {
      Object.assign(this.hint, { direction: run.direction, script: run.script });
      return measure(run.text);
    };
    const lineHeight = size * LINE_HEIGHT;
    let y = box.y;
    for (const paragraphText of text.split('\n')) {
      const paragraph = analyse(paragraphText, this.dir);
      // line widths are measured in logical order with the paragraph's direction: close enough to break lines
      Object.assign(this.hint, { direction: this.dir, script: undefined });
      for (const [start, end] of breakLines(paragraph, box.width, measure)) {
        const runs = lineRuns(paragraph, start, end);
        const widths = runs.map(measureRun);
        const total = widths.reduce((a, b) => a + b, 0);
        const align = box.align ?? 'start';
        const atLeft = (align === 'start') === (this.dir === 'ltr');
        let x = align === 'center' ? box.x + (box.width - total) / 2 : atLeft ? box.x : box.x + box.width - total;
        runs.forEach((run, i) => {
          Object.assign(this.hint, { direction: run.direction, script: run.script });
          doc.text(run.text, x, y, { lineBreak: false, features: [] });
          x += widths[i] ?? 0;
        });
        Object.assign(this.hint, { direction: this.dir, script: undefined });
        y += lineHeight;
      }
    }
    return y - box.y;
  }

  /** A paragraph across the page at the current position. */
  paragraph(text: string, style: TextStyle = {}, gap = 4): void {
    this.ensureRoom((style.size ?? 11) * LINE_HEIGHT);
    this.y += this.textBox(text, { ...style, x: this.left, width: this.width, y: this.y }) + gap;
  }

  /** A label and its value side by side (the label on the reader's starting side). */
  row(label: string, value: string, style: TextStyle = {}): void {
    const labelWidth = 165;
    const gutter = 12;
    const size = style.size ?? 11;
    this.ensureRoom(size * LINE_HEIGHT);
    const labelX = this.dir === 'ltr' ? this.left : this.right - labelWidth;
    const valueX = this.dir === 'ltr' ? this.left + labelWidth + gutter : this.left;
    const valueWidth = this.width - labelWidth - gutter;
    const h1 = this.textBox(label, { size, color: MUTED, x: labelX, width: labelWidth, y: this.y });
    const h2 = this.textBox(value, { ...style, size, x: valueX, width: valueWidth, y: this.y });
    this.y += Math.max(h1, h2) + 2;
  }

  section(title: string): void {
    this.y += 8;
    this.ensureRoom(60);
    this.paragraph(title, { size: 12.5, weight: 'bold', color: ACCENT }, 0);
    this.doc.moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(0.6).strokeColor(ACCENT).stroke();
    this.y += 6;
  }

  rule(color = ACCENT, width = 1.2): void {
    this.doc.moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(width).strokeColor(color).stroke();
    this.y += 10;
  }

  /** The "demo, fictitious data" line: red, boxed, on every document made from generated data. */
  demoBanner(text: string): void {
    const height = 13 * LINE_HEIGHT + 8;
    this.doc.save().rect(this.left, this.y, this.width, height).lineWidth(1.2).fillAndStroke('#fdecea', DANGER).restore();
    this.textBox(text, { size: 13, weight: 'bold', color: DANGER, align: 'center', x: this.left, width: this.width, y: this.y + 4 });
    this.y += height + 10;
  }

  /** Signature boxes side by side, the first on the reader's starting side. */
  signatures(boxes: { caption: string; name?: string; note: string }[]): void {
    const gap = 24;
    const boxWidth = Math.min(230, (this.width - gap * (boxes.length - 1)) / boxes.length);
    const height = 110;
    this.y += 10;
    this.ensureRoom(height);
    // one box sits on the reader's ending side, where a signature is expected; several start on the starting side
    const fromStart = boxes.length > 1;
    boxes.forEach((b, i) => {
      const offset = i * (boxWidth + gap);
      const x = (this.dir === 'ltr') === fromStart ? this.left + offset : this.right - offset - boxWidth;
      this.doc.rect(x, this.y, boxWidth, height).lineWidth(0.6).strokeColor('#999999').stroke();
      const inner = { x: x + 10, width: boxWidth - 20 };
      let y = this.y + 6;
      y += this.textBox(b.caption, { ...inner, y, weight: 'bold', size: 10.5 });
      if (b.name) this.textBox(b.name, { ...inner, y, size: 10.5 });
      this.textBox(b.note, { ...inner, y: this.y + height - 24, size: 9, color: MUTED });
    });
    this.y += height + 10;
  }

  /** A small line at the foot of the last page. */
  footer(text: string): void {
    this.textBox(text, { size: 8.5, color: MUTED, align: 'center', x: this.left, width: this.width, y: this.bottom + 18 });
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }

  private ensureRoom(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = 48;
  }
}
