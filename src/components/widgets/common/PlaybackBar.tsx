/**
 * Play / pause / step / reset for widgets that run over time. Stateless: the widget owns
 * `playing` and the handlers. Play and pause are one toggle button with aria-pressed.
 * Reset restores the widget's defaults (and replays the same seed, where there is one).
 */
export interface PlaybackBarProps {
  readonly playing: boolean;
  readonly onPlayPause?: () => void;
  readonly onStep?: () => void;
  readonly onReset: () => void;
  readonly disabled?: boolean;
  /** Text for the step button, e.g. "Step" or "One update". */
  readonly stepLabel?: string;
}

export function PlaybackBar(props: PlaybackBarProps) {
  return (
    <fieldset class="playback" aria-label="Playback">
      {props.onPlayPause ? (
        <button
          type="button"
          data-action="play"
          aria-pressed={props.playing}
          disabled={props.disabled}
          onClick={props.onPlayPause}
        >
          {props.playing ? "Pause" : "Play"}
        </button>
      ) : null}
      {props.onStep ? (
        <button
          type="button"
          data-action="step"
          disabled={props.disabled || props.playing}
          onClick={props.onStep}
        >
          {props.stepLabel ?? "Step"}
        </button>
      ) : null}
      <button type="button" data-action="reset" disabled={props.disabled} onClick={props.onReset}>
        Reset
      </button>
    </fieldset>
  );
}
