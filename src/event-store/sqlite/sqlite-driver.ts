import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * better-sqlite3 12 wraps its objects with node::ObjectWrap, which on Node 24 aborts the process
 * when a statement or database is garbage-collected outside a JavaScript scope (at exit, or
 * during a GC). better-sqlite3 13 uses Node-API and ships prebuilt binaries, but needs Node 22+.
 * So: 13 (installed as `better-sqlite3-napi`) on Node 22 and later, 12 (built on install) on 20.
 * Both have the same API.
 */
const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split('.')[0]);

export const Database: typeof BetterSqlite3 =
  nodeMajor >= 22 ? require('better-sqlite3-napi') : require('better-sqlite3');

export type Database = BetterSqlite3.Database;
