import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { RateLimits } from '../../src/http/limits.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { LOOSE_LIMITS, STRONG_PASSWORD } from '../helpers/security.js';

/** Shared by the experts-*.test.ts files: the demo app with a CV folder of its own (files run in parallel). */
export async function startExpertsApp(limits: Partial<RateLimits> = {}): Promise<TestApp & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jisr-experts-'));
  const t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { ...LOOSE_LIMITS, ...limits }, config: { dataDir } });
  return {
    ...t,
    dataDir,
    async close() {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A verified expert with a consent and a bare profile, who signs in with STRONG_PASSWORD. */
export async function createExpert(prisma: PrismaClient, email: string, names: { firstName?: string; lastName?: string } = {}) {
  const firstName = names.firstName ?? 'Yasmine';
  const lastName = names.lastName ?? 'Berrada';
  const user = await prisma.user.create({
    data: {
      email, displayName: `${firstName} ${lastName}`, passwordHash: await hashPassword(STRONG_PASSWORD), role: 'expert', emailVerifiedAt: new Date(),
      expertProfile: { create: { firstName, lastName, kind: 'diaspora', visibility: 'institutions' } },
      consents: { create: { purpose: 'profile_processing', textVersion: '2026-11' } },
    },
    include: { expertProfile: true },
  });
  return { userId: user.id, profileId: user.expertProfile!.id };
}

/** A small but well-formed PDF: what file-type recognises by its first bytes. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

/** The first bytes of a real PNG image (signature and IHDR chunk). */
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  Buffer.from([0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89]),
  Buffer.alloc(64),
]);
