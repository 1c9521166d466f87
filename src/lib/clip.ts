/**
 * Gradient clipping, the remedy for *exploding* gradients (Pascanu, Mikolov & Bengio 2013).
 * Both work in place on the params' grad buffers and report the global gradient norm
 * ||g|| = sqrt(sum over all params and entries of g_i^2) before and after.
 *
 *   by global norm  if ||g|| > c:  g <- c g / ||g||    (same direction, length capped at c)
 *   by value        g_i <- min(max(g_i, -c), c)        (each entry capped; the direction changes)
 */
import type { Param } from "./params";

const clipKinds = ["none", "norm", "value"] as const;
export type ClipKind = (typeof clipKinds)[number];
/** The one list of clipping kinds. */
export const CLIP_KINDS: ReadonlyArray<ClipKind> = clipKinds;

export interface ClipSpec {
  readonly kind: ClipKind;
  /** The threshold c (> 0); ignored for "none". */
  readonly threshold: number;
}

export interface ClipResult {
  preNorm: number;
  postNorm: number;
}

/** sqrt(sum of squares of every gradient entry). */
export function globalGradNorm(params: readonly Param[]): number {
  let s = 0;
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
  }
  return Math.sqrt(s);
}

export function clipByGlobalNorm(
  params: readonly Param[],
  c: number,
  out: ClipResult = { preNorm: 0, postNorm: 0 },
): ClipResult {
  const pre = globalGradNorm(params);
  out.preNorm = pre;
  // A non-finite norm is left alone: divergence detection should see it, not a rescaled NaN.
  if (pre > c && Number.isFinite(pre)) {
    const k = c / pre;
    for (const p of params) {
      const g = p.grad;
      for (let i = 0; i < g.length; i++) g[i] = g[i]! * k;
    }
    out.postNorm = globalGradNorm(params);
  } else {
    out.postNorm = pre;
  }
  return out;
}

export function clipByValue(
  params: readonly Param[],
  c: number,
  out: ClipResult = { preNorm: 0, postNorm: 0 },
): ClipResult {
  out.preNorm = globalGradNorm(params);
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) {
      const v = g[i]!;
      if (v > c) g[i] = c;
      else if (v < -c) g[i] = -c;
    }
  }
  out.postNorm = globalGradNorm(params);
  return out;
}

/** Apply a ClipSpec ("none" still reports the norm, so charts can show it either way). */
export function clipGradients(
  params: readonly Param[],
  spec: ClipSpec,
  out: ClipResult = { preNorm: 0, postNorm: 0 },
): ClipResult {
  switch (spec.kind) {
    case "none": {
      const n = globalGradNorm(params);
      out.preNorm = n;
      out.postNorm = n;
      return out;
    }
    case "norm":
      return clipByGlobalNorm(params, spec.threshold, out);
    case "value":
      return clipByValue(params, spec.threshold, out);
  }
}
