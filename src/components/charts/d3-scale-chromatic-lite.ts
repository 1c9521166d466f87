/**
 * A stand-in for `d3-scale-chromatic` in the site's bundle (aliased in astro.config.mjs and in
 * vitest.config.ts, like d3-geo-lite.ts).
 *
 * Why: Observable Plot names every d3 colour scheme in one table, so all of them (~7 KB
 * gzipped, mostly hex strings that do not tree-shake) ride on every page with a chart. The
 * charts here never use them: every colour comes from the site's palette (CSS variables,
 * charts/theme.ts) or, for the one continuous map (chapter 2's loss surface), from the site's
 * own ramp (charts/loss-ramp.ts); every colour scale with a field channel gives its range.
 * So each export below is a placeholder that throws a clear error if a chart ever asks Plot
 * for a named scheme or one of Plot's default schemes (a colour channel without a range);
 * the chart's error boundary shows the message. Unit and component tests run with the same
 * alias, so such a chart fails there first. To use a d3 scheme, delete the alias.
 * tests/unit/d3-scale-chromatic-lite.test.ts keeps the export list equal to the package's.
 */

function notBundled(name: string): Error {
  return new Error(
    `d3's colour scheme ${name} is not in this site's bundle: give the chart's colour scale a range or an interpolate (see src/components/charts/d3-scale-chromatic-lite.ts).`,
  );
}
/** A continuous scheme, t in [0, 1] -> colour. */
function missingInterpolator(name: string): (t: number) => string {
  return () => {
    throw notBundled(name);
  };
}
/** A discrete scheme (an array of colours, or of arrays by size): any read throws. */
function missingScheme(name: string): readonly string[] {
  return new Proxy<string[]>([], {
    get() {
      throw notBundled(name);
    },
  });
}

export const interpolateBlues = missingInterpolator("interpolateBlues");
export const interpolateBrBG = missingInterpolator("interpolateBrBG");
export const interpolateBuGn = missingInterpolator("interpolateBuGn");
export const interpolateBuPu = missingInterpolator("interpolateBuPu");
export const interpolateCividis = missingInterpolator("interpolateCividis");
export const interpolateCool = missingInterpolator("interpolateCool");
export const interpolateCubehelixDefault = missingInterpolator("interpolateCubehelixDefault");
export const interpolateGnBu = missingInterpolator("interpolateGnBu");
export const interpolateGreens = missingInterpolator("interpolateGreens");
export const interpolateGreys = missingInterpolator("interpolateGreys");
export const interpolateInferno = missingInterpolator("interpolateInferno");
export const interpolateMagma = missingInterpolator("interpolateMagma");
export const interpolateOrRd = missingInterpolator("interpolateOrRd");
export const interpolateOranges = missingInterpolator("interpolateOranges");
export const interpolatePRGn = missingInterpolator("interpolatePRGn");
export const interpolatePiYG = missingInterpolator("interpolatePiYG");
export const interpolatePlasma = missingInterpolator("interpolatePlasma");
export const interpolatePuBu = missingInterpolator("interpolatePuBu");
export const interpolatePuBuGn = missingInterpolator("interpolatePuBuGn");
export const interpolatePuOr = missingInterpolator("interpolatePuOr");
export const interpolatePuRd = missingInterpolator("interpolatePuRd");
export const interpolatePurples = missingInterpolator("interpolatePurples");
export const interpolateRainbow = missingInterpolator("interpolateRainbow");
export const interpolateRdBu = missingInterpolator("interpolateRdBu");
export const interpolateRdGy = missingInterpolator("interpolateRdGy");
export const interpolateRdPu = missingInterpolator("interpolateRdPu");
export const interpolateRdYlBu = missingInterpolator("interpolateRdYlBu");
export const interpolateRdYlGn = missingInterpolator("interpolateRdYlGn");
export const interpolateReds = missingInterpolator("interpolateReds");
export const interpolateSinebow = missingInterpolator("interpolateSinebow");
export const interpolateSpectral = missingInterpolator("interpolateSpectral");
export const interpolateTurbo = missingInterpolator("interpolateTurbo");
export const interpolateViridis = missingInterpolator("interpolateViridis");
export const interpolateWarm = missingInterpolator("interpolateWarm");
export const interpolateYlGn = missingInterpolator("interpolateYlGn");
export const interpolateYlGnBu = missingInterpolator("interpolateYlGnBu");
export const interpolateYlOrBr = missingInterpolator("interpolateYlOrBr");
export const interpolateYlOrRd = missingInterpolator("interpolateYlOrRd");
export const schemeAccent = missingScheme("schemeAccent");
export const schemeBlues = missingScheme("schemeBlues");
export const schemeBrBG = missingScheme("schemeBrBG");
export const schemeBuGn = missingScheme("schemeBuGn");
export const schemeBuPu = missingScheme("schemeBuPu");
export const schemeCategory10 = missingScheme("schemeCategory10");
export const schemeDark2 = missingScheme("schemeDark2");
export const schemeGnBu = missingScheme("schemeGnBu");
export const schemeGreens = missingScheme("schemeGreens");
export const schemeGreys = missingScheme("schemeGreys");
export const schemeObservable10 = missingScheme("schemeObservable10");
export const schemeOrRd = missingScheme("schemeOrRd");
export const schemeOranges = missingScheme("schemeOranges");
export const schemePRGn = missingScheme("schemePRGn");
export const schemePaired = missingScheme("schemePaired");
export const schemePastel1 = missingScheme("schemePastel1");
export const schemePastel2 = missingScheme("schemePastel2");
export const schemePiYG = missingScheme("schemePiYG");
export const schemePuBu = missingScheme("schemePuBu");
export const schemePuBuGn = missingScheme("schemePuBuGn");
export const schemePuOr = missingScheme("schemePuOr");
export const schemePuRd = missingScheme("schemePuRd");
export const schemePurples = missingScheme("schemePurples");
export const schemeRdBu = missingScheme("schemeRdBu");
export const schemeRdGy = missingScheme("schemeRdGy");
export const schemeRdPu = missingScheme("schemeRdPu");
export const schemeRdYlBu = missingScheme("schemeRdYlBu");
export const schemeRdYlGn = missingScheme("schemeRdYlGn");
export const schemeReds = missingScheme("schemeReds");
export const schemeSet1 = missingScheme("schemeSet1");
export const schemeSet2 = missingScheme("schemeSet2");
export const schemeSet3 = missingScheme("schemeSet3");
export const schemeSpectral = missingScheme("schemeSpectral");
export const schemeTableau10 = missingScheme("schemeTableau10");
export const schemeYlGn = missingScheme("schemeYlGn");
export const schemeYlGnBu = missingScheme("schemeYlGnBu");
export const schemeYlOrBr = missingScheme("schemeYlOrBr");
export const schemeYlOrRd = missingScheme("schemeYlOrRd");
