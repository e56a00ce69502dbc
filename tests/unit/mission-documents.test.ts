import { describe, expect, it } from 'vitest';
import { extractText } from '../helpers/pdf-text.js';
import { directionOf, LOCALES, translator, type Locale } from '../../src/i18n/i18n.js';
import { formatters } from '../../src/i18n/format.js';
import { renderCertificate, renderMissionOrder, type MissionDocumentData } from '../../src/missions/documents/index.js';
import { analyse, breakLines, isolate, lineRuns } from '../../src/missions/documents/bidi-text.js';
import { toCents } from '../../src/missions/documents/values.js';

const ARABIC_NAME = 'نادية بنعلي';
const INSTITUTION = 'Université Hassan II de Casablanca';

function mission(overrides: Partial<MissionDocumentData> = {}): MissionDocumentData {
  return {
    missionRef: 'M-2026-0042',
    expertName: ARABIC_NAME,
    expertCountry: 'FR',
    institutionName: INSTITUTION,
    institutionCity: 'Casablanca',
    regionName: 'Casablanca-Settat',
    needTitle: 'Irrigation goutte-à-goutte : formation des techniciens',
    startsOn: new Date('2026-03-02T00:00:00Z'),
    endsOn: new Date('2026-03-13T00:00:00Z'),
    days: 12,
    // it really began two days late and ended two days early
    held: { startedOn: new Date('2026-03-04T00:00:00Z'), completedOn: new Date('2026-03-11T00:00:00Z'), days: 8 },
    mode: 'on_site',
    budget: { travelCost: '4500.00', perDiemDaily: '850.50', perDiemDays: 12, total: '14706.00', currency: 'MAD' },
    approvedOn: new Date('2026-02-10T00:00:00Z'),
    officerName: 'Karim El Idrissi',
    evaluation: { rating: 5, evaluatedOn: new Date('2026-04-01T00:00:00Z') },
    issuedOn: new Date('2026-04-02T00:00:00Z'),
    demo: true,
    ...overrides,
  };
}


/** pdf.js adds a space where Amiri kerns two Arabic letters apart ("مصار يف"): labels are compared without spaces. */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The number in a formatted amount ("14 706,00" of "14 706,00 MAD"), with spaces as extractText gives them. */
const digits = (money: string) => /\d[\d.,\s]*\d/.exec(money.normalize('NFKC'))![0].replace(/\s+/g, ' ');

describe('mission documents', () => {
  for (const lng of LOCALES) {
    describe(lng, () => {
      const t = translator(lng as Locale);
      const f = formatters(lng as Locale);
      const dir = directionOf(lng);

      it('renders the mission order: a PDF with the mission, the budget and the demo line', async () => {
        const pdf = await renderMissionOrder(mission(), lng);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = await extractText(pdf, dir);
        expect(squash(text)).toContain(squash(t('missionDocuments.order.title')));
        expect(text).toContain('M-2026-0042');
        expect(text).toContain(ARABIC_NAME);
        expect(text).toContain(INSTITUTION);
        expect(text).toContain('Karim El Idrissi');
        expect(squash(text)).toContain(squash(t('missionDocuments.demo')));
        expect(squash(text)).toContain(squash(t('missionDocuments.labels.travel')));
        // 850.50 × 12 = 10 206.00, and the total, formatted in the document's language
        expect(text).toContain(digits(f.money(10206, 'MAD')));
        expect(text).toContain(digits(f.money(14706, 'MAD')));
      });

      it('renders the certificate of participation with the expert and the host institution', async () => {
        const pdf = await renderCertificate(mission(), lng);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = await extractText(pdf, dir);
        expect(squash(text)).toContain(squash(t('missionDocuments.certificate.title')));
        expect(text).toContain(ARABIC_NAME);
        // the body is a wrapped paragraph: the institution's name may run onto the next line
        expect(text.replace(/\s+/g, ' ')).toContain(INSTITUTION);
        expect(squash(text)).toContain(squash(t('missionDocuments.demo')));
      });

      it('certifies the days the mission really took place, not the planned ones, and nothing without them', async () => {
        const text = squash(await extractText(await renderCertificate(mission(), lng), dir));
        expect(text).toContain(squash(t('missionDocuments.days', { count: 8 })));
        expect(text).not.toContain(squash(t('missionDocuments.days', { count: 12 })));
        if (lng !== 'ar') expect(text).toContain(squash(t('missionDocuments.period', { start: f.date(new Date('2026-03-04')), end: f.date(new Date('2026-03-11')) })));
        expect(text).not.toContain(squash(f.date(new Date('2026-03-02'))));
        await expect(renderCertificate(mission({ held: undefined }), lng)).rejects.toThrow();
      });

      it('leaves the demo line out for real data, and renders without budget or approval yet', async () => {
        const data = mission({ demo: false, budget: undefined, approvedOn: undefined, officerName: undefined, evaluation: undefined, expertCountry: undefined });
        for (const pdf of [await renderMissionOrder(data, lng), await renderCertificate(data, lng)]) {
          const text = await extractText(pdf, dir);
          expect(squash(text)).not.toContain(squash(t('missionDocuments.demo')));
          expect(text).toContain(ARABIC_NAME);
        }
        expect(squash(await extractText(await renderMissionOrder(data, lng), dir))).toContain(squash(t('missionDocuments.order.noBudget')));
      });
    });
  }

  it('writes an Arabic-named expert in Arabic letters, joined, in an Arabic document', async () => {
    const text = await extractText(await renderMissionOrder(mission(), 'ar'), 'rtl');
    expect(text).toContain(ARABIC_NAME);
    const name = text.split('\n').find((line) => line.includes('نادية'));
    expect(name).toMatch(/^[\u0600-\u06FF ]*نادية بنعلي[\u0600-\u06FF ]*$/);
    // a glyph that Amiri inserts between خ and ب reads as nothing, not as a stray letter ("الخAبرة")
    expect(squash(text)).toContain(squash('بمهمة الخبرة الموصوفة أدناه'));
    expect(text).not.toMatch(/[\u0600-\u06FF][A-Za-z][\u0600-\u06FF]/);
    // the French institution name comes out whole and in order inside the Arabic document
    expect(text).toContain(INSTITUTION);
    expect(text).toContain('Irrigation goutte-à-goutte : formation des techniciens');
  });

  it('embeds the font (no reliance on a system font)', async () => {
    const pdf = (await renderMissionOrder(mission(), 'ar')).toString('latin1');
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).toMatch(/Amiri/);
  });
});

describe('bidi layout of a line', () => {
  const texts = (text: string, base: 'rtl' | 'ltr') => {
    const p = analyse(text, base);
    return lineRuns(p, 0, text.length).map((r) => `${r.direction}:${r.text}`);
  };

  it('puts a Latin value to the left of its Arabic label in a right-to-left line', () => {
    expect(texts(`الاسم: ${isolate('Université Hassan II')}`, 'rtl')).toEqual(['ltr:Université Hassan II', 'rtl:الاسم: ']);
  });

  it('keeps an Arabic name as one right-to-left run inside a French line', () => {
    expect(texts(`Nom : ${isolate(ARABIC_NAME)} (France)`, 'ltr')).toEqual(['ltr:Nom : ', `rtl:${ARABIC_NAME}`, 'ltr: (France)']);
  });

  it('orders Arabic, numbers and Latin words of one sentence from right to left', () => {
    expect(texts('من 2026/03/02 إلى 2026/03/13', 'rtl')).toEqual(['ltr:2026/03/13', 'rtl: إلى ', 'ltr:2026/03/02', 'rtl:من ']);
  });

  it('mirrors brackets in right-to-left runs', () => {
    expect(texts('الخبير(ة)', 'rtl')).toEqual(['rtl:الخبير)ة(']);
  });

  it('breaks a long paragraph into lines that fit', () => {
    const p = analyse('كلمة '.repeat(40).trim(), 'rtl');
    const lines = breakLines(p, 50, (s) => s.trimEnd().length * 2);
    expect(lines.length).toBeGreaterThan(5);
    for (const [a, b] of lines) expect(p.text.slice(a, b).trimEnd().length * 2).toBeLessThanOrEqual(50);
    expect(lines.map(([a, b]) => p.text.slice(a, b)).join('')).toBe(p.text);
  });
});

describe('amounts', () => {
  it('reads decimal strings exactly', () => {
    expect(toCents('850.50') * 12n).toBe(1020600n);
    expect(toCents('0.1') + toCents('0.2')).toBe(toCents('0.30'));
    expect(toCents('14706')).toBe(1470600n);
    expect(() => toCents('12.345')).toThrow();
  });
});
