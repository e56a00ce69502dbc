import { Router } from 'express';
import type { AppPassport } from './passport.js';
import type pg from 'pg';
import type { PrismaClient } from '../db/prisma.js';
import type { RateLimits } from '../http/limits.js';
import { accountRoutes } from './account-routes.js';
import { registrationRoutes } from './registration-routes.js';
import { signInRoutes } from './sign-in-routes.js';

export interface AuthRouteDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  publicUrl: string;
  limits: RateLimits;
}

export function authRoutes(deps: AuthRouteDeps, passport: AppPassport): Router {
  const router = Router();
  router.use(signInRoutes(deps, passport));
  router.use(registrationRoutes(deps));
  router.use(accountRoutes(deps));
  return router;
}
