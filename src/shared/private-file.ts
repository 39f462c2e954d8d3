import { randomUUID } from 'node:crypto';
import { link, mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '../config.js';

/**
 * Writes a secret to `file`, readable by this user only, unless one is there already: of two
 * processes that both found no file, the slower keeps the faster one's, which may be in use by now.
 */
export async function writeNewPrivateFile(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Written whole and flushed under a private name first, then linked into place: a reader never sees
  // half a secret, and link (unlike rename) fails when the file exists, so the first one made wins.
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Refused rather than warned about, as ssh does with a private key: a warning scrolls past in a log.
 * Windows has no such mode bits; there the folder's ACL is what protects the file.
 */
export async function refuseIfOthersCanRead(file: string, whoeverCanRead: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `The secret ${file} can be read or changed by other users (mode ${(mode & 0o777).toString(8)}); ` +
        `whoever can read it ${whoeverCanRead}. Run: chmod 600 ${file}`,
    );
  }
}
