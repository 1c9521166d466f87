import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gemmABt, transpose } from "../../../src/lib/mlp";

/** The definition, one multiply-add at a time. */
function naive(A: Float64Array, B: Float64Array, m: number, n: number, k: number, bias: Float64Array | null) {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = bias ? bias[j]! : 0;
      for (let p = 0; p < k; p++) s += A[i * k + p]! * B[j * k + p]!;
      C[i * n + j] = s;
    }
  return C;
}

describe("dense kernels", () => {
  it("gemmABt equals the naive product for every tile remainder (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (m, n, k, withBias, accumulate, seed) => {
          const r = (i: number) => Math.sin(seed + i * 1.7) * 2;
          const A = Float64Array.from({ length: m * k }, (_, i) => r(i));
          const B = Float64Array.from({ length: n * k }, (_, i) => r(i + 500));
          const bias = withBias ? Float64Array.from({ length: n }, (_, i) => r(i + 900)) : null;
          const C0 = Float64Array.from({ length: m * n }, (_, i) => r(i + 1300));
          const C = Float64Array.from(C0);
          gemmABt(A, B, C, m, n, k, bias, accumulate);
          const ref = naive(A, B, m, n, k, accumulate ? null : bias);
          for (let i = 0; i < m * n; i++) {
            expect(C[i]).toBeCloseTo((accumulate ? C0[i]! : 0) + ref[i]!, 12);
          }
        },
      ),
    );
  });

  it("transpose", () => {
    const dst = new Float64Array(6);
    transpose(Float64Array.from([1, 2, 3, 4, 5, 6]), dst, 2, 3);
    expect(Array.from(dst)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
