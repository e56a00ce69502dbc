import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Logger } from './lib/logger.js';
import { systemClock, type Clock } from './lib/clock.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { localeMiddleware } from './http/locale.js';
import { securityHeaders } from './http/security.js';
import { opsRoutes } from './ops/routes.js';
import { noteWriteOutages, type Health } from './ops/health.js';
import { homeRoutes } from './home/routes.js';
import { needsRoutes } from './needs/routes.js';
import { needManageRoutes } from './needs/manage-routes.js';
import { candidacyRoutes } from './candidacies/routes.js';
import { missionRoutes } from './missions/routes.js';
import { eventRoutes } from './events/routes.js';
import { originRoutes } from './amedip/origin-routes.js';
import { communeRoutes } from './amedip/commune-routes.js';
import { exchangeRoutes } from './exchanges/routes.js';
import { partnerCountryRoutes } from './amedip/partner-country-routes.js';
import { perDiemRoutes } from './admin/per-diem-routes.js';
import { matchRoutes } from './matches/routes.js';
import { matcherWeightsRoutes } from './admin/matcher-weights-routes.js';
import { mailAdminRoutes } from './admin/mail-routes.js';
import { authRoutes } from './auth/routes.js';
import { createPassport } from './auth/passport.js';
import { meRoutes } from './me/routes.js';
import { expertRoutes } from './experts/routes.js';
import { adminRoutes } from './admin/routes.js';
import { csrfProtection } from './http/csrf.js';
import { submissionKeys } from './http/submission-key.js';
import { DEFAULT_LIMITS, type RateLimits } from './http/limits.js';
import { absoluteTimeout, flashMiddleware, saveSessionBeforeRedirect, sessionMiddleware } from './http/session.js';
import { institutionRoutes } from './institutions/routes.js';
import { officerRoutes } from './officer/routes.js';
import { cofinancingRoutes } from './cofinancing/routes.js';
import { investmentRoutes } from './investments/routes.js';
import { officerInvestmentRoutes } from './investments/officer-routes.js';
import { businessPlanStoreFor } from './investments/business-plan.js';
import { opportunityRoutes } from './opportunities/routes.js';
import { partnerBankRoutes } from './investments/partner-bank-routes.js';
import { reportRoutes } from './reports/routes.js';
import { fundingRoutes } from './funding/routes.js';
import { impactRoutes } from './reports/impact-routes.js';
import { privacyRoutes } from './privacy/routes.js';
import { apiRoutes } from './api/routes.js';
import { apiAdminRoutes } from './api/admin-routes.js';
import { taxonomyRoutes } from './taxonomy/routes.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export function maskTokens(url: string): string {
  return url.replace(/\/(reset|verify-email|confirm)\/[^/?#]+/g, '/$1/[token]').replace(/([?&]_csrf=)[^&#]*/g, '$1[token]');
}

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  /** loosened in tests that send many requests from one address */
  limits?: Partial<RateLimits>;
  /** today, for the rules that depend on it (a mission starts on its start date); tests set it */
  clock?: Clock;
  /** readiness beyond the database ping (draining); the server passes it, tests may leave it out */
  health?: Health;
}

/** Builds the Express application; listening and shutdown belong to server.ts, so tests run it on port 0. */
export function createApp({ config, db, logger, limits, clock = systemClock, health }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // A hop count, never `true`: otherwise a forged X-Forwarded-For would choose the client address.
  app.set('trust proxy', config.trustProxy);
  app.set('views', path.join(ROOT, 'views'));
  app.set('view engine', 'ejs');
  if (config.env !== 'test') app.enable('view cache');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      // Links that carry a secret (reset, verification, confirmation tokens) never reach the logs whole.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: maskTokens(req.url) }),
      },
    }),
  );
  app.use(securityHeaders(config));
  const staticOptions = { maxAge: config.env === 'production' ? '7d' : 0, index: false };
  app.use('/static', express.static(path.join(ROOT, 'public'), staticOptions));
  app.use('/vendor/bootstrap', express.static(path.join(ROOT, 'node_modules/bootstrap/dist'), staticOptions));
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/static/favicon.svg'));
  app.use(localeMiddleware(config.trustProxy > 0));

  app.use(opsRoutes(db, health));
  // The partner API, before the session and CSRF: partners present keys, never cookies.
  app.use(apiRoutes({ prisma: db.prisma, pool: db.pool, logger, clock }));

  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }));
  const passport = createPassport(db.prisma, { allowDemoAccounts: config.env !== 'production' });
  app.use(sessionMiddleware(config, db.pool));
  app.use(saveSessionBeforeRedirect);
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(absoluteTimeout());
  app.use(csrfProtection);
  app.use(submissionKeys);
  app.use(flashMiddleware);
  app.use((req, res, next) => {
    res.locals.currentUser = req.user;
    // Pages of a signed-in user may hold personal data: never cached by the browser or a proxy.
    if (req.user) res.setHeader('Cache-Control', 'no-store');
    next();
  });

  const prisma = db.prisma;
  app.use(homeRoutes({ prisma, clock }));
  app.use(impactRoutes({ prisma }));
  app.use(needsRoutes({ prisma }));
  app.use(authRoutes({ prisma, pool: db.pool, publicUrl: config.publicUrl, limits: { ...DEFAULT_LIMITS, ...limits } }, passport));
  app.use(meRoutes({ prisma }));
  app.use(expertRoutes({ prisma, pool: db.pool, config }));
  app.use(adminRoutes({ prisma, pool: db.pool }));
  app.use(needManageRoutes({ prisma, publicUrl: config.publicUrl }));
  app.use(candidacyRoutes({ prisma, pool: db.pool, publicUrl: config.publicUrl, limits: { ...DEFAULT_LIMITS, ...limits } }));
  app.use(institutionRoutes({ prisma, publicUrl: config.publicUrl }));
  // Before officerRoutes, whose guard on /officer admits officers only: admins read the reports too.
  app.use(reportRoutes({ prisma, pool: db.pool }));
  app.use(officerRoutes({ prisma, publicUrl: config.publicUrl }));
  app.use(missionRoutes({ prisma, publicUrl: config.publicUrl, clock }));
  app.use(perDiemRoutes({ prisma }));
  app.use(fundingRoutes({ prisma }));
  app.use(matchRoutes({ prisma, publicUrl: config.publicUrl }));
  app.use(matcherWeightsRoutes({ prisma }));
  app.use(cofinancingRoutes({ prisma }));
  app.use(opportunityRoutes({ prisma, publicUrl: config.publicUrl }));
  app.use(investmentRoutes({ prisma, publicUrl: config.publicUrl, store: businessPlanStoreFor(config.dataDir) }));
  app.use(officerInvestmentRoutes({ prisma }));
  app.use(partnerBankRoutes({ prisma }));
  app.use(mailAdminRoutes({ prisma }));
  app.use(partnerCountryRoutes({ prisma }));
  app.use(eventRoutes({ prisma, publicUrl: config.publicUrl, clock }));
  app.use(originRoutes({ prisma, clock }));
  app.use(communeRoutes({ prisma }));
  app.use(exchangeRoutes({ prisma, publicUrl: config.publicUrl }));
  app.use(privacyRoutes({ prisma }));
  app.use(apiAdminRoutes({ prisma, clock }));
  app.use(taxonomyRoutes({ prisma }));
  // ↑ feature routers are registered above this line, one line each ↑

  app.use(notFoundHandler);
  if (health) app.use(noteWriteOutages(health));
  app.use(errorHandler(logger));
  return app;
}
