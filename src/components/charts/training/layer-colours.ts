/**
 * Layer colours: a ramp from the first layer (input side, blue) through violet to the last
 * (output side, orange), so "early" and "late" read at a glance. Every stop is mid-lightness,
 * so each line stays visible on the light and on the dark background; the first and last
 * lines are also labelled in text, so colour is never the only cue.
 *
 * The colours are computed here, one constant per layer, rather than through a Plot colour
 * scale: a line mark with a stroke *channel* maps every point through the scale and is several
 * times slower to draw than one mark per layer with a constant stroke.
 */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0x3d, 0x7b, 0xe0],
  [0x9a, 0x5b, 0xd0],
  [0xe0, 0x70, 0x2a],
];

const hex = (v: number) => Math.round(v).toString(16).padStart(2, "0");

/** Colour of layer `layer` of `n` (1-based), as #rrggbb. */
export function layerColour(layer: number, n: number): string {
  const t = n <= 1 ? 0 : (layer - 1) / (n - 1);
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return `#${hex(a[0] + (b[0] - a[0]) * f)}${hex(a[1] + (b[1] - a[1]) * f)}${hex(a[2] + (b[2] - a[2]) * f)}`;
}
