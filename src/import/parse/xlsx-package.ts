/**
 * Checks an XLSX (a zip of XML parts) before the workbook library loads it: the library inflates
 * every part and builds every row in memory first, so a small file that unpacks to a million rows
 * took seconds and gigabytes to refuse. Here the zip's directory is read, each part is inflated
 * under a byte budget that stops at the cap whatever the directory declares, and the worksheets'
 * rows are counted, highest row number included. Anything that is not a readable zip is left to
 * the library, which says why.
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES, ImportTooLarge, tooManyRows } from '../import-limits.js';

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localHeader: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const mebibytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

function zipEntries(zip: Buffer): ZipEntry[] | null {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= searchFrom && end < 0; at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) end = at;
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  const entries: ZipEntry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localHeader: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The part's bytes, inflated to at most `budget` bytes; null where the zip is not one we can read. */
function unpack(zip: Buffer, entry: ZipEntry, budget: number): Buffer | null {
  const at = entry.localHeader;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    if (data.length > budget) throw unpacksTooLarge();
    return data;
  }
  if (entry.method !== DEFLATED) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    // By its code: an error from node:zlib is not an instance of the caller's RangeError under Jest.
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unpacksTooLarge();
    return null;
  }
}

const unpacksTooLarge = (declared?: number) =>
  new ImportTooLarge(
    `The workbook unpacks to ${declared === undefined ? 'more than that' : mebibytes(declared)}; ` +
      `the limit is ${mebibytes(MAX_XLSX_UNPACKED_BYTES)} (a plan unpacks to well under 1 MiB)`,
  );

/** Rows in a worksheet's XML: the number of <row> elements, or the highest row number if higher. */
export function worksheetRows(xml: string): number {
  let rows = 0;
  for (const match of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
    const number = /\br="(\d+)"/.exec(match[1] ?? '');
    rows = Math.max(rows + 1, number ? Number(number[1]) : 0);
    if (rows > MAX_IMPORT_ROWS) return rows;
  }
  return rows;
}

/** Throws ImportTooLarge for a workbook over the caps; returns quietly otherwise. */
export function checkXlsxPackage(zip: Buffer): void {
  const entries = zipEntries(zip);
  if (entries === null) return;
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > MAX_XLSX_UNPACKED_BYTES) throw unpacksTooLarge(declared);
  let budget = MAX_XLSX_UNPACKED_BYTES;
  for (const entry of entries) {
    const bytes = unpack(zip, entry, budget);
    if (bytes === null) return;
    budget -= bytes.length;
    if (WORKSHEET.test(entry.name)) {
      const rows = worksheetRows(bytes.toString('latin1'));
      if (rows > MAX_IMPORT_ROWS) throw tooManyRows();
    }
  }
}
