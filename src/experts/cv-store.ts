import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where CV files live. The folder under DATA_DIR is the only implementation today; an S3-compatible store can
 * replace it without the routes or commands changing, since they only see this interface.
 */
export interface CvStore {
  /** stores the bytes under the key, replacing any previous file at once (readers see the old or the new file) */
  put(key: string, bytes: Buffer): Promise<void>;
  /** the bytes, or undefined when there is no such file */
  get(key: string): Promise<Buffer | undefined>;
  /** removes the file; a missing file is not an error */
  delete(key: string): Promise<void>;
}

/** Keys are ours (the profile id and a suffix): anything else could climb out of the folder. */
const KEY = /^[0-9a-f-]{36}\.pdf$/;

export function cvKeyFor(expertId: string): string {
  return `${expertId}.pdf`;
}

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid CV key');
  return key;
}

/** A folder outside public/ (DATA_DIR/cv): nothing in it is reachable except through the download route. */
export function folderCvStore(dir: string): CvStore {
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));
  return {
    async put(key, bytes) {
      await ensureDir();
      const target = path.join(dir, checkKey(key));
      // Written beside the target then renamed over it: rename is atomic within one file system, so a reader
      // never sees half a file, and a crash mid-write leaves the previous CV intact.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return await readFile(path.join(dir, checkKey(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async delete(key) {
      await rm(path.join(dir, checkKey(key)), { force: true });
    },
  };
}
