/**
 * "Make an exercise link": for instructors, a table of the playground's controls with a lock
 * and a hide box each; the link it builds opens this experiment (the same URL state as "copy
 * link") with those controls locked or hidden (instructor.ts). Starts from the settings of
 * the link the page was opened with, so an exercise can be edited and re-shared.
 */
import { useEffect, useState } from "preact/hooks";
import { stateUrl } from "../common/url-state-link";
import { CONTROL_NAMES, type ControlName, type InstructorSettings, instructorQuery } from "./instructor";
import { KNOBS } from "./knobs";
import type { PlaygroundState } from "./state";

export interface ExerciseLinkProps {
  readonly state: PlaygroundState;
  readonly current: InstructorSettings;
  readonly disabled?: boolean;
}

const labelOf = (c: ControlName) => (c === "presets" ? "Preset" : KNOBS[c].label);

/** The exercise link: the playground's state parameter, then lock= and hide=, then the anchor. */
export function exerciseUrl(
  base: string,
  state: PlaygroundState,
  locked: Iterable<ControlName>,
  hidden: Iterable<ControlName>,
): string {
  const url = new URL(stateUrl(base, "playground", state));
  const extra = instructorQuery(locked, hidden);
  return extra ? `${url.origin}${url.pathname}${url.search}&${extra}${url.hash}` : url.href;
}

export function ExerciseLink(props: ExerciseLinkProps) {
  const [locked, setLocked] = useState<ReadonlySet<ControlName>>(props.current.locked);
  const [hidden, setHidden] = useState<ReadonlySet<ControlName>>(props.current.hidden);
  const [feedback, setFeedback] = useState("");
  /** The page address, read after hydration (the server has none). */
  const [base, setBase] = useState("");
  useEffect(() => setBase(window.location.href), []);
  useEffect(() => {
    setLocked(props.current.locked);
    setHidden(props.current.hidden);
  }, [props.current]);

  const toggle = (set: ReadonlySet<ControlName>, c: ControlName, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(c);
    else next.delete(c);
    return next;
  };
  const link = base ? exerciseUrl(base, props.state, locked, hidden) : "";

  return (
    <details class="pg-exercise-link" data-exercise-link>
      <summary>Make an exercise link (for instructors)</summary>
      <p class="widget-note">
        Tick the controls students should not change (lock) or not see (hide); the link opens this experiment
        with them locked or hidden. The parameters are described on the{" "}
        <a href="/instructors/#playground-exercises">instructors page</a>.
      </p>
      <div class="table-scroll" data-scroll-region>
        <table class="numbers pg-exercise-table">
          <caption>Controls to lock or hide</caption>
          <thead>
            <tr>
              <th scope="col">control</th>
              <th scope="col">lock</th>
              <th scope="col">hide</th>
            </tr>
          </thead>
          <tbody>
            {CONTROL_NAMES.map((c) => (
              <tr key={c}>
                <th scope="row">
                  {labelOf(c)} <code>{c}</code>
                </th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`lock ${labelOf(c)}`}
                    data-lock={c}
                    checked={locked.has(c)}
                    disabled={props.disabled}
                    onChange={(e) => setLocked(toggle(locked, c, e.currentTarget.checked))}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`hide ${labelOf(c)}`}
                    data-hide={c}
                    checked={hidden.has(c)}
                    disabled={props.disabled}
                    onChange={(e) => setHidden(toggle(hidden, c, e.currentTarget.checked))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="pg-exercise-out">
        <input type="text" readOnly value={link} aria-label="Exercise link" data-exercise-url={link} />
        <button
          type="button"
          disabled={props.disabled || !link}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link);
              setFeedback("Exercise link copied.");
            } catch {
              setFeedback("Could not use the clipboard: select the link above and copy it.");
            }
          }}
        >
          Copy exercise link
        </button>
        <span aria-live="polite" class="share-state-feedback">
          {feedback}
        </span>
      </div>
    </details>
  );
}
