import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Logger } from './lib/logger.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { localeMiddleware } from './http/locale.js';
import { securityHeaders } from './http/security.js';
import { opsRoutes } from './ops/routes.js';
import { homeRoutes } from './home/routes.js';
import { needsRoutes } from './needs/routes.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
}

/** Builds the Express application; listening and shutdown belong to server.ts, so tests run it on port 0. */
export function createApp({ config, db, logger }: AppDeps): Express {
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
    }),
  );
  app.use(securityHeaders(config));
  const staticOptions = { maxAge: config.env === 'production' ? '7d' : 0, index: false };
  app.use('/static', express.static(path.join(ROOT, 'public'), staticOptions));
  app.use('/vendor/bootstrap', express.static(path.join(ROOT, 'node_modules/bootstrap/dist'), staticOptions));
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/static/favicon.svg'));
  app.use(localeMiddleware(config.trustProxy > 0));

  app.use(opsRoutes(db));
  app.use(homeRoutes({ prisma: db.prisma }));
  app.use(needsRoutes({ prisma: db.prisma }));

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
