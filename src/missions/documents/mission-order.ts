import type { Locale } from '../../i18n/i18n.js';
import { drawFooter, drawHeader } from './header.js';
import { DocumentPage } from './page.js';
import type { MissionDocumentData } from './types.js';
import { documentValues } from './values.js';

/** The mission order of an approved mission, in the reader's language (Arabic set right to left). */
export async function renderMissionOrder(data: MissionDocumentData, lng: Locale): Promise<Buffer> {
  const v = documentValues(data, lng);
  const { t } = v;
  const title = t('missionDocuments.order.title');
  const page = new DocumentPage(lng, { title: `${title} ${data.missionRef}`, subject: data.needTitle, createdAt: data.issuedOn });
  drawHeader(page, v, title, data.demo);
  page.paragraph(t('missionDocuments.order.intro'), {}, 4);

  page.section(t('missionDocuments.order.expertSection'));
  page.row(t('missionDocuments.labels.name'), v.name, { weight: 'bold' });
  if (v.country) page.row(t('missionDocuments.labels.residence'), v.country);

  page.section(t('missionDocuments.order.missionSection'));
  page.row(t('missionDocuments.labels.subject'), v.need);
  page.row(t('missionDocuments.labels.institution'), v.institution);
  page.row(t('missionDocuments.labels.place'), v.place);
  page.row(t('missionDocuments.labels.dates'), v.period);
  page.row(t('missionDocuments.labels.duration'), v.duration);
  page.row(t('missionDocuments.labels.mode'), v.mode);

  page.section(t('missionDocuments.order.budgetSection'));
  if (v.budget) {
    page.row(t('missionDocuments.labels.travel'), v.budget.travel);
    page.row(t('missionDocuments.labels.perDiem'), v.budget.perDiem);
    page.row(t('missionDocuments.labels.total'), v.budget.total, { weight: 'bold' });
    page.row(t('missionDocuments.labels.currency'), v.budget.currency);
  } else {
    page.paragraph(t('missionDocuments.order.noBudget'));
  }

  page.section(t('missionDocuments.order.approvalSection'));
  page.row(t('missionDocuments.labels.approvedOn'), v.approvedOn ?? '—');
  page.row(t('missionDocuments.labels.approvedBy'), v.officer ?? '—');

  page.signatures([
    { caption: t('missionDocuments.signatures.expert'), name: v.name, note: t('missionDocuments.signatures.note') },
    { caption: t('missionDocuments.signatures.institution'), name: v.institution, note: t('missionDocuments.signatures.note') },
    { caption: t('missionDocuments.signatures.officer'), name: v.officer, note: t('missionDocuments.signatures.note') },
  ]);
  drawFooter(page, v);
  return page.finish();
}
