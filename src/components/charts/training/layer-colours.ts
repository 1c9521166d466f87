/**
 * Layer colours: a continuous ramp from the first layer (input side, blue) to the last (output
 * side, orange), so "early" and "late" read at a glance. Both ends are mid-lightness, so every
 * line stays visible on the light and on the dark background; the first and last lines are
 * also labelled in text, so colour is never the only cue.
 */
export const INPUT_SIDE = "#3d7be0";
export const OUTPUT_SIDE = "#e0702a";

/** Plot colour-scale options for layers 1..n. */
export function layerColourScale(n: number) {
  return {
    type: "linear" as const,
    domain: [1, Math.max(2, n)],
    range: [INPUT_SIDE, OUTPUT_SIDE],
    interpolate: "hcl" as const,
  };
}
