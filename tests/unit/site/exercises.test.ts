import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { promptParts, scanExercises } from "../../../src/components/site/exercises";

describe("scanExercises", () => {
  it("reads id, number, kind and the question, skipping {…} with arrows and quotes", () => {
    const source = [
      "Some text.",
      "",
      '<Exercise id="ex-a" number={2} kind="choice" options={xs.map((s) => s.label)} answer={"a>b"}>',
      "  At $x = -3$, which is",
      "  largest?",
      '  <Fragment slot="solution">Because.</Fragment>',
      "</Exercise>",
      '<Exercise id="ex-b" number={ 3 } kind="number" answer={f(2)} tolerance={{ abs: 0.1 }}>',
      "  What is $\\sigma'(2)$?",
      "</Exercise>",
    ].join("\n");
    expect(scanExercises(source)).toEqual([
      { id: "ex-a", number: 2, kind: "choice", prompt: "At $x = -3$, which is largest?" },
      { id: "ex-b", number: 3, kind: "number", prompt: "What is $\\sigma'(2)$?" },
    ]);
  });

  it("fails loudly on an exercise without a literal id", () => {
    expect(() => scanExercises("<Exercise id={x} number={1}>Q</Exercise>")).toThrow(/literal id/);
  });

  it("finds every exercise in the chapters (each chapter's count of '<Exercise ')", () => {
    const dir = "src/content/chapters";
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".mdx"))) {
      const source = readFileSync(`${dir}/${file}`, "utf8");
      const found = scanExercises(source);
      expect(found.length, file).toBe(source.match(/<Exercise\s/g)?.length ?? 0);
      expect(new Set(found.map((e) => e.id)).size, `${file}: ids unique`).toBe(found.length);
      for (const e of found) expect(e.prompt.length, `${file} ${e.id}`).toBeGreaterThan(10);
    }
  });
});

describe("promptParts", () => {
  it("splits maths from text and drops Markdown emphasis and MDX expressions", () => {
    expect(promptParts("In the *Vanishing* preset {n.x} is $w = 8$, and $b$?")).toEqual([
      { kind: "text", text: "In the Vanishing preset  is " },
      { kind: "math", tex: "w = 8" },
      { kind: "text", text: ", and " },
      { kind: "math", tex: "b" },
      { kind: "text", text: "?" },
    ]);
  });

  it("keeps underscores inside words and maths", () => {
    expect(promptParts("snake_case and $x_1$")).toEqual([
      { kind: "text", text: "snake_case and " },
      { kind: "math", tex: "x_1" },
    ]);
  });
});
