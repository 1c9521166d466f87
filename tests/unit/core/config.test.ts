import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES } from "../../../src/lib/activations";
import {
  configSchema,
  DATASET_NAMES,
  DEFAULT_CONFIG,
  type ExperimentConfig,
  LIMITS,
  parseConfig,
  parseConfigLenient,
  serialiseConfig,
  withDefaults,
} from "../../../src/lib/config";
import { OPTIMISER_NAMES } from "../../../src/lib/optimisers";

const errorsOf = (input: unknown): string[] => {
  const r = parseConfig(input);
  if (r.ok) throw new Error(`expected errors for ${JSON.stringify(input)}`);
  return r.errors;
};

describe("parseConfig", () => {
  it("accepts the default config and an empty object (all defaults)", () => {
    expect(parseConfig(DEFAULT_CONFIG)).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(parseConfig({})).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it("fills missing fields from the defaults and keeps given ones", () => {
    const r = parseConfig({ seed: 7, model: { depth: 10 }, optimiser: { lr: 0.1 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.seed).toBe(7);
    expect(r.config.model).toEqual({ ...DEFAULT_CONFIG.model, depth: 10 });
    expect(r.config.optimiser).toEqual({ ...DEFAULT_CONFIG.optimiser, lr: 0.1 });
  });

  it("completes a recurrent model from the recurrent defaults", () => {
    const r = parseConfig({ model: { kind: "recurrent", cell: "rnn" } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.model).toMatchObject({ kind: "recurrent", cell: "rnn", hidden: 32 });
    expect(r.config.data.dataset).toBe("adding");
    expect(r.config.loss).toBe("mse");
  });

  it("rejects unknown keys at any level, naming the field and the allowed ones", () => {
    expect(errorsOf({ dropout: 0.5 })).toEqual([
      expect.stringMatching(/^config: unknown field "dropout" \(allowed: seed, /),
    ]);
    expect(errorsOf({ model: { dropout: 0.5 } })[0]).toMatch(
      /^model: unknown field "dropout" \(allowed: kind, depth, width/,
    );
    expect(errorsOf({ model: { init: { gain: 2 } } })[0]).toMatch(/^model\.init: unknown field "gain"/);
    // mlp fields on a recurrent model are unknown there
    expect(errorsOf({ model: { kind: "recurrent", depth: 3 } })[0]).toMatch(
      /^model: unknown field "depth" \(allowed: kind, cell/,
    );
  });

  it("rejects out-of-range values with the field name and the allowed range", () => {
    expect(errorsOf({ model: { depth: 500 } })).toEqual([
      "model.depth: must be an integer in [0, 100] (got 500)",
    ]);
    expect(errorsOf({ data: { noise: 20 } })).toEqual(["data.noise: must be a number in [0, 1] (got 20)"]);
    expect(errorsOf({ optimiser: { lr: 0 } })).toEqual([
      "optimiser.lr: must be a number in (0, 1000000] (got 0)",
    ]);
    expect(errorsOf({ steps: 2.5 })).toEqual(["steps: must be an integer in [1, 100000] (got 2.5)"]);
    expect(errorsOf({ steps: "10" })).toEqual(['steps: must be an integer in [1, 100000] (got "10")']);
    expect(errorsOf({ seed: -1 })[0]).toMatch(/^seed: must be an integer in \[0, 4294967295\]/);
    expect(errorsOf({ data: { noise: Number.NaN } })[0]).toMatch(
      /^data\.noise: must be a number in \[0, 1\]/,
    );
  });

  it("rejects unknown names, listing the allowed ones from the registries", () => {
    expect(errorsOf({ optimiser: { name: "adamw" } })).toEqual([
      `optimiser.name: must be one of ${OPTIMISER_NAMES.join(", ")} (got "adamw")`,
    ]);
    expect(errorsOf({ model: { activation: "gelu" } })[0]).toContain(ACTIVATION_NAMES.join(", "));
    expect(errorsOf({ data: { dataset: "cifar" } })[0]).toContain(DATASET_NAMES.join(", "));
    expect(errorsOf({ model: { kind: "cnn" } })).toEqual([
      'model.kind: must be one of mlp, recurrent (got "cnn")',
    ]);
  });

  it("reports every error at once", () => {
    expect(errorsOf({ steps: 0, batchSize: 0, model: { width: 0 } })).toHaveLength(3);
  });

  it("checks the rules that tie fields together", () => {
    expect(errorsOf({ model: { kind: "recurrent" }, data: { dataset: "xor" } })[0]).toMatch(
      /^data\.dataset: must be a sequence task/,
    );
    expect(errorsOf({ data: { dataset: "adding" } })[0]).toMatch(
      /^data\.dataset: sequence tasks .* need model.kind/,
    );
    expect(errorsOf({ model: { depth: 3, widths: [4, 4] } })).toEqual([
      "model.widths: must list one width per hidden layer (depth 3), got 2",
    ]);
    expect(errorsOf({ data: { dataset: "mnist", n: 5000 } })[0]).toMatch(/^data\.n: .*2000/);
    expect(errorsOf({ model: { kind: "recurrent" }, loss: "bceWithLogits" })[0]).toMatch(
      /^loss: must be "mse"/,
    );
  });

  it("rejects non-objects", () => {
    expect(errorsOf(null)).toEqual(["config: must be a JSON object (got null)"]);
    expect(errorsOf([1])[0]).toMatch(/^config: must be a JSON object/);
  });

  it("round-trips through JSON", () => {
    const s = serialiseConfig(DEFAULT_CONFIG);
    expect(parseConfig(JSON.parse(s))).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });
});

describe("parseConfigLenient", () => {
  it("keeps valid fields, resets invalid ones to defaults and reports each", () => {
    const { config, ignored } = parseConfigLenient({
      steps: 50,
      model: { depth: 500, width: 16, foo: 1 },
      data: { noise: 2000 },
    });
    expect(config.steps).toBe(50);
    expect(config.model).toMatchObject({ depth: DEFAULT_CONFIG.model.kind === "mlp" ? 4 : 0, width: 16 });
    expect(config.data.noise).toBe(DEFAULT_CONFIG.data.noise);
    expect(ignored).toHaveLength(3);
    expect(ignored).toContain("data.noise: must be a number in [0, 1] (got 2000)");
    expect(ignored.some((m) => m.startsWith('model: unknown field "foo"'))).toBe(true);
  });

  it("repairs a cross-field conflict by dropping the offending field", () => {
    const { config, ignored } = parseConfigLenient({
      model: { kind: "recurrent", cell: "gru" },
      data: { dataset: "xor" },
    });
    expect(config.model).toMatchObject({ kind: "recurrent", cell: "gru" });
    expect(config.data.dataset).toBe("adding");
    expect(ignored).toHaveLength(1);
  });

  it("never throws and always returns a valid config (fast-check)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        const { config } = parseConfigLenient({ model: a, data: b, optimiser: c, steps: a });
        expect(configSchema.safeParse(config).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("does not mutate its input", () => {
    const input = { model: { depth: 500 } };
    parseConfigLenient(input);
    expect(input).toEqual({ model: { depth: 500 } });
  });
});

describe("schema properties (fast-check)", () => {
  /** A numeric field, its limits, a setter into a partial config, integer?, open at the low end? */
  const numericFields: Array<[string, readonly [number, number], (v: number) => unknown, boolean, boolean]> =
    [
      ["steps", LIMITS.steps, (v) => ({ steps: v }), true, false],
      ["batchSize", LIMITS.batchSize, (v) => ({ batchSize: v }), true, false],
      ["model.depth", LIMITS.depth, (v) => ({ model: { depth: v } }), true, false],
      ["model.width", LIMITS.width, (v) => ({ model: { width: v } }), true, false],
      ["data.noise", LIMITS.noise, (v) => ({ data: { noise: v } }), false, false],
      ["optimiser.momentum", LIMITS.momentum, (v) => ({ optimiser: { momentum: v } }), false, false],
      ["optimiser.lr", LIMITS.lr, (v) => ({ optimiser: { lr: v } }), false, true],
      ["clip.threshold", LIMITS.clipThreshold, (v) => ({ clip: { threshold: v } }), false, true],
    ];

  it("any value outside a field's range is rejected with that field's name", () => {
    for (const [name, [lo, hi], set, isInt, openLow] of numericFields) {
      fc.assert(
        fc.property(
          fc.oneof(
            // -0 equals 0 numerically, so it is (rightly) inside a range that starts at 0.
            fc
              .double({ max: lo, maxExcluded: !openLow, noNaN: true })
              .filter((v) => !Object.is(v, -0) || openLow),
            fc.double({ min: hi, minExcluded: true, noNaN: true }),
            fc.constant(Number.NaN),
            isInt
              ? fc.double({ min: lo + 0.01, max: hi - 0.01, noNaN: true }).filter((v) => !Number.isInteger(v))
              : fc.constant(Number.POSITIVE_INFINITY),
          ),
          (v) => {
            const errors = errorsOf(set(v));
            expect(errors.some((e) => e.startsWith(`${name}: must be`))).toBe(true);
          },
        ),
        { numRuns: 50 },
      );
    }
  });

  it("any value inside a field's range is accepted", () => {
    for (const [, [lo, hi], set, isInt, openLow] of numericFields) {
      const inside = isInt
        ? fc.integer({ min: lo, max: hi })
        : fc.double({ min: lo, max: hi, minExcluded: openLow, noNaN: true });
      fc.assert(
        fc.property(inside, (v) => {
          expect(parseConfig(set(v)).ok).toBe(true);
        }),
        { numRuns: 50 },
      );
    }
  });

  it("never throws on arbitrary input: either a valid config or readable errors (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ model: fc.anything(), data: fc.anything(), clip: fc.anything() }),
        ),
        (input) => {
          const r = parseConfig(input);
          if (r.ok) expect(configSchema.safeParse(r.config).success).toBe(true);
          else {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) expect(e).toMatch(/^[\w.]+: /);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("any unknown key is rejected by name (fast-check)", () => {
    const known = new Set(Object.keys(DEFAULT_CONFIG));
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== "__proto__"),
        (key) => {
          const errors = errorsOf({ [key]: 1 });
          expect(errors[0]).toContain(`unknown field ${JSON.stringify(key)}`);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("withDefaults", () => {
  it("replaces arrays instead of merging them", () => {
    const c = withDefaults({ model: { widths: [3] } }) as ExperimentConfig;
    expect(c.model.kind === "mlp" && c.model.widths).toEqual([3]);
  });
});
