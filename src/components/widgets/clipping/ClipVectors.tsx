/**
 * The 2-D demo drawn as a small SVG (no Plot: three arrows on a square): the gradient g, its
 * value-clipped version and its norm-clipped version, with the box |g_i| <= c and the circle
 * ||g|| = c that the two kinds of clipping project onto.
 */
import type { ClipDemoView, Vec2 } from "./clip-demo";

const SIZE = 240;
const HALF = SIZE / 2;

/** The three vectors as rows for the export menu: components, norm, turn away from g. */
export function clipVectorRows(view: ClipDemoView, c: number) {
  return [
    { vector: "g", x: view.g.x, y: view.g.y, norm: view.norm, angleDeg: 0, c },
    {
      vector: "clipped by value",
      x: view.byValue.x,
      y: view.byValue.y,
      norm: view.valueNorm,
      angleDeg: view.valueAngle,
      c,
    },
    {
      vector: "clipped by norm",
      x: view.byNorm.x,
      y: view.byNorm.y,
      norm: view.normNorm,
      angleDeg: view.normAngle,
      c,
    },
  ];
}

export function ClipVectors(props: {
  readonly view: ClipDemoView;
  readonly c: number;
  readonly extent: number;
}) {
  const k = (HALF - 12) / props.extent;
  const X = (v: number) => HALF + v * k;
  const Y = (v: number) => HALF - v * k;
  const arrow = (v: Vec2, cls: string, label: string) => (
    <line
      class={`cv-arrow ${cls}`}
      x1={HALF}
      y1={HALF}
      x2={X(v.x)}
      y2={Y(v.y)}
      marker-end={`url(#cv-head-${cls})`}
      data-vector={label}
    />
  );
  const { view, c } = props;
  return (
    <svg
      class="clip-vectors"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`The gradient (${view.g.x}, ${view.g.y}) and its clipped versions at c = ${c}: by value it turns by ${view.valueAngle.toFixed(1)} degrees, by norm by ${view.normAngle.toFixed(1)} degrees.`}
    >
      <defs>
        {["cv-g", "cv-value", "cv-norm"].map((cls) => (
          <marker
            key={cls}
            id={`cv-head-${cls}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" class={`cv-head ${cls}`} />
          </marker>
        ))}
      </defs>
      <line class="cv-axis" x1={0} y1={HALF} x2={SIZE} y2={HALF} />
      <line class="cv-axis" x1={HALF} y1={0} x2={HALF} y2={SIZE} />
      <rect class="cv-box" x={X(-c)} y={Y(c)} width={2 * c * k} height={2 * c * k} />
      <circle class="cv-circle" cx={HALF} cy={HALF} r={c * k} />
      {arrow(view.g, "cv-g", "g")}
      {arrow(view.byValue, "cv-value", "value")}
      {arrow(view.byNorm, "cv-norm", "norm")}
    </svg>
  );
}
