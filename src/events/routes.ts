import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import type { Clock } from '../lib/clock.js';
import { UUID_PATTERN } from '../lib/uuid.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { displayNames, LANGUAGE_CODES } from '../reference/codes.js';
import { renderEventCertificate } from './certificate.js';
import { createEvent } from './create-event.js';
import { eventIcs } from './ics.js';
import { eventPolicy } from './policy.js';
import { eventWhen, listEvents, loadEvent, participantName } from './queries.js';
import { cancelRegistration, registerForEvent } from './register-for-event.js';
import { cancelEvent, recordAttendance, writeOutcomes } from './record-results.js';
import { attendanceSchema, EVENT_THEMES, eventFormSchema, outcomesSchema, resolveEventForm } from './schemas.js';

interface Deps { prisma: PrismaClient; publicUrl: string; clock: Clock }

/** Workshops and events: the list, an officer's new event, registration, waiting list, attendance, documents. */
export function eventRoutes({ prisma, publicUrl, clock }: Deps): Router {
  const router = Router();
  const idOf = (req: Request) => {
    const id = String(req.params.id);
    if (!UUID_PATTERN.test(id)) throw AppError.notFound();
    return id;
  };
  const ctx = (req: Request) => ({ actorId: req.user!.id, ip: req.ip, now: clock(), publicUrl });

  router.get('/events', async (req, res) => {
    const { upcoming, past } = await listEvents(prisma, clock());
    const when = (e: Parameters<typeof eventWhen>[0]) => eventWhen(e, req.lng);
    res.render('events/index', { upcoming, past, when, canOrganise: eventPolicy.organise(req.user) });
  });

  const renderForm = (req: Request, res: Response, status: number, values: Record<string, string>, errors: FieldErrors) =>
    res.status(status).render('events/new', { values, errors, themes: EVENT_THEMES, languages: displayNames(req.lng, 'language', LANGUAGE_CODES) });

  router.get('/events/new', requireUser, (req, res) => {
    authorize(eventPolicy.organise(req.user));
    renderForm(req, res, 200, { timeZone: 'Africa/Casablanca', capacity: '30', audiences: 'diaspora' }, {});
  });

  router.post('/events', requireUser, async (req, res) => {
    authorize(eventPolicy.organise(req.user));
    const form = parseForm(eventFormSchema, req.body);
    if (!form.ok) return renderForm(req, res, 400, form.values, form.errors);
    const resolved = resolveEventForm(form.data);
    if (!resolved.ok) return renderForm(req, res, 400, echo(req.body), resolved.errors);
    const id = await createEvent(prisma, resolved.data, ctx(req));
    setFlash(req, 'success', 'events.created');
    res.redirect(303, `/events/${id}`);
  });

  router.get('/events/:id', async (req, res) => {
    const organiser = eventPolicy.organise(req.user);
    const page = await loadEvent(prisma, idOf(req), req.user?.id, organiser);
    if (!page) throw AppError.notFound();
    res.render('events/show', { ...page, when: eventWhen(page.event, req.lng), organiser, now: clock() });
  });

  router.post('/events/:id/register', requireUser, async (req, res) => {
    const id = idOf(req);
    const event = await prisma.event.findUnique({ where: { id }, select: { audiences: true } });
    if (!event) throw AppError.notFound();
    const profile = req.user!.role === 'expert' ? await prisma.expertProfile.findUnique({ where: { userId: req.user!.id }, select: { kind: true } }) : null;
    authorize(eventPolicy.register(req.user, profile?.kind, event.audiences));
    const outcome = await registerForEvent(prisma, id, ctx(req));
    if (outcome === 'notFound') throw AppError.notFound();
    const ok = outcome === 'confirmed' || outcome === 'waitlisted';
    setFlash(req, ok ? 'success' : 'error', `events.registration.${outcome}`);
    res.redirect(303, `/events/${id}`);
  });

  router.post('/events/:id/cancel-registration', requireUser, async (req, res) => {
    const id = idOf(req);
    const result = await cancelRegistration(prisma, id, ctx(req));
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? 'events.registration.cancelled' : `events.registration.${result.reason}`);
    res.redirect(303, `/events/${id}`);
  });

  router.post('/events/:id/cancel', requireUser, async (req, res) => {
    authorize(eventPolicy.organise(req.user));
    const id = idOf(req);
    const form = parseForm(attendanceSchema.pick({ version: true }), req.body);
    if (!form.ok) throw AppError.badRequest();
    const result = await cancelEvent(prisma, id, form.data, ctx(req));
    if (!result.ok && result.reason === 'notFound') throw AppError.notFound();
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? 'events.cancelledEvent' : `events.errors.${result.reason}`);
    res.redirect(303, `/events/${id}`);
  });

  const results = (kind: 'attendance' | 'outcomes') => async (req: Request, res: Response) => {
    authorize(eventPolicy.organise(req.user));
    const id = idOf(req);
    let result;
    if (kind === 'attendance') {
      const form = parseForm(attendanceSchema, req.body);
      if (!form.ok) throw AppError.badRequest();
      result = await recordAttendance(prisma, id, form.data, ctx(req));
    } else {
      const form = parseForm(outcomesSchema, req.body);
      if (!form.ok) {
        setFlash(req, 'error', 'events.errors.outcomesLength');
        return res.redirect(303, `/events/${id}`);
      }
      result = await writeOutcomes(prisma, id, form.data, ctx(req));
    }
    if (!result.ok && result.reason === 'notFound') throw AppError.notFound();
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? `events.${kind}Saved` : `events.errors.${result.reason}`);
    res.redirect(303, `/events/${id}`);
  };
  router.post('/events/:id/attendance', requireUser, results('attendance'));
  router.post('/events/:id/outcomes', requireUser, results('outcomes'));

  router.get('/events/:id/event.ics', async (req, res) => {
    const event = await prisma.event.findUnique({ where: { id: idOf(req) } });
    if (!event) throw AppError.notFound();
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="jisr-event-${event.id.slice(0, 8)}.ics"`);
    res.send(eventIcs(event, publicUrl, clock()));
  });

  router.get('/events/:id/certificate.pdf', requireUser, async (req, res) => {
    const id = idOf(req);
    const event = await prisma.event.findUnique({ where: { id } });
    if (!event) throw AppError.notFound();
    const mine = await prisma.eventRegistration.findUnique({ where: { eventId_userId: { eventId: id, userId: req.user!.id } } });
    authorize(eventPolicy.certificate(req.user, mine ?? undefined));
    const pdf = await renderEventCertificate({
      eventId: id, participantName: await participantName(prisma, req.user!.id), eventTitle: event.title,
      startsAt: event.startsAt, endsAt: event.endsAt, timeZone: event.timeZone, place: event.place, issuedOn: clock(),
    }, req.lng);
    await recordAudit(prisma, { actorId: req.user!.id, action: 'event.certificate_downloaded', entity: 'Event', entityId: id, ip: req.ip });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="jisr-event-certificate-${id.slice(0, 8)}.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(pdf);
  });

  return router;
}

/** What the officer typed, shown back (strings only; repeated check boxes joined). */
function echo(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v.slice(0, 5000);
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(',');
  }
  return out;
}
