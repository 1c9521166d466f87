/**
 * URL state (src/components/widgets/common/url-state.ts): round trips, versions and
 * migrations, and a fuzz test of every widget's parser through the URL decoder with random and
 * hostile strings: no exception, only the config's own fields, no markup anywhere in the
 * result or in the notice the widget shows.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  decodeState,
  describeDecode,
  encodeState,
  MAX_LINK_STEP,
  MAX_STATE_LENGTH,
  stateUrl,
  type UrlStateSpec,
} from "../../src/components/widgets/common/url-state";
import { URL_STATE_WIDGETS } from "../../src/components/widgets/common/url-state-widgets";
import fixtures from "../fixtures/url-state/v1-links.json";

const toB64u = (s: string) => Buffer.from(s, "utf8").toString("base64url");

describe("encode / decode", () => {
  const spec: UrlStateSpec<unknown> = URL_STATE_WIDGETS["activation-explorer"];

  test("a config round-trips exactly, with status ok", () => {
    const config = spec.parse({ activation: "tanh", x: -2.3, threshold: 0.013 });
    const d = decodeState(encodeState(config), spec);
    expect(d).toEqual({ config, status: "ok", ignored: [], unknownFields: 0, step: null });
  });

  test("absent parameter gives the defaults, status absent", () => {
    expect(decodeState(null, spec)).toMatchObject({ config: spec.parse({}), status: "absent" });
  });

  test("bad fields fall back and are named; unknown fields are counted, not named", () => {
    const value = `v1.${toB64u(JSON.stringify({ activation: "<script>", x: 1e308, threshold: 0.02, "<img onerror=x>": 1 }))}`;
    const d = decodeState(value, spec);
    expect(d.status).toBe("partial");
    expect(d.config).toEqual({ activation: "sigmoid", x: 8, threshold: 0.02 });
    expect(d.ignored).toEqual(["activation", "x"]);
    expect(d.unknownFields).toBe(1);
    expect(describeDecode(d)).toContain("activation, x");
    expect(describeDecode(d)).not.toContain("<");
  });

  test.each([
    ["no version", "eyJ4IjozfQ"],
    ["future version", `v9.${toB64u('{"x":3}')}`],
    ["not base64url", "v1.eyJ4Ijoz+Q=="],
    ["bad UTF-8", `v1.${Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString("base64url")}`],
    ["not JSON", `v1.${toB64u("{x:3")}`],
    ["JSON array", `v1.${toB64u("[1,2]")}`],
    ["JSON null", `v1.${toB64u("null")}`],
    ["too long", `v1.${"A".repeat(MAX_STATE_LENGTH)}`],
  ])("%s: defaults, status invalid, a notice", (_name, value) => {
    const d = decodeState(value, spec);
    expect(d).toMatchObject({ config: spec.parse({}), status: "invalid" });
    expect(describeDecode(d)).toMatch(/could not be read/);
  });

  test("stateUrl keeps only this widget's parameter and anchors the figure", () => {
    const url = stateUrl("https://x.example/chapters/01-sigmoid/?other=1#top", "fig-a", { x: 1 });
    expect(url).toBe(`https://x.example/chapters/01-sigmoid/?fig-a=${encodeState({ x: 1 })}#fig-a`);
  });
});

describe("the step count (.s<N>)", () => {
  const spec: UrlStateSpec<unknown> = URL_STATE_WIDGETS["training-dashboard"];
  const config = spec.parse({ preset: "exploding" });

  test("a link at step N round-trips the config and the step", () => {
    const value = encodeState(config, 1, 110);
    expect(value).toMatch(/^v1\.[A-Za-z0-9_-]+\.s110$/);
    expect(decodeState(value, spec)).toEqual({
      config,
      status: "ok",
      ignored: [],
      unknownFields: 0,
      step: 110,
    });
    expect(decodeState(encodeState(config, 1, 0), spec).step).toBe(0);
    expect(decodeState(encodeState(config, 1, MAX_LINK_STEP), spec).step).toBe(MAX_LINK_STEP);
  });

  test("no step, or a step that is not a whole number in range, writes no suffix", () => {
    for (const step of [undefined, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_LINK_STEP + 1])
      expect(encodeState(config, 1, step)).toBe(encodeState(config));
    expect(decodeState(encodeState(config), spec).step).toBeNull();
  });

  test("stateUrl puts the step after the payload, in the same parameter (so embeds carry it)", () => {
    const url = new URL(
      stateUrl("https://x.example/chapters/04-spotting/", "fig-dashboard", config, 1, true, 42),
    );
    expect(url.searchParams.get("fig-dashboard")).toBe(`${encodeState(config)}.s42`);
    // Nothing in the value needs percent-encoding.
    expect(url.search).toBe(`?fig-dashboard=${encodeState(config)}.s42`);
  });

  test.each([
    ["a leading zero", ".s07"],
    ["a sign", ".s-5"],
    ["eight digits", ".s12345678"],
    ["no digits", ".s"],
    ["two steps", ".s1.s2"],
    ["another letter", ".t5"],
  ])("a malformed step suffix (%s) makes the value unreadable, not half-read", (_name, suffix) => {
    const d = decodeState(`${encodeState(config)}${suffix}`, spec);
    expect(d).toMatchObject({ status: "invalid", step: null });
  });
});

describe("versions", () => {
  test("every v1 fixture link (written when v1 was defined) still opens to its config, at no step", () => {
    for (const f of fixtures.links) {
      const spec = URL_STATE_WIDGETS[f.widget as keyof typeof URL_STATE_WIDGETS] as UrlStateSpec<unknown>;
      const value = new URL(f.url).searchParams.get(f.key);
      const d = decodeState(value, spec);
      expect(d.status, f.url).toBe("ok");
      expect(d.config).toEqual(f.config);
      expect(d.step).toBeNull();
    }
  });

  test("every fixture link with a step count opens to its config and step", () => {
    expect(fixtures.stepLinks.length).toBeGreaterThan(0);
    for (const f of fixtures.stepLinks) {
      const spec = URL_STATE_WIDGETS[f.widget as keyof typeof URL_STATE_WIDGETS] as UrlStateSpec<unknown>;
      const d = decodeState(new URL(f.url).searchParams.get(f.key), spec);
      expect(d, f.url).toMatchObject({ status: "ok", config: f.config, step: f.step });
    }
  });

  test("the fixtures hold a link for every widget with URL state", () => {
    expect(new Set(fixtures.links.map((f) => f.widget))).toEqual(new Set(Object.keys(URL_STATE_WIDGETS)));
  });

  test("a v1 link migrates through the table to a v2 config", () => {
    // A hypothetical v2 that renamed x to input: the table carries old links forward.
    const spec: UrlStateSpec<{ input: number }> = {
      version: 2,
      migrations: { 1: ({ x, ...rest }) => ({ ...rest, input: x }) },
      parse: (raw) => {
        const v = (raw as { input?: unknown }).input;
        return { input: typeof v === "number" && Number.isFinite(v) ? v : 0 };
      },
    };
    expect(decodeState(encodeState({ x: 2.5 }, 1), spec)).toMatchObject({
      status: "ok",
      config: { input: 2.5 },
    });
    expect(decodeState(encodeState({ input: 1.5 }, 2), spec)).toMatchObject({
      status: "ok",
      config: { input: 1.5 },
    });
    // A version with no migration step is unreadable rather than misread.
    expect(decodeState(encodeState({ x: 1 }, 1), { ...spec, migrations: {} }).status).toBe("invalid");
  });
});

// ---- fuzz ------------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1e308",
  "1e-320",
  "0x10",
  "",
  " ",
  "__proto__",
  "constructor",
  "\u0000",
  "\u202e",
  "%3Cscript%3E",
  "x".repeat(5000),
];
const hostileLeaf = fc.oneof(
  fc.constantFrom<unknown>(
    ...HOSTILE_STRINGS,
    null,
    true,
    false,
    0,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.array(fc.string(), { maxLength: 4 }),
);

function objectsAgainst(keys: readonly string[]) {
  const leafOrNested = fc.oneof(hostileLeaf, fc.dictionary(fc.constantFrom(...keys, "x"), hostileLeaf));
  return fc.dictionary(
    fc.oneof(fc.constantFrom(...keys, "__proto__", "constructor"), fc.string()),
    leafOrNested,
    {
      maxKeys: 8,
    },
  );
}

/** Every key path of the defaults, e.g. ["preset", "knobs", "knobs.lr", ...]. */
function keysOf(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return [];
  return Object.entries(o).flatMap(([k, v]) => [`${prefix}${k}`, ...keysOf(v, `${prefix}${k}.`)]);
}

function urlValues(keys: readonly string[]) {
  const b64 = fc.string({
    unit: fc.constantFrom(
      ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%".split(""),
    ),
  });
  const json = objectsAgainst(keys).map((o) => JSON.stringify(o) ?? "{}");
  return fc.oneof(
    fc.string(), // anything at all
    fc.string({ unit: "binary" }),
    fc.constantFrom(...HOSTILE_STRINGS),
    b64.map((s) => `v1.${s}`),
    fc.tuple(fc.integer({ min: -5, max: 2000 }), b64).map(([v, s]) => `v${v}.${s}`),
    json.map((j) => `v1.${toB64u(j)}`), // well-formed payloads with hostile values
    fc.string().map((j) => `v1.${toB64u(j)}`), // well-encoded non-JSON
    json.map((j) => `v1.${toB64u(j).slice(0, -3)}`), // truncated
    // step-count suffixes, well-formed or not
    fc
      .tuple(json, fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()))
      .map(([j, n]) => `v1.${toB64u(j)}.s${n}`),
  );
}

const FUZZ_RUNS = 5000;

describe.each(Object.entries(URL_STATE_WIDGETS))("fuzz: %s", (name, rawSpec) => {
  const spec = rawSpec as UrlStateSpec<unknown>;
  const defaults = spec.parse({});
  const allowed = new Set(keysOf(defaults));
  const topKeys = Object.keys(defaults as object);

  test(`${FUZZ_RUNS} random and hostile URL values: no throw, only own fields, no markup`, () => {
    let partial = 0;
    let invalid = 0;
    fc.assert(
      fc.property(urlValues([...allowed].map((k) => k.split(".").at(-1) as string)), (value) => {
        const d = decodeState(value, spec);
        if (d.status === "partial") partial += 1;
        if (d.status === "invalid") invalid += 1;
        // The result is a valid config: parsing it again changes nothing.
        expect(spec.parse(d.config)).toEqual(d.config);
        expect(keysOf(d.config).every((k) => allowed.has(k))).toBe(true);
        const shown = JSON.stringify(d.config) + describeDecode(d) + d.ignored.join();
        expect(shown).not.toMatch(/[<>]|script|onerror|javascript:/i);
        for (const k of d.ignored) expect(allowed.has(k), k).toBe(true);
        if (d.step !== null) {
          expect(Number.isInteger(d.step) && d.step >= 0 && d.step <= MAX_LINK_STEP).toBe(true);
          expect(d.status).not.toBe("invalid");
        }
        expect(Number.isFinite(JSON.stringify(d.config).length)).toBe(true);
        // And whatever was opened round-trips exactly.
        expect(decodeState(encodeState(d.config, spec.version), spec).config).toEqual(d.config);
      }),
      { numRuns: FUZZ_RUNS, seed: 20261129 },
    );
    // The generator really reaches both fallbacks (a fuzz that only hits one path proves little).
    expect(partial, `${name}: partial`).toBeGreaterThan(100);
    expect(invalid, `${name}: invalid`).toBeGreaterThan(100);
    expect(topKeys.length).toBeGreaterThan(0);
  });
});
