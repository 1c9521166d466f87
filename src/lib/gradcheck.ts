/**
 * Finite-difference gradient checking: the independent reference every backward pass in the
 * core is tested against. For each checked entry w_i of a tensor, the central difference
 *
 *   n_i = (L(w_i + h) - L(w_i - h)) / (2h)
 *
 * has truncation error O(h^2 L''') and rounding error O(eps_machine |L| / h); h = 1e-5 in
 * float64 balances the two at roughly 1e-10 |L|. The estimate is compared with the analytic a_i by
 *
 *   rel_i = |a_i - n_i| / max(|a_i|, |n_i|, floor)
 *
 * where the floor (default 1e-6) stops entries whose true gradient is ~0 from dividing noise
 * by noise; for those it is an absolute test at floor * tolerance (1e-12 for tolerance 1e-6).
 *
 * Deep networks have genuinely tiny gradients near the input (that is the vanishing-gradient
 * problem): an entry of 1e-7 under a loss of order 1 sits near the rounding floor ~1e-11 of
 * the three-point difference at h = 1e-5. Normalisation layers can instead give a large
 * third derivative, so no single h suits every entry. Hence the default (`h` not given):
 * the five-point central difference
 *
 *   n(h) = (L(w-2h) - 8 L(w-h) + 8 L(w+h) - L(w+2h)) / (12h),     error O(h^4) + O(eps |L| / h)
 *
 * on a ladder of steps h_1 > h_2 > ... (1e-2 down to 1e-6), keeping n(h_{k+1}) for the k that
 * minimises max(|n(h_k) - n(h_{k+1})|, eps |L| / h_{k+1}): the gap between neighbours bounds
 * the truncation error, eps |L| / h the rounding error, so the chosen estimate is both
 * stable and above the noise. The choice looks only at the numeric estimates, never at the
 * analytic value being tested. Giving `h` (and optionally `stencil: 5`) uses one fixed step.
 */

/** Anything with values and a same-length gradient: a Param, or an input batch and its dL/dx. */
export interface Checkable {
  readonly name: string;
  readonly value: Float64Array;
  readonly grad: Float64Array;
}

export interface GradCheckOptions {
  /** One fixed step h (default: the adaptive ladder described above). */
  readonly h?: number;
  /** 3 or 5 points in the central difference with a fixed h (default 3). */
  readonly stencil?: 3 | 5;
  /** Denominator floor of the relative error (default 1e-6). */
  readonly floor?: number;
  /** Check at most this many entries per tensor, evenly spaced (default: all). */
  readonly maxPerTensor?: number;
}

/** Steps tried by the adaptive five-point estimate, largest first. */
const LADDER = [1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 1e-5, 1e-6] as const;
const EPS = 2 ** -52;

export interface GradCheckResult {
  readonly maxRelError: number;
  /** The entry with the largest relative error. */
  readonly worst: {
    readonly tensor: string;
    readonly index: number;
    readonly analytic: number;
    readonly numeric: number;
  };
  /** How many entries were compared. */
  readonly checked: number;
}

/**
 * Compare analytic and numeric gradients of `loss` with respect to every tensor in `tensors`.
 * `loss()` must be a pure function of the tensors' current values. `analytic()` must write
 * dL/d(tensor) into each tensor's grad buffer (the checker zeroes them first); it is called
 * once, before any value is perturbed.
 */
export function gradCheck(
  tensors: readonly Checkable[],
  loss: () => number,
  analytic: () => void,
  options: GradCheckOptions = {},
): GradCheckResult {
  const h = options.h;
  const floor = options.floor ?? 1e-6;
  const stencil = options.stencil ?? 3;
  for (const t of tensors) t.grad.fill(0);
  analytic();
  const noise = EPS * Math.max(Math.abs(loss()), Number.MIN_VALUE);
  const grads = tensors.map((t) => Float64Array.from(t.grad));
  let maxRel = 0;
  let checked = 0;
  let worst = { tensor: tensors[0]?.name ?? "", index: -1, analytic: 0, numeric: 0 };
  tensors.forEach((t, ti) => {
    const n = t.value.length;
    const limit = options.maxPerTensor ?? n;
    const stride = n > limit ? n / limit : 1;
    for (let k = 0; k * stride < n && k < limit; k++) {
      const i = Math.floor(k * stride);
      const w = t.value[i]!;
      const at = (d: number): number => {
        t.value[i] = w + d;
        return loss();
      };
      const estimate = (step: number, points: 3 | 5): number =>
        points === 5
          ? (at(-2 * step) - 8 * at(-step) + 8 * at(step) - at(2 * step)) / (12 * step)
          : (at(step) - at(-step)) / (2 * step);
      let numeric: number;
      if (h !== undefined) numeric = estimate(h, stencil);
      else {
        let prev = estimate(LADDER[0]!, 5);
        numeric = prev;
        let bestGap = Number.POSITIVE_INFINITY;
        for (let j = 1; j < LADDER.length; j++) {
          const cur = estimate(LADDER[j]!, 5);
          const gap = Math.max(Math.abs(cur - prev), noise / LADDER[j]!);
          if (gap < bestGap) {
            bestGap = gap;
            numeric = cur;
          }
          prev = cur;
        }
      }
      t.value[i] = w;
      const a = grads[ti]![i]!;
      const rel = Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), floor);
      checked++;
      if (!(rel <= maxRel)) {
        maxRel = Number.isNaN(rel) ? Number.POSITIVE_INFINITY : rel;
        worst = { tensor: t.name, index: i, analytic: a, numeric };
      }
    }
  });
  return { maxRelError: maxRel, worst, checked };
}
