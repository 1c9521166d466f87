/**
 * The two-dimensional clipping demo: one gradient g = (g1, g2), clipped by value and by norm
 * with the core's own functions (src/lib/clip.ts, applied to a one-parameter model), and the
 * angle each clipped vector makes with g.
 *
 *   by norm:   g <- c g / ||g|| when ||g|| > c   — a positive multiple of g: angle 0
 *   by value:  g_i <- clamp(g_i, -c, c)         — a different direction unless |g1|, |g2| <= c
 *                                                  or both are cut (then it points along a diagonal)
 */
import { clipByGlobalNorm, clipByValue } from "../../../lib/clip";
import { createParam } from "../../../lib/params";

export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

export interface ClipDemoView {
  readonly g: Vec2;
  readonly byValue: Vec2;
  readonly byNorm: Vec2;
  /** Angle between g and each clipped vector, in degrees. */
  readonly valueAngle: number;
  readonly normAngle: number;
  readonly norm: number;
  readonly valueNorm: number;
  readonly normNorm: number;
}

function clipped(g: Vec2, c: number, how: "value" | "norm"): Vec2 {
  const p = createParam("demo.g", 1, "W", [2]);
  p.grad[0] = g.x;
  p.grad[1] = g.y;
  if (how === "value") clipByValue([p], c);
  else clipByGlobalNorm([p], c);
  return { x: p.grad[0] ?? 0, y: p.grad[1] ?? 0 };
}

const len = (v: Vec2): number => Math.hypot(v.x, v.y);

/** Angle between two vectors in degrees (0 when either is zero: no direction to compare). */
export function angleDegrees(a: Vec2, b: Vec2): number {
  const la = len(a);
  const lb = len(b);
  if (la === 0 || lb === 0) return 0;
  // Normalise first: for tiny vectors la * lb underflows to 0.
  const cos = Math.min(1, Math.max(-1, (a.x / la) * (b.x / lb) + (a.y / la) * (b.y / lb)));
  return (Math.acos(cos) * 180) / Math.PI;
}

export function clipDemoView(g: Vec2, c: number): ClipDemoView {
  const byValue = clipped(g, c, "value");
  const byNorm = clipped(g, c, "norm");
  return {
    g,
    byValue,
    byNorm,
    valueAngle: angleDegrees(g, byValue),
    normAngle: angleDegrees(g, byNorm),
    norm: len(g),
    valueNorm: len(byValue),
    normNorm: len(byNorm),
  };
}
