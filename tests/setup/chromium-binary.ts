import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGE = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium');

export interface BrowserBinary {
  executablePath: string;
  /** Environment the browser needs (its fontconfig file), merged over process.env at launch. */
  env: Record<string, string>;
}

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set (a system Chromium), otherwise the headless Chromium
 * shipped inside the npm package @sparticuz/chromium, so that `npm install && npm test` needs no system browser.
 * The package unpacks its brotli archives into os.tmpdir(); we point that at a cache beside node_modules instead, so
 * the run leaves nothing in the temp folder and the 2.5 s unpack happens once per install, not once per run.
 */
export async function resolveBrowserBinary(): Promise<BrowserBinary> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH points at ${override}, which does not exist.`);
    return { executablePath: override, env: {} };
  }
  const version = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')).version as string;
  const cache = path.join(ROOT, 'node_modules', '.cache', 'jisr-chromium', version);
  if (!existsSync(path.join(cache, 'chromium'))) await unpackInto(cache);
  return { executablePath: path.join(cache, 'chromium'), env: { FONTCONFIG_FILE: writeFontConfig(cache) } };
}

/** Unpacks into a partial folder, then renames it: two runs starting at once never see half a browser. */
async function unpackInto(cache: string): Promise<void> {
  mkdirSync(path.dirname(cache), { recursive: true });
  const partial = mkdtempSync(`${cache}.partial-`);
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = partial; // os.tmpdir() reads it on every call; the package has no other way to choose.
  try {
    const { default: Chromium } = await import('@sparticuz/chromium');
    await Chromium.executablePath(path.join(PACKAGE, 'bin'));
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  try {
    renameSync(partial, cache);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(path.join(cache, 'chromium'))) throw err; // another run won the rename: use its copy
  }
}

/**
 * The package's own fonts.conf names /tmp/fonts; ours names where the fonts really are: its Open Sans, the Amiri
 * font the project ships for Arabic (so Arabic pages render the same on any machine), and the system's fonts.
 */
function writeFontConfig(cache: string): string {
  const file = path.join(cache, 'jisr-fonts.conf');
  const dirs = [path.join(cache, 'fonts', 'fonts'), path.join(ROOT, 'assets', 'fonts'), '/usr/share/fonts'];
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${dirs
    .map((d) => `  <dir>${d}</dir>`)
    .join('\n')}\n  <cachedir>${path.join(cache, 'fonts-cache')}</cachedir>\n</fontconfig>\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== xml) writeFileSync(file, xml);
  return file;
}
