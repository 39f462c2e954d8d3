import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * src/cli/build-when-changed.mjs, which `npm run import`, `board-pack`, `verify` and `token` run
 * first, on a small project of its own: the build is a stand-in that writes dist/ and counts itself.
 */
const SCRIPT = new URL('../../src/cli/build-when-changed.mjs', import.meta.url).pathname;
const FAKE_BUILD = `
  const fs = require('node:fs');
  if (fs.existsSync('build-fails')) { console.error('src/main.ts(1,1): error TS1005'); process.exit(2); }
  fs.mkdirSync('dist/cli', { recursive: true });
  fs.writeFileSync('dist/main.js', '');
  fs.writeFileSync('dist/cli/import.js', '');
  fs.appendFileSync('builds.log', 'built\\n');
`;

let project: string;
const file = (path: string, text: string) => {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), text);
};
const builds = () =>
  existsSync(join(project, 'builds.log'))
    ? readFileSync(join(project, 'builds.log'), 'utf8').split('\n').length - 1
    : 0;

/** Runs the script as `npm run import` does, from the project's folder; answers its exit code. */
function runScript(): number {
  const run = spawnSync(process.execPath, [SCRIPT, '--', process.execPath, '-e', FAKE_BUILD], {
    cwd: project,
    encoding: 'utf8',
  });
  return run.status ?? -1;
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'build-when-changed-'));
  file('src/main.ts', 'export const main = 1;\n');
  file('src/import/import.service.ts', 'export const service = 1;\n');
  file('src/import/import.service.unit.spec.ts', 'test;\n');
  file('tsconfig.json', '{}\n');
  file('tsconfig.build.json', '{}\n');
  file('package-lock.json', '{}\n');
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('the CLIs build only when the sources changed', () => {
  it('builds a clean clone (no dist/), then starts without building again', () => {
    expect(runScript()).toBe(0);
    expect(existsSync(join(project, 'dist/cli/import.js'))).toBe(true);
    expect(runScript()).toBe(0);
    expect(builds()).toBe(1);
  });

  it('builds again when a source file or a tsconfig changed, or a source file was added; not for a spec file', () => {
    runScript();
    file('src/import/import.service.unit.spec.ts', 'test.each;\n');
    runScript();
    expect(builds()).toBe(1);
    file('src/import/import.service.ts', 'export const service = 2;\n');
    runScript();
    file('tsconfig.build.json', '{ "exclude": [] }\n');
    runScript();
    file('src/import/new-file.ts', 'export {};\n');
    runScript();
    expect(builds()).toBe(4);
  });

  it('does not trust a dist/ built some other way since (npm run build from other sources)', () => {
    runScript();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(project, 'dist/main.js'), later, later);
    runScript();
    expect(builds()).toBe(2);
  });

  it('stops with the build’s exit code when it fails, and builds again next time', () => {
    file('build-fails', '');
    expect(runScript()).toBe(2);
    rmSync(join(project, 'build-fails'));
    expect(runScript()).toBe(0);
    expect(runScript()).toBe(0);
    expect(builds()).toBe(1);
  });
});
