/**
 * The interactive part of an exercise: the reader types a number (or picks an option) and
 * checks it against the answer the page computed at build time through src/lib. Feedback is
 * announced politely. The worked answer itself lives outside the island, in a <details> that
 * Exercise.astro renders, so it is there without JavaScript.
 */
import { useId, useState } from "preact/hooks";
import { type CheckResult, checkNumericAnswer, type NumericTolerance } from "./exercise-check";
import { useHydrated } from "./widgets/common/useHydrated";
import { withErrorBoundary } from "./widgets/ErrorBoundary";
import "./widgets/common/widget.css";

export type ExerciseCheckProps =
  | {
      readonly kind: "number";
      readonly answer: number;
      readonly tolerance?: NumericTolerance;
      /** e.g. "to three significant figures" — shown after the input label. */
      readonly hint?: string;
    }
  | {
      readonly kind: "choice";
      readonly options: readonly string[];
      /** The correct option, exactly as in `options`. */
      readonly answer: string;
    };

const MESSAGES: Record<CheckResult, string> = {
  correct: "Correct.",
  incorrect: "Not quite — try again, or open the answer below.",
  unreadable: "That is not a number I can read; try e.g. 0.25, 1/4 or 2.5e-3.",
  empty: "Type an answer first.",
};

function ExerciseCheck(props: ExerciseCheckProps) {
  const id = useId();
  const hydrated = useHydrated();
  const [value, setValue] = useState("");
  const [result, setResult] = useState<CheckResult | null>(null);

  const check = () => {
    if (props.kind === "number") setResult(checkNumericAnswer(value, props.answer, props.tolerance));
    else setResult(value === "" ? "empty" : value === props.answer ? "correct" : "incorrect");
  };

  return (
    <form
      class="widget exercise-check"
      data-exercise-check
      data-result={result ?? undefined}
      onSubmit={(e) => {
        e.preventDefault();
        check();
      }}
    >
      <fieldset disabled={!hydrated} class="exercise-fields">
        {props.kind === "number" ? (
          <div class="field">
            <label for={`${id}-in`}>
              Your answer{props.hint ? <span class="field-hint"> ({props.hint})</span> : null}
            </label>
            <div class="field-row">
              <input
                id={`${id}-in`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellcheck={false}
                value={value}
                onInput={(e) => {
                  setValue(e.currentTarget.value);
                  setResult(null);
                }}
              />
              <button type="submit">Check</button>
            </div>
          </div>
        ) : (
          <div class="field">
            <div class="choice-column">
              {props.options.map((o) => (
                <label class="choice" key={o}>
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={o}
                    checked={value === o}
                    onChange={() => {
                      setValue(o);
                      setResult(null);
                    }}
                  />
                  <span>{o}</span>
                </label>
              ))}
            </div>
            <div>
              <button type="submit">Check</button>
            </div>
          </div>
        )}
      </fieldset>
      <p
        class={`exercise-feedback exercise-feedback--${result ?? "none"}`}
        aria-live="polite"
        data-readout="feedback"
      >
        {result ? MESSAGES[result] : hydrated ? "" : "Checking needs JavaScript; the answer is below."}
      </p>
    </form>
  );
}

// Not a figure widget (no chart, so no data-widget): the boundary names it for its message only.
export default withErrorBoundary("exercise-check", ExerciseCheck);
