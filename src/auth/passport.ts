import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { PrismaClient } from '../db/prisma.js';
import { authenticate } from './authenticate.js';
import { loadActor } from './load-actor.js';

/**
 * A passport instance of the app's own (not the global singleton), so several apps in one process — the tests —
 * never share state. Only the user id goes into the session; the user is reloaded on each request, so a disabled
 * account or a changed role takes effect at once.
 */
export function createPassport(prisma: PrismaClient, options: { allowDemoAccounts: boolean }) {
  const passport = new Passport();
  passport.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      authenticate(prisma, email, password, { ip: req.ip, now: new Date(), allowDemoAccounts: options.allowDemoAccounts }).then(
        (result) => (result.ok ? done(null, result.user) : done(null, false, { ...result, message: result.reason })),
        done,
      );
    }),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((id: string, done) => {
    loadActor(prisma, id).then((user) => done(null, user ?? false), done);
  });
  return passport;
}

export type AppPassport = ReturnType<typeof createPassport>;
