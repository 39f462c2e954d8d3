/**
 * Module hooks that let a child Node process run the TypeScript sources as they are, without a
 * build: Jest transpiles in memory, and dist/ may be older than src/. Each file is transpiled alone
 * (the project is written for isolatedModules) and the output kept in the OS temp folder under the
 * hash of its text, so only the first child of a run pays for transpiling.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const require = createRequire(import.meta.url);
// TypeScript itself (9 MB of JavaScript) is loaded only when a file is not in the cache yet.
const { version } = require('typescript/package.json');
const CACHE = join(tmpdir(), `plans-transpiled-ts-${version}`);
const COMPILER_OPTIONS = {
  module: 'esnext',
  target: 'es2023',
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  esModuleInterop: true,
  isolatedModules: true,
};

/** `./plan-stream.js` written in a .ts file means the .ts file beside it. */
export async function resolve(specifier, context, nextResolve) {
  const relative = specifier.startsWith('.') && specifier.endsWith('.js');
  if (relative && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  return { format: 'module', source: await transpiled(path, readFileSync(path, 'utf8')), shortCircuit: true };
}

async function transpiled(path, text) {
  const key = createHash('sha256')
    .update(JSON.stringify(COMPILER_OPTIONS))
    .update(path)
    .update('\0')
    .update(text)
    .digest('hex');
  const cached = join(CACHE, `${key}.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const { default: ts } = await import('typescript');
  const compilerOptions = ts.convertCompilerOptionsFromJson(COMPILER_OPTIONS, '.').options;
  const { outputText } = ts.transpileModule(text, { fileName: path, compilerOptions });
  mkdirSync(CACHE, { recursive: true });
  // Written aside then renamed: a child reading at the same moment never sees half a file.
  const partial = `${cached}.${process.pid}.partial`;
  writeFileSync(partial, outputText);
  renameSync(partial, cached);
  return outputText;
}
