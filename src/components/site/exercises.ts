/**
 * The exercises of a chapter, read from its MDX source at build time, so the instructors'
 * list (src/pages/instructors.astro) can never drift from the chapters: add an
 * <Exercise id=… number={…}> to a chapter and it is listed, with a link to its anchor.
 *
 *   scanExercises('<Exercise id="ex-a" number={1} kind="number" answer={f(2)}>\n  What is $x$?\n …')
 *     → [{ id: "ex-a", number: 1, kind: "number", prompt: "What is $x$?" }]
 *
 * tests/build/citations-and-exercises.test.ts checks the list against the built chapters.
 */

export interface ExerciseInfo {
  /** The exercise's anchor on its chapter page. */
  readonly id: string;
  readonly number: number;
  readonly kind: string;
  /** The question as written (Markdown with $…$ maths), whitespace collapsed. */
  readonly prompt: string;
}

/** Index just past the `>` closing a JSX opening tag that starts at `start` (skips {…} and "…"). */
function endOfTag(source: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === "`") {
      if (depth > 0 || ch === '"') quote = ch;
    } else if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (ch === ">" && depth === 0) return i + 1;
  }
  return -1;
}

export function scanExercises(source: string): ExerciseInfo[] {
  const found: ExerciseInfo[] = [];
  const opening = /<Exercise\b/g;
  for (let match = opening.exec(source); match; match = opening.exec(source)) {
    const tagEnd = endOfTag(source, match.index);
    if (tagEnd < 0) break;
    const tag = source.slice(match.index, tagEnd);
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    const number = Number(/\snumber=\{\s*(\d+)\s*\}/.exec(tag)?.[1]);
    if (!id || !Number.isInteger(number)) throw new Error(`exercise without a literal id and number: ${tag}`);
    const kind = /\skind="(\w+)"/.exec(tag)?.[1] ?? "number";
    const rest = source.slice(tagEnd);
    const stop = rest.search(/<Fragment\s+slot="solution"|<\/Exercise>/);
    const prompt = (stop < 0 ? rest : rest.slice(0, stop)).replace(/\s+/g, " ").trim();
    found.push({ id, number, kind, prompt });
    opening.lastIndex = tagEnd;
  }
  return found;
}

export type PromptPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "math"; readonly tex: string };

/**
 * Splits a prompt into text and $…$ maths for rendering. Markdown emphasis markers and MDX
 * {expressions} are dropped from the text (the list shows the question, not its markup).
 */
export function promptParts(prompt: string): PromptPart[] {
  const parts: PromptPart[] = [];
  const pattern = /\$([^$]+)\$/g;
  let last = 0;
  const pushText = (raw: string) => {
    const text = raw.replace(/\{[^{}]*\}/g, "").replace(/(\*\*|\*|__|(?<!\w)_(?!\w))/g, "");
    if (text) parts.push({ kind: "text", text });
  };
  for (let match = pattern.exec(prompt); match; match = pattern.exec(prompt)) {
    pushText(prompt.slice(last, match.index));
    parts.push({ kind: "math", tex: match[1]! });
    last = match.index + match[0].length;
  }
  pushText(prompt.slice(last));
  return parts;
}
