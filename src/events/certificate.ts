import { formatters } from '../i18n/format.js';
import { translator, type Locale } from '../i18n/i18n.js';
import { isolate } from '../missions/documents/bidi-text.js';
import { ACCENT, DocumentPage } from '../missions/documents/page.js';

export interface EventCertificateData {
  eventId: string;
  participantName: string;
  eventTitle: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  issuedOn: Date;
}

/**
 * The participation certificate of an event, drawn with the missions' document module (its fonts shape Arabic and
 * lay out right-to-left pages). User values are bidi-isolated, as in the mission certificate.
 */
export async function renderEventCertificate(data: EventCertificateData, lng: Locale): Promise<Buffer> {
  const t = translator(lng);
  const f = formatters(lng);
  const day = new Intl.DateTimeFormat(lng === 'ar' ? 'ar-MA' : lng, { dateStyle: 'long', timeZone: data.timeZone, numberingSystem: 'latn' });
  const title = t('events.certificate.title');
  const ref = `JISR-EV-${data.eventId.slice(0, 8).toUpperCase()}`;
  const page = new DocumentPage(lng, { title: `${title} ${ref}`, subject: data.eventTitle, createdAt: data.issuedOn });
  page.paragraph(title, { size: 22, weight: 'bold', color: ACCENT, align: 'center' }, 6);
  page.paragraph(t('events.certificate.reference', { ref }), { size: 10, align: 'center' }, 18);
  page.paragraph(t('events.certificate.attests'), { size: 13, align: 'center' }, 8);
  page.paragraph(data.participantName, { size: 24, weight: 'bold', color: ACCENT, align: 'center' }, 8);
  page.paragraph(
    t('events.certificate.body', {
      title: isolate(data.eventTitle),
      period: isolate(day.formatRange(data.startsAt, data.endsAt)),
      place: isolate(data.place ?? t('events.online')),
    }),
    { size: 13, align: 'center' },
    20,
  );
  page.paragraph(t('events.certificate.doneOn', { date: isolate(f.date(data.issuedOn)) }), { size: 11, align: 'end' }, 4);
  page.signatures([{ caption: t('missionDocuments.signatures.officer'), note: t('missionDocuments.signatures.note') }]);
  page.footer(t('events.certificate.footer', { ref }));
  return page.finish();
}
