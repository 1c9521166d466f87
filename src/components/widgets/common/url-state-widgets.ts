/**
 * Every widget with URL state, by its data-widget name, with the spec its island hands to
 * <ShareState>: the same parser (here with the widget's default config as the fallback) and
 * the config format version. Tests fuzz each entry (tests/unit/url-state.test.ts) and the e2e
 * round trip visits each; islands import their own parser directly so a page ships only its
 * widgets' code.
 *
 * Adding a widget: hook <ShareState> into its island, then add a line here.
 */
import { parseExplorerConfig } from "../activation-explorer/config";
import { parseBnPercentilesConfig } from "../bn-percentiles/config";
import { parseClippingConfig } from "../clipping/config";
import { parseDerivativeCompareState } from "../derivative-compare/DerivativeCompare";
import { parseChainConfig } from "../gradient-chain/config";
import { parseInitVarianceConfig } from "../init-variance/config";
import { parseLayerSpeedKnobs } from "../layer-speed/config";
import { parseStepperConfig } from "../neuron-stepper/config";
import { parsePlaygroundState } from "../playground/state";
import { parseRemedyCompareConfig } from "../remedy-compare/comparisons";
import { parseRnnGradientsConfig } from "../rnn-gradients/config";
import { parseDashboardConfig } from "../training-dashboard/config";
import type { UrlStateSpec } from "./url-state";

export const URL_STATE_WIDGETS = {
  "activation-explorer": { parse: (raw) => parseExplorerConfig(raw), version: 1 },
  "derivative-compare": { parse: parseDerivativeCompareState, version: 1 },
  "neuron-stepper": { parse: (raw) => parseStepperConfig(raw), version: 1 },
  "gradient-chain": { parse: (raw) => parseChainConfig(raw), version: 1 },
  "layer-speed": { parse: (raw) => parseLayerSpeedKnobs(raw), version: 1 },
  "training-dashboard": { parse: parseDashboardConfig, version: 1 },
  "remedy-compare": { parse: parseRemedyCompareConfig, version: 1 },
  "init-variance": { parse: parseInitVarianceConfig, version: 1 },
  "bn-percentiles": { parse: (raw) => parseBnPercentilesConfig(raw), version: 1 },
  "rnn-gradients": { parse: parseRnnGradientsConfig, version: 1 },
  clipping: { parse: parseClippingConfig, version: 1 },
  playground: { parse: parsePlaygroundState, version: 1 },
} as const satisfies Record<string, UrlStateSpec<unknown>>;
export type UrlStateWidget = keyof typeof URL_STATE_WIDGETS;
