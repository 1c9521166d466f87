/**
 * A stand-in for `d3-geo` in the site's bundle (aliased in astro.config.mjs).
 *
 * Why: Observable Plot imports d3-geo's projections through the `d3` umbrella, and they
 * cost ~9 KB gzipped on every page with a chart — a tenth of the 110 KB page budget — while
 * no chart here is a map. Plot needs exactly one of them when no projection is set:
 * `geoTransform`, which it calls at module load to build its y-reflection. That function
 * is written out below (a stream whose methods default to passing points through); every
 * other export throws a clear error if a future chart asks for a map, and the chart's error
 * boundary shows it. To draw maps, delete the alias.
 */

type StreamMethods = Record<string, (this: { stream: GeoStream }, ...args: number[]) => void>;
interface GeoStream {
  point(x: number, y: number, z?: number): void;
  sphere?(): void;
  lineStart(): void;
  lineEnd(): void;
  polygonStart(): void;
  polygonEnd(): void;
}

/** A pass-through stream: each method forwards to the wrapped stream unless overridden. */
class TransformStream {
  stream!: GeoStream;
  point(x: number, y: number) {
    this.stream.point(x, y);
  }
  sphere() {
    this.stream.sphere?.();
  }
  lineStart() {
    this.stream.lineStart();
  }
  lineEnd() {
    this.stream.lineEnd();
  }
  polygonStart() {
    this.stream.polygonStart();
  }
  polygonEnd() {
    this.stream.polygonEnd();
  }
}

export function geoTransform(methods: StreamMethods) {
  return {
    stream(stream: GeoStream) {
      const s = Object.assign(new TransformStream(), methods);
      s.stream = stream;
      return s;
    },
  };
}

function unavailable(name: string) {
  return (): never => {
    throw new Error(`${name}: map projections are not bundled in this site (see d3-geo-lite.ts)`);
  };
}

export const geoAlbers = unavailable("geoAlbers");
export const geoAlbersUsa = unavailable("geoAlbersUsa");
export const geoArea = unavailable("geoArea");
export const geoAzimuthalEqualArea = unavailable("geoAzimuthalEqualArea");
export const geoAzimuthalEqualAreaRaw = unavailable("geoAzimuthalEqualAreaRaw");
export const geoAzimuthalEquidistant = unavailable("geoAzimuthalEquidistant");
export const geoAzimuthalEquidistantRaw = unavailable("geoAzimuthalEquidistantRaw");
export const geoBounds = unavailable("geoBounds");
export const geoCentroid = unavailable("geoCentroid");
export const geoCircle = unavailable("geoCircle");
export const geoClipAntimeridian = unavailable("geoClipAntimeridian");
export const geoClipCircle = unavailable("geoClipCircle");
export const geoClipExtent = unavailable("geoClipExtent");
export const geoClipRectangle = unavailable("geoClipRectangle");
export const geoConicConformal = unavailable("geoConicConformal");
export const geoConicConformalRaw = unavailable("geoConicConformalRaw");
export const geoConicEqualArea = unavailable("geoConicEqualArea");
export const geoConicEqualAreaRaw = unavailable("geoConicEqualAreaRaw");
export const geoConicEquidistant = unavailable("geoConicEquidistant");
export const geoConicEquidistantRaw = unavailable("geoConicEquidistantRaw");
export const geoContains = unavailable("geoContains");
export const geoDistance = unavailable("geoDistance");
export const geoEqualEarth = unavailable("geoEqualEarth");
export const geoEqualEarthRaw = unavailable("geoEqualEarthRaw");
export const geoEquirectangular = unavailable("geoEquirectangular");
export const geoEquirectangularRaw = unavailable("geoEquirectangularRaw");
export const geoGnomonic = unavailable("geoGnomonic");
export const geoGnomonicRaw = unavailable("geoGnomonicRaw");
export const geoGraticule = unavailable("geoGraticule");
export const geoGraticule10 = unavailable("geoGraticule10");
export const geoIdentity = unavailable("geoIdentity");
export const geoInterpolate = unavailable("geoInterpolate");
export const geoLength = unavailable("geoLength");
export const geoMercator = unavailable("geoMercator");
export const geoMercatorRaw = unavailable("geoMercatorRaw");
export const geoNaturalEarth1 = unavailable("geoNaturalEarth1");
export const geoNaturalEarth1Raw = unavailable("geoNaturalEarth1Raw");
export const geoOrthographic = unavailable("geoOrthographic");
export const geoOrthographicRaw = unavailable("geoOrthographicRaw");
export const geoPath = unavailable("geoPath");
export const geoProjection = unavailable("geoProjection");
export const geoProjectionMutator = unavailable("geoProjectionMutator");
export const geoRotation = unavailable("geoRotation");
export const geoStereographic = unavailable("geoStereographic");
export const geoStereographicRaw = unavailable("geoStereographicRaw");
export const geoStream = unavailable("geoStream");
export const geoTransverseMercator = unavailable("geoTransverseMercator");
export const geoTransverseMercatorRaw = unavailable("geoTransverseMercatorRaw");
