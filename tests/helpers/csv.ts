/**
 * A small RFC 4180 CSV reader for tests, written independently of the exporter
 * (src/components/widgets/common/export/table-format.ts) so a round trip checks both.
 * Quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF or LF.
 */
export interface CsvTable {
  readonly header: string[];
  readonly rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endRecord();
      i += 1;
    } else if (ch === "\n") endRecord();
    else field += ch;
    i += 1;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length > 0) endRecord();
  const [header = [], ...rows] = records;
  return { header, rows };
}
