/*
 * What an import reads at most. A council's plan is tens of kilobytes and a few hundred rows; the
 * caps are far above that and far below what stalls or exhausts the server. They are kept apart
 * from the parsers so that a command line can check a file without loading them.
 */

/** 5 MiB: anything near this is not a plan and is refused unread. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Rows of a CSV or XLSX (a text table pasted from Word is bounded by the 5 MiB alone: its rows run
 * over many lines). A plan has hundreds; 20,000 leaves room for one written out a paragraph per
 * row. They are counted before a workbook is loaded, so a small file
 * declaring a million rows (1,000,000 took 11.6 s and 1.3 GB to refuse after loading) costs
 * milliseconds. An XLSX row number counts too: one row numbered 1,000,000 makes a million-row sheet.
 */
export const MAX_IMPORT_ROWS = 20_000;

/**
 * What an XLSX may unpack to, all its parts together, as the zip declares and as inflated: the
 * workbook library holds about 18 bytes of memory per byte of sheet XML (72 MB took 1.3 GB), so
 * 32 MiB stays well inside the reading worker's heap cap, and is still six times the 5 MiB limit on
 * the file, more than any text a plan holds.
 */
export const MAX_XLSX_UNPACKED_BYTES = 32 * 1024 * 1024;

/**
 * The worker that reads the file: 20 s is about six times what the largest accepted file took (a
 * 4.9 MiB CSV of 3,300 actions: 3.5 s on a busy two-core machine); 768 MB holds a workbook at the
 * unpacked cap (18 × 32 MiB = 576 MiB). At most two such workers run at once (shared/off-loop).
 */
export const IMPORT_READ_LIMITS = { timeMs: 20_000, heapMb: 768 } as const;

/**
 * A file refused for its size in rows or bytes, before it is read whole. Answered as BAD_USER_INPUT
 * on the field that carried the file; nothing is recorded.
 */
export class ImportTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportTooLarge';
  }
}

export const tooManyRows = () =>
  new ImportTooLarge(
    `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows, the most an import reads ` +
      '(a plan has hundreds)',
  );
