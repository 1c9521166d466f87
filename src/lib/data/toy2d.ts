/**
 * Seeded two-dimensional classification sets: xor, circles, spiral, gaussians, moons.
 *
 * Every set has two classes, balanced (example i has label i mod 2), and lives roughly in
 * the square [-1, 1]^2 before noise. `noise` is the standard deviation of Gaussian jitter
 * added to both coordinates *after* the label is fixed, in the same units as the square, so
 * noise = 0.1 blurs each boundary by about a twentieth of the plot's width and noise >= 0.5
 * makes every set hard to separate. The generator consumes only the Rng it is given, so a
 * run's data never depends on how its initialiser or batch order drew numbers.
 */
import { cos, sin } from "../portable-math";
import type { Rng } from "../rng";
import type { Dataset } from "./dataset";

export interface Toy2dOptions {
  /** Number of points (>= 2). */
  readonly n: number;
  /** Standard deviation of the Gaussian jitter on both coordinates (>= 0). */
  readonly noise: number;
  readonly rng: Rng;
}

/** Writes one clean point of class `label` (0 or 1) into out[0], out[1]. */
type PointSampler = (label: number, rng: Rng, out: Float64Array) => void;

const TWO_PI = 2 * Math.PI;

/**
 * xor: uniform in the square, class 1 where x1 * x2 > 0 (first and third quadrants).
 * Points are kept at least `XOR_MARGIN` from both axes so the clean set is separable
 * with a visible gap, as in the usual playground picture.
 */
const XOR_MARGIN = 0.05;
const xor: PointSampler = (label, rng, out) => {
  const a = rng.uniform(XOR_MARGIN, 1);
  const b = rng.uniform(XOR_MARGIN, 1);
  // Class 1: same signs; class 0: opposite signs. A fair coin picks which of the two quadrants.
  const s = rng.next() < 0.5 ? 1 : -1;
  out[0] = s * a;
  out[1] = (label === 1 ? s : -s) * b;
};

/** circles: class 1 inside radius 0.5, class 0 in the ring 0.7 <= r <= 1 (area-uniform in each). */
const circles: PointSampler = (label, rng, out) => {
  const [r0, r1] = label === 1 ? [0, 0.5] : [0.7, 1];
  // Uniform over the area: r = sqrt(U(r0^2, r1^2)).
  const r = Math.sqrt(rng.uniform(r0 * r0, r1 * r1));
  const t = rng.uniform(0, TWO_PI);
  out[0] = r * cos(t);
  out[1] = r * sin(t);
};

/**
 * spiral: two interleaved arms, r = s and angle = 1.75 turns * s + label * pi for s in
 * [0, 1], so the arms wind one and three quarter times round the origin and never touch.
 */
const SPIRAL_TURNS = 1.75;
const spiral: PointSampler = (label, rng, out) => {
  const s = rng.next();
  const t = TWO_PI * SPIRAL_TURNS * s + label * Math.PI;
  out[0] = s * cos(t);
  out[1] = s * sin(t);
};

/** gaussians: two isotropic blobs, sd 0.25, centred at (0.5, 0.5) (class 1) and (-0.5, -0.5) (class 0). */
const GAUSSIAN_SD = 0.25;
const gaussians: PointSampler = (label, rng, out) => {
  const c = label === 1 ? 0.5 : -0.5;
  out[0] = rng.normal(c, GAUSSIAN_SD);
  out[1] = rng.normal(c, GAUSSIAN_SD);
};

/**
 * moons: two interlocking half circles of radius 1, the upper one (class 0) centred at the
 * origin, the lower one (class 1) at (1, 0.5) and opening upwards; the pair is then centred
 * and scaled by 2/3 so it fits the square: x in [-1, 1], y in about [-0.5, 0.5].
 */
const moons: PointSampler = (label, rng, out) => {
  const t = rng.uniform(0, Math.PI);
  const x = label === 0 ? cos(t) : 1 - cos(t);
  const y = label === 0 ? sin(t) : 0.5 - sin(t);
  // Together x spans [-1, 2] (centre 0.5) and y spans [-0.5, 1] (centre 0.25).
  out[0] = (x - 0.5) * (2 / 3);
  out[1] = (y - 0.25) * (2 / 3);
};

const samplers = { xor, circles, spiral, gaussians, moons } as const;

/** The one list of 2-D data-set names (union type, schema enum and UI options come from it). */
export const TOY2D_NAMES = Object.keys(samplers) as ReadonlyArray<keyof typeof samplers>;
export type Toy2dName = keyof typeof samplers;

export function isToy2dName(x: unknown): x is Toy2dName {
  return typeof x === "string" && (TOY2D_NAMES as readonly string[]).includes(x);
}

/** Draws a seeded 2-D data set of n points; see the module comment for the shapes. */
export function makeToy2d(name: Toy2dName, { n, noise, rng }: Toy2dOptions): Dataset {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`toy2d: n must be an integer >= 2, got ${n}`);
  if (!(noise >= 0) || !Number.isFinite(noise))
    throw new RangeError(`toy2d: noise must be >= 0, got ${noise}`);
  const sample = samplers[name];
  const inputs = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  const p = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    sample(label, rng, p);
    // Jitter after labelling: the label stays the clean point's class.
    inputs[2 * i] = (p[0] as number) + (noise > 0 ? rng.normal(0, noise) : 0);
    inputs[2 * i + 1] = (p[1] as number) + (noise > 0 ? rng.normal(0, noise) : 0);
    labels[i] = label;
  }
  return { name, n, inputDim: 2, numClasses: 2, inputs, labels };
}
