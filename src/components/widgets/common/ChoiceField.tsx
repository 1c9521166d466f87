/**
 * A labelled single choice as a radio group in a fieldset: every option visible, arrow keys
 * move between them (native radio behaviour), the legend names the group.
 */
import { useId } from "preact/hooks";

export interface ChoiceFieldProps<T extends string> {
  readonly legend: string;
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  readonly value: T;
  readonly onChange: (v: T) => void;
  readonly name: string;
  readonly disabled?: boolean;
}

export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <fieldset class="field field--choice" data-control={props.name} disabled={props.disabled}>
      <legend>{props.legend}</legend>
      <div class="choice-row">
        {props.options.map((o) => (
          <label key={o.value} class="choice">
            <input
              type="radio"
              name={`${id}-${props.name}`}
              value={o.value}
              checked={o.value === props.value}
              onChange={() => props.onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
