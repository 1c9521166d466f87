/**
 * <InitVariance>: how the variance of activations (forwards) and of gradients (backwards)
 * changes layer by layer in a freshly initialised MLP, for the standard, Glorot and He
 * initialisations side by side; the reader picks the activation, the width and the depth.
 *
 * The numbers are the core's Monte Carlo estimate (src/lib/variance-propagation.ts). After a
 * change they are computed a few layers per task (common/run-sliced.ts), so no task
 * approaches 50 ms; until the new numbers arrive the previous ones stay on screen.
 *
 * Props: initial (Partial<InitVarianceConfig>), staticResults (build-time numbers for the
 * initial config), children (static activation chart), slot `grads` (static gradient chart).
 */
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { fmtNum } from "../../../lib/metric-format";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { runSliced } from "../common/run-sliced";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { withErrorBoundary } from "../ErrorBoundary";
import {
  ACTIVATION_OPTIONS,
  endRatio,
  type InitVarianceConfig,
  parseInitVarianceConfig,
  RANGES,
  schemeLabel,
  VARIANCE_SCHEMES,
  type VarianceResults,
} from "./state";
import { varianceChart } from "./variance-chart";
import "../common/widget.css";

export interface InitVarianceProps {
  readonly initial?: Partial<InitVarianceConfig>;
  readonly staticResults?: VarianceResults;
  readonly children?: ComponentChildren;
  readonly grads?: ComponentChildren;
}

function InitVariance(props: InitVarianceProps) {
  const defaults = useMemo(() => parseInitVarianceConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfigRaw] = useState(defaults);
  const [results, setResults] = useState<VarianceResults>(props.staticResults ?? {});
  const [computedFor, setComputedFor] = useState<InitVarianceConfig | null>(
    props.staticResults ? defaults : null,
  );
  const hydrated = useHydrated();
  const setConfig = useCallback(
    (patch: Partial<InitVarianceConfig>) => setConfigRaw((c) => parseInitVarianceConfig({ ...c, ...patch })),
    [],
  );

  // A few layers per task (at most ~8 ms, run-sliced.ts); a newer config cancels an older
  // one's remaining work. The estimate (the core) loads on the first change, so the page's
  // initial JavaScript does not carry it.
  useEffect(() => {
    if (computedFor === config) return;
    let cancel = () => {};
    let live = true;
    import("./config").then(({ allVarianceSteps }) => {
      if (!live) return;
      cancel = runSliced(allVarianceSteps(config), (fresh) => {
        setResults(fresh);
        setComputedFor(config);
      });
    });
    return () => {
      live = false;
      cancel();
    };
  }, [config, computedFor]);

  const drawActs = useCallback(
    (doc: Document, s: ChartSize) => varianceChart(results, { kind: "activation", width: s.width }, doc),
    [results],
  );
  const drawGrads = useCallback(
    (doc: Document, s: ChartSize) => varianceChart(results, { kind: "gradient", width: s.width }, doc),
    [results],
  );
  const disabled = !hydrated;
  const pending = computedFor !== config;

  return (
    <div class="widget init-variance" data-widget="init-variance" data-pending={pending}>
      <div class="controls">
        <ChoiceField
          legend="Activation"
          name="activation"
          options={ACTIVATION_OPTIONS}
          value={config.activation}
          onChange={(v) => setConfig({ activation: v })}
          disabled={disabled}
        />
        <RangeField
          label="Width n"
          name="width"
          {...RANGES.width}
          value={config.width}
          onChange={(v) => setConfig({ width: v })}
          disabled={disabled}
        />
        <RangeField
          label="Hidden layers"
          name="depth"
          {...RANGES.depth}
          value={config.depth}
          onChange={(v) => setConfig({ depth: v })}
          disabled={disabled}
        />
        <PlaybackBar playing={false} onReset={() => setConfigRaw(defaults)} disabled={disabled} />
      </div>
      <figure class="iv-chart">
        <figcaption>Activation variance per layer (forwards), log scale</figcaption>
        <ChartMount name="activations" draw={drawActs} queued>
          {props.children}
        </ChartMount>
      </figure>
      <figure class="iv-chart">
        <figcaption>
          Gradient variance per layer (backwards, from layer {config.depth} to layer 1), log scale
        </figcaption>
        <ChartMount name="gradients" draw={drawGrads} queued>
          {props.grads}
        </ChartMount>
      </figure>
      <div class="table-scroll" data-scroll-region>
        <table class="numbers" data-table="variance" aria-live="polite">
          <caption>
            What is left after {computedFor?.depth ?? config.depth} layers (
            {computedFor?.activation ?? config.activation}, width {computedFor?.width ?? config.width})
            {pending ? " — updating…" : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">initialisation</th>
              <th scope="col">Var[a] at layer L ÷ layer 1</th>
              <th scope="col">Var[∂L/∂z] at layer 1 ÷ layer L</th>
            </tr>
          </thead>
          <tbody>
            {VARIANCE_SCHEMES.map((s) => {
              const fwd = endRatio(results[s], "activation");
              const back = endRatio(results[s], "gradient");
              return (
                <tr key={s} data-scheme={s}>
                  <th scope="row">{schemeLabel(s)}</th>
                  <td data-cell="forward">{fwd === null ? "–" : fmtNum(fwd)}</td>
                  <td data-cell="backward">{back === null ? "–" : fmtNum(back)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ShareState
        widget="init-variance"
        config={config}
        parse={parseInitVarianceConfig}
        onOpen={setConfigRaw}
      />
    </div>
  );
}

export default withErrorBoundary("init-variance", InitVariance);
