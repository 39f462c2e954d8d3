import { crc32, deflateRawSync } from 'node:zlib';

/*
 * XLSX files made by hand, part by part, for the size limits: a workbook of any number of rows in
 * milliseconds, and zips that declare sizes other than the real ones.
 */

export interface ZipPart {
  readonly name: string;
  readonly content: string | Buffer;
  /** The size the zip's directory declares; left out, the real one. */
  readonly declaredSize?: number;
}

function header(fields: readonly [number, 2 | 4][]): Buffer {
  const buffer = Buffer.alloc(fields.reduce((size, [, width]) => size + width, 0));
  let at = 0;
  for (const [value, width] of fields) {
    if (width === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value, at);
    at += width;
  }
  return buffer;
}

/** A zip of deflated parts, with a central directory as Excel writes one. */
export function zip(parts: readonly ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8');
    const data = deflateRawSync(raw);
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? raw.length;
    const common: [number, 2 | 4][] = [
      [20, 2],
      [0, 2],
      [8, 2],
      [0, 2],
      [0, 2],
      [crc32(raw), 4],
      [data.length, 4],
      [size, 4],
      [name.length, 2],
      [0, 2],
    ];
    const head = Buffer.concat([header([[0x04034b50, 4], ...common]), name]);
    local.push(head, data);
    directory.push(
      Buffer.concat([
        header([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]),
        name,
      ]),
    );
    offset += head.length + data.length;
  }
  const central = Buffer.concat(directory);
  const end = header([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [parts.length, 2],
    [parts.length, 2],
    [central.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return Buffer.concat([...local, central, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
const COLUMNS = 'ABCDEFGHIJ';

/** One worksheet's XML: each row's cells in columns A, B, …, numbered from 1 unless `firstRow`. */
export function sheetXml(rows: readonly (readonly string[])[], firstRow = 1): string {
  const body = rows
    .map((cells, index) => {
      const line = firstRow + index;
      return `<row r="${line}">${cells.map((text, column) => cell(`${COLUMNS[column]}${line}`, text)).join('')}</row>`;
    })
    .join('');
  return `${XML}<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

/** A workbook of one worksheet "Plan" that Excel (and the import) can open. */
export function workbook(sheet: string, extra: readonly ZipPart[] = []): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      content:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      content: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', content: sheet },
    ...extra,
  ]);
}

export const PLAN_HEADER = ['Theme', 'Ref', 'Action', 'Action Owner', 'Due by', 'RAG'];
export const planRow = (ref: number) => [
  '1. Caseloads',
  `1.${ref}`,
  `Action ${ref}`,
  'Head of Service',
  '2025-03',
  'Green',
];
