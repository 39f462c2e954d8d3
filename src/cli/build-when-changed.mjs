/**
 * Builds dist/ only when it is not already built from the sources as they are, so that
 * `npm run import`, `board-pack`, `verify` and `token` start in a moment instead of recompiling
 * every time. Plain JavaScript: it must run before anything is compiled (a clean clone has no dist/).
 *
 *   node src/cli/build-when-changed.mjs [-- <build command…>]   (default: tsc -p tsconfig.build.json)
 *
 * Up to date means: the fingerprint (SHA-256 of every source file the build reads, spec files
 * aside, with the tsconfig files and package-lock.json) equals the one recorded by the last build
 * made here, and dist/main.js is the file that build wrote (a build run any other way, such as
 * `npm run build`, writes it anew, so it is not trusted). Otherwise it builds and, when the build
 * succeeds, records the fingerprint taken before it started: a file saved during the build makes
 * the next run build again. A failed build exits with its code and records nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';

const ROOT = process.cwd();
const STAMP = join(ROOT, 'dist', '.build-fingerprint.json');
const BUILT_FILE = join(ROOT, 'dist', 'main.js');
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const DEFAULT_BUILD = [
  process.execPath,
  join(ROOT, 'node_modules/typescript/bin/tsc'),
  '-p',
  'tsconfig.build.json',
];

function sourceFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.spec.ts') ? [] : [path];
  });
}

function fingerprint() {
  const hash = createHash('sha256');
  const files = [...sourceFiles(join(ROOT, 'src')), ...CONFIG_FILES.map((file) => join(ROOT, file))];
  for (const file of files.sort()) {
    hash.update(`${relative(ROOT, file)}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : 'absent');
    hash.update('\0');
  }
  return hash.digest('hex');
}

function builtAt() {
  return existsSync(BUILT_FILE) ? statSync(BUILT_FILE).mtimeMs : null;
}

function recorded() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

const separator = process.argv.indexOf('--');
const build = separator >= 0 ? process.argv.slice(separator + 1) : DEFAULT_BUILD;
const sources = fingerprint();
const stamp = recorded();
const upToDate = stamp !== null && stamp.fingerprint === sources && stamp.builtAt === builtAt();
if (!upToDate) {
  const result = spawnSync(build[0], build.slice(1), { cwd: ROOT, stdio: 'inherit' });
  if (result.error) process.stderr.write(`Cannot run ${build.join(' ')}: ${result.error.message}\n`);
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, `${JSON.stringify({ fingerprint: sources, builtAt: builtAt() })}\n`);
}
