import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { MAX_IMPORT_BYTES } from '../../import/import-limits.js';

export type PlanFileFormat = 'TEXT' | 'CSV' | 'XLSX';

/** The file as the browser sent it: its name (said in every change's reason) and its bytes. */
export interface PlanFile {
  readonly fileName: string;
  readonly format: PlanFileFormat;
  readonly content: Buffer;
}

/** The upload form: its text fields, and the file or why it cannot be used. */
export interface UploadForm {
  readonly fields: Readonly<Record<string, string>>;
  readonly file?: PlanFile;
  readonly fileError?: string;
}

/** What councils keep their plans in: a Word table pasted as text, a CSV or an Excel workbook. */
const FORMATS: Readonly<Record<string, PlanFileFormat>> = {
  txt: 'TEXT',
  tsv: 'TEXT',
  text: 'TEXT',
  csv: 'CSV',
  xlsx: 'XLSX',
};
export const ACCEPTED_FILES =
  '.txt,.tsv,.csv,.xlsx,text/plain,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function planFileFormat(fileName: string): PlanFileFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  return FORMATS[extension];
}

const TOO_LARGE = `The selected file must be smaller than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
const MULTIPART_LIMITS = new Set([
  'FST_REQ_FILE_TOO_LARGE',
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
]);

/**
 * Reads the multipart upload: one file (refused while streaming once larger than an import may
 * be, by the limits @fastify/multipart was registered with) and the form's few text fields. A
 * request that is not multipart at all reads as an empty form, so its missing CSRF token refuses it.
 */
export async function readUploadForm(request: FastifyRequest): Promise<UploadForm> {
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | undefined;
  if (!request.isMultipart()) return { fields };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname === 'file') file = { fileName: part.filename, content: await part.toBuffer() };
      else part.file.resume();
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (MULTIPART_LIMITS.has(code)) return { fields, fileError: TOO_LARGE };
    throw error;
  }
  return { fields, ...checkedFile(file) };
}

function checkedFile(file: { fileName: string; content: Buffer } | undefined) {
  if (!file || file.fileName.trim() === '') return { fileError: 'Select the plan file' };
  const format = planFileFormat(file.fileName);
  if (!format) return { fileError: 'The selected file must be a .txt, .csv or .xlsx file' };
  if (file.content.length === 0) return { fileError: 'The selected file is empty' };
  return { file: { fileName: file.fileName, format, content: file.content } };
}
