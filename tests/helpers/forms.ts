import type { Express } from 'express';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';

/** The hidden CSRF token of the first form on a page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field on the page');
  return m[1]!;
}

/** An agent (keeps cookies) that fetches a page and posts its form with the page's CSRF token. */
export function browserLike(app: Express) {
  const agent = request.agent(app);
  return {
    agent,
    async post(pagePath: string, action: string, fields: Record<string, string>) {
      const page = await agent.get(pagePath);
      return agent.post(action).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
    },
    async signIn(email: string, password: string) {
      return this.post('/login', '/login', { email, password });
    },
  };
}

export function sessionCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.find((c) => c.startsWith('jisr.sid='));
}

/** A browser-like agent signed in with the given account (the demo password by default); fails the test if refused. */
export async function signedInAgent(app: Express, email: string, password = DEMO_PASSWORD) {
  const b = browserLike(app);
  const res = await b.signIn(email, password);
  if (res.status !== 303) throw new Error(`sign-in as ${email} answered ${res.status}`);
  return b;
}
