import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sha256File } from './tables.js';

export interface FileEntry {
  /** relative to DATA_DIR, with forward slashes */
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * What of DATA_DIR goes into a backup: the uploaded files (CVs, business plans, any folder a feature adds), not
 * the database's own files (dumped table by table instead), the e-mails written as files in development, the
 * session secret (a backup must not carry it: sessions simply end after a restore), or temporary files.
 */
const LEFT_OUT = new Set(['postgres', 'mail', 'session-secret', 'backups']);
const isTemporary = (name: string) => name.endsWith('.tmp') || name.startsWith('.write-test-');

/** Copies the uploaded files of `dataDir` into `target` and lists them with their sha256. */
export async function copyDataFiles(dataDir: string, target: string): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  if (!existsSync(dataDir)) return out;
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dataDir, rel), { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if ((!rel && LEFT_OUT.has(entry.name)) || isTemporary(entry.name)) continue;
      if (entry.isDirectory()) await walk(relPath);
      else if (entry.isFile()) {
        const source = path.join(dataDir, relPath);
        await mkdir(path.dirname(path.join(target, relPath)), { recursive: true });
        await copyFile(source, path.join(target, relPath));
        // The copy is what the archive holds: its checksum, not the source's (which may change meanwhile).
        const copied = path.join(target, relPath);
        out.push({ path: relPath, bytes: (await stat(copied)).size, sha256: await sha256File(copied) });
      }
    }
  };
  await walk('');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Puts the archived files into `dataDir`, checking each against its sha256. A different file already at a path is
 * refused (a restore never overwrites data); an identical one is fine.
 */
export async function restoreDataFiles(source: string, dataDir: string, files: FileEntry[]): Promise<void> {
  for (const f of files) {
    if (f.path.split('/').some((part) => part === '..' || part === '')) throw new Error(`unsafe path in the archive: ${f.path}`);
    const from = path.join(source, f.path);
    if ((await sha256File(from)) !== f.sha256) throw new Error(`the archived file ${f.path} is damaged (sha256 differs)`);
    const to = path.join(dataDir, f.path);
    if (existsSync(to)) {
      if ((await sha256File(to)) === f.sha256) continue;
      throw new Error(`${to} exists with other content: restore into an empty DATA_DIR`);
    }
    await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
    await copyFile(from, to);
  }
}
