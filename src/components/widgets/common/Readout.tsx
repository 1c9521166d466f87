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
  // A number ("3.81 × 10⁻⁶", "0.154 → −0.319") must not break at its inner spaces on a phone;
  // a phrase ("seed 1: data, batches, initial weights") must, or it runs off the screen.
  const numeric = !/\p{L}/u.test(text);
  return (
    <div class="readout" data-readout={props.name}>
      <dt>{props.label}</dt>
      <dd class={numeric ? "readout-number" : undefined}>{text}</dd>
    </div>
  );
}
