import type { Locale } from '../../i18n/i18n.js';
import { drawFooter, drawHeader } from './header.js';
import { ACCENT, DocumentPage } from './page.js';
import type { MissionDocumentData } from './types.js';
import { documentValues } from './values.js';

/**
 * The certificate of participation given to the expert once the host institution has evaluated the mission. It
 * attests the days the mission really took place, never the planned ones: without them there is no certificate.
 */
export async function renderCertificate(data: MissionDocumentData, lng: Locale): Promise<Buffer> {
  const v = documentValues(data, lng);
  if (!v.heldPeriod || !v.heldDuration) throw new Error('a certificate needs the days the mission really took place');
  const { t } = v;
  const title = t('missionDocuments.certificate.title');
  const page = new DocumentPage(lng, { title: `${title} ${data.missionRef}`, subject: data.needTitle, createdAt: data.issuedOn });
  drawHeader(page, v, title, data.demo);
  page.y += 16;
  page.paragraph(t('missionDocuments.certificate.attests'), { size: 13, align: 'center' }, 8);
  page.paragraph(v.name, { size: 24, weight: 'bold', color: ACCENT, align: 'center' }, 8);
  if (v.country) page.paragraph(t('missionDocuments.certificate.residence', { country: v.country }), { size: 11, align: 'center' }, 8);
  page.paragraph(
    t('missionDocuments.certificate.body', {
      need: v.need,
      institution: v.institution,
      place: v.place,
      period: v.heldPeriod,
      duration: v.heldDuration,
      mode: v.modePhrase,
    }),
    { size: 13, align: 'center' },
    10,
  );
  if (v.evaluatedOn) page.paragraph(t('missionDocuments.certificate.evaluated', { date: v.evaluatedOn }), { size: 12, align: 'center' }, 8);
  page.paragraph(t('missionDocuments.certificate.thanks'), { size: 12, align: 'center' }, 8);
  page.paragraph(t('missionDocuments.certificate.purpose'), { size: 11, align: 'center' }, 20);
  page.paragraph(t('missionDocuments.certificate.doneOn', { date: v.issuedOn }), { size: 11, align: 'end' }, 4);

  page.signatures([
    { caption: t('missionDocuments.signatures.officer'), name: v.officer, note: t('missionDocuments.signatures.note') },
  ]);
  drawFooter(page, v);
  return page.finish();
}
