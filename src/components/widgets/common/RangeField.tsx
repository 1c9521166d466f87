/**
 * A labelled number control: a range slider (arrow keys step it, Page Up/Down jump) and a
 * number input for exact values, kept in sync. Both are real form elements; the label names
 * both. Values typed out of range are clamped; unparseable input is ignored until corrected.
 */
import { useId } from "preact/hooks";

export interface RangeFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly onChange: (v: number) => void;
  /** Stable name for tests: data-control on the wrapper. */
  readonly name: string;
  readonly disabled?: boolean;
  /** Optional text after the label, e.g. units or a hint. */
  readonly hint?: string;
}

export function clampToRange(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

export function RangeField(props: RangeFieldProps) {
  const id = useId();
  const { min, max, step, value } = props;
  const set = (raw: string) => {
    const v = Number.parseFloat(raw);
    if (Number.isFinite(v)) props.onChange(clampToRange(v, min, max));
  };
  return (
    <div class="field field--range" data-control={props.name}>
      <label for={`${id}-r`}>
        {props.label}
        {props.hint ? <span class="field-hint"> {props.hint}</span> : null}
      </label>
      <div class="field-row">
        <input
          id={`${id}-r`}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={props.disabled}
          onInput={(e) => set(e.currentTarget.value)}
        />
        <input
          type="number"
          aria-label={`${props.label} (exact value)`}
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={props.disabled}
          onChange={(e) => set(e.currentTarget.value)}
        />
      </div>
    </div>
  );
}
