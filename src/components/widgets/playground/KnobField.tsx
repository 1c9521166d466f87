/**
 * One playground knob as a labelled form control — a <select> for a choice (the playground has
 * too many knobs for radio rows), a number box, or a checkbox — with its problems listed under
 * it (aria-invalid + aria-describedby, so a screen reader reads the message with the control).
 *
 * A number box is not clamped: what the reader types is kept and checked, so an out-of-range
 * value shows why it is refused (the playground's bounds, or the core schema's own message).
 * Text that is not a number at all is held locally and reported, never sent to the run.
 */
import { useEffect, useId, useState } from "preact/hooks";
import { KNOBS, type Knob, type KnobName, type PlaygroundKnobs } from "./knobs";

export interface KnobFieldProps<K extends KnobName> {
  readonly name: K;
  readonly value: PlaygroundKnobs[K];
  readonly onChange: (name: K, value: PlaygroundKnobs[K]) => void;
  readonly errors?: readonly string[] | undefined;
  /** Locked by an instructor's link: shown, not editable. */
  readonly locked?: boolean;
  /** Before hydration: shown, not editable. */
  readonly disabled?: boolean;
}

export function KnobField<K extends KnobName>(props: KnobFieldProps<K>) {
  const id = useId();
  const knob: Knob = KNOBS[props.name];
  const [text, setText] = useState(String(props.value));
  const [typo, setTypo] = useState(false);
  // A new value from outside (preset, link, reset) replaces whatever was typed.
  useEffect(() => {
    setText(String(props.value));
    setTypo(false);
  }, [props.value]);

  const messages = [...(typo ? ["enter a number"] : []), ...(props.errors ?? [])];
  const errorId = `${id}-err`;
  const inactive = props.disabled || props.locked;
  const invalid = messages.length > 0;
  const common = {
    id,
    name: props.name,
    disabled: inactive,
    "aria-invalid": invalid ? ("true" as const) : undefined,
    "aria-describedby": invalid ? errorId : undefined,
  };
  const set = (v: unknown) => props.onChange(props.name, v as PlaygroundKnobs[K]);

  let control: preact.JSX.Element;
  if (knob.kind === "choice") {
    control = (
      <select {...common} value={String(props.value)} onChange={(e) => set(e.currentTarget.value)}>
        {Object.entries(knob.options).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  } else if (knob.kind === "toggle") {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={props.value === true}
        onChange={(e) => set(e.currentTarget.checked)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type="number"
        inputMode="decimal"
        min={knob.min}
        max={knob.max}
        step={knob.step}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => {
          const raw = e.currentTarget.value.trim();
          const v = Number(raw);
          if (raw === "" || !Number.isFinite(v)) {
            setTypo(true);
            return;
          }
          setTypo(false);
          set(v);
        }}
      />
    );
  }

  return (
    <div
      class={`pg-knob pg-knob--${knob.kind}${invalid ? " pg-knob--invalid" : ""}`}
      data-control={props.name}
      data-locked={props.locked ? "" : undefined}
    >
      {knob.kind === "toggle" ? (
        <span class="pg-toggle-row">
          {control}
          <label for={id}>
            {knob.label}
            {props.locked ? <span class="pg-lock"> (locked)</span> : null}
          </label>
        </span>
      ) : (
        <>
          <label for={id}>
            {knob.label}
            {props.locked ? <span class="pg-lock"> (locked)</span> : null}
          </label>
          {control}
        </>
      )}
      {knob.hint ? <span class="field-hint pg-hint">{knob.hint}</span> : null}
      {invalid ? (
        <ul class="pg-errors" id={errorId} data-knob-error={props.name}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
