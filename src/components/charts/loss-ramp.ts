/**
 * The colour ramp of chapter 2's loss surface (low loss dark, high loss light), the site's only
 * continuous colour map. Five stops from deep indigo through blue and teal to green and a pale
 * yellow, chosen so that lightness rises steadily from one end to the other (the map reads as
 * ordered in greyscale and for colour-blind readers) and so that the black-on-white path drawn
 * over it stays visible on every band. Between stops, plain linear interpolation in sRGB.
 * Same in both themes: a map's colours encode data, not decoration.
 *
 * tests/unit/loss-ramp.test.ts checks that relative luminance increases along the ramp.
 */
const STOPS = ["#2b1760", "#2f4f9a", "#1f8c8f", "#5cbf5e", "#f4e86a"] as const;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const RGB = STOPS.map(channels);

/** t in [0, 1] (clamped; NaN gives the low end) to an `rgb(r, g, b)` colour. */
export function lossRamp(t: number): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (RGB.length - 1);
  const i = Math.min(RGB.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = RGB[i]!;
  const b = RGB[i + 1]!;
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}
