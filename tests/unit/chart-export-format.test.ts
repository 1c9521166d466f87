import { describe, expect, test } from "vitest";
import type { ChartRow } from "../../src/components/charts/chart-data";
import { fileBaseName } from "../../src/components/widgets/common/export/file-name";
import { EXPORT_FORMAT_NAMES } from "../../src/components/widgets/common/export/formats";
import {
  columnsOf,
  csvCell,
  csvNumber,
  toCsv,
  toJson,
} from "../../src/components/widgets/common/export/table-format";
import { parseCsv } from "../helpers/csv";

describe("CSV cells", () => {
  test("numbers keep full precision and read back as the same double", () => {
    for (const v of [0.1 + 0.2, 1e-7, 123456789.123, -0.5, 2 ** -40, 1e21, 5e-324]) {
      expect(Number(csvNumber(v))).toBe(v);
    }
    expect(csvNumber(0.30000000000000004)).toBe("0.30000000000000004");
    expect(csvNumber(1e-7)).toBe("1e-7");
  });

  test("non-finite numbers are explicit, -0 is 0", () => {
    expect(csvNumber(Number.NaN)).toBe("NaN");
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(csvNumber(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
    expect(csvNumber(-0)).toBe("0");
    // What Python's float() and JavaScript's Number() make of them.
    expect(Number(csvNumber(Number.NEGATIVE_INFINITY))).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(Number(csvNumber(Number.NaN)))).toBe(true);
  });

  test("null and undefined are empty; booleans are words", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
  });

  test("commas, quotes and line breaks are quoted, quotes doubled", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell("σ′(x) ‖∂L/∂W‖")).toBe("σ′(x) ‖∂L/∂W‖");
  });

  test("text a spreadsheet would run as a formula gets an apostrophe; numbers never do", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-cmd")).toBe("'-cmd");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell("=a,b")).toBe(`"'=a,b"`);
    expect(csvCell(-0.5)).toBe("-0.5");
  });
});

describe("toCsv / toJson", () => {
  const rows: ChartRow[] = [
    { run: "plain", step: 1, loss: 0.625, note: null },
    { run: "with, comma", step: 2, loss: Number.NaN, note: 'quote "q"' },
    { run: "plain", step: 3, loss: Number.POSITIVE_INFINITY, extra: true },
  ];

  test("header is the union of keys in first-seen order; CRLF line ends", () => {
    expect(columnsOf(rows)).toEqual(["run", "step", "loss", "note", "extra"]);
    const csv = toCsv(rows);
    expect(csv.split("\r\n")[0]).toBe("run,step,loss,note,extra");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toBe(
      'run,step,loss,note,extra\r\nplain,1,0.625,,\r\n"with, comma",2,NaN,"quote ""q""",\r\nplain,3,Infinity,,true\r\n',
    );
  });

  test("an independent RFC 4180 parser reads back the same table", () => {
    const table = parseCsv(toCsv(rows));
    expect(table.header).toEqual(["run", "step", "loss", "note", "extra"]);
    expect(table.rows).toHaveLength(rows.length);
    expect(table.rows[1]).toEqual(["with, comma", "2", "NaN", 'quote "q"', ""]);
    expect(table.rows.map((r) => Number(r[2]))).toEqual([0.625, Number.NaN, Number.POSITIVE_INFINITY]);
  });

  test("no rows: a header-less empty table, and an empty JSON array", () => {
    expect(toCsv([])).toBe("\r\n");
    expect(JSON.parse(toJson([]))).toEqual([]);
  });

  test("JSON: the same rows, every column in each, non-finite as null", () => {
    const parsed = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    expect(parsed).toEqual([
      { run: "plain", step: 1, loss: 0.625, note: null, extra: null },
      { run: "with, comma", step: 2, loss: null, note: 'quote "q"', extra: null },
      { run: "plain", step: 3, loss: null, note: null, extra: true },
    ]);
    expect(Object.keys(parsed[0] ?? {})).toEqual(columnsOf(rows));
  });

  test("numbers survive JSON at full precision", () => {
    const v = 0.1 + 0.2;
    expect((JSON.parse(toJson([{ v }])) as { v: number }[])[0]?.v).toBe(v);
  });
});

describe("file names", () => {
  test("figure id and chart name, slugged", () => {
    expect(fileBaseName("fig-chain-depth", "gradient-chain")).toBe("fig-chain-depth-gradient-chain");
    expect(fileBaseName("Fig 3", "Grad Hist")).toBe("fig-3-grad-hist");
    expect(fileBaseName(undefined, "loss")).toBe("loss");
    expect(fileBaseName("../../etc/passwd", "x")).toBe("etc-passwd-x");
    expect(fileBaseName("", null)).toBe("chart");
    expect(fileBaseName("a".repeat(200)).length).toBe(80);
  });

  test("four formats in menu order", () => {
    expect(EXPORT_FORMAT_NAMES).toEqual(["csv", "json", "svg", "png"]);
  });
});
