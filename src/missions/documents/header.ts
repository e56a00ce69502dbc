import { ACCENT, MUTED, type DocumentPage } from './page.js';
import type { DocumentValues } from './values.js';

/** The top of every mission document: issuer, programme, title, reference, and the demo line when it applies. */
export function drawHeader(page: DocumentPage, v: DocumentValues, title: string, demo: boolean): void {
  const { t } = v;
  page.paragraph(t('missionDocuments.organisation'), { size: 12, weight: 'bold', color: ACCENT }, 0);
  page.paragraph(t('missionDocuments.programme'), { size: 10, color: MUTED }, 6);
  page.rule();
  page.y += 6;
  page.paragraph(title, { size: 22, weight: 'bold', align: 'center' }, 2);
  page.paragraph(`${t('missionDocuments.reference', { ref: v.ref })}  ·  ${t('missionDocuments.issuedOn', { date: v.issuedOn })}`, {
    size: 10,
    color: MUTED,
    align: 'center',
  }, 10);
  if (demo) page.demoBanner(t('missionDocuments.demo'));
}

export function drawFooter(page: DocumentPage, v: DocumentValues): void {
  page.footer(v.t('missionDocuments.footer', { ref: v.ref }));
}
