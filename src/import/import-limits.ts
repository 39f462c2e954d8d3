/**
 * 5 MiB: a plan is tens of kilobytes; anything near this is not a plan and is refused unread. Kept
 * apart from the parsers so that a command line can check a file's size without loading them.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
