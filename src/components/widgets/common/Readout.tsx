/**
 * A labelled numeric readout: the numbers a chart shows, as text. A group of readouts sits
 * in a <dl>; pass `live` on the group to have screen readers announce changes politely.
 */
import type { ComponentChildren } from "preact";
import { formatNumberProse } from "./format";

export function ReadoutList(props: {
  readonly children: ComponentChildren;
  readonly live?: boolean;
  readonly label?: string;
}) {
  return (
    <dl class="readouts" aria-live={props.live ? "polite" : undefined} aria-label={props.label}>
      {props.children}
    </dl>
  );
}

export function Readout(props: {
  /** What the value is, e.g. "σ(x)"; may contain markup. */
  readonly label: ComponentChildren;
  readonly value: number | string;
  /** A stable name for tests and styling: rendered as data-readout. */
  readonly name: string;
  readonly digits?: number;
}) {
  const text = typeof props.value === "number" ? formatNumberProse(props.value, props.digits) : props.value;
  return (
    <div class="readout" data-readout={props.name}>
      <dt>{props.label}</dt>
      <dd>{text}</dd>
    </div>
  );
}
