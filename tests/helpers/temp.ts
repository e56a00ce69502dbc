import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

/** A fresh folder in the temp folder, removed when the test file ends (tests leave nothing behind). */
export function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `jisr-${name}-`));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
