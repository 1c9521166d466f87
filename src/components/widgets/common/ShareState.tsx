/**
 * URL state for a widget in one line: opens the state a link carries, and offers "copy link to
 * this experiment" (and, for embeddable widgets, "copy embed snippet"). Inside the island:
 *
 *   <ShareState widget="activation-explorer" config={config} parse={parse} onOpen={setConfigRaw} />
 *
 * `parse` is the widget's own config parser (never trust the URL; see url-state.ts); `onOpen`
 * replaces the whole config. The parameter is named by the enclosing `[data-url-state-key]`
 * (embed pages use "state"), else the enclosing figure's id, else `w-<widget>`; so two figures
 * on a page keep separate states. The state is read once, after hydration, so the server HTML
 * (the default figure) and the first client render agree.
 *
 * A widget that trains passes `step={{ current, open }}` (useStepLink in ../training/ builds
 * it): the share row then offers "Include the current step (N)", and a link that carries a step
 * calls `open(N)` after `onOpen(config)`, in the same task, so the widget restarts the opened
 * config and trains it to exactly step N.
 *
 * Tests read the link from `data-share-link` / `data-embed-snippet` on the buttons; the
 * clipboard may be unavailable (permissions, insecure context), and then the text is shown in
 * a read-only field to copy by hand.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { EMBEDDABLE_WIDGETS } from "./embeddable";
import type { UrlStateSpec } from "./url-state";
import { isStateKey, stateUrl } from "./url-state-link";

/** The step count of a widget that trains, for links that say "at step N". */
export interface StepShare {
  /** Steps trained so far, a whole number >= 0 (what the widget's step readout says). */
  readonly current: number;
  /** Train the (just opened) config from its seed to exactly `step` steps, then pause. */
  readonly open: (step: number) => void;
}

export interface ShareStateProps<C> extends UrlStateSpec<C> {
  /** The widget's data-widget name. */
  readonly widget: string;
  readonly config: C;
  readonly onOpen: (config: C) => void;
  /** Only for widgets that train: lets links carry the current step. */
  readonly step?: StepShare;
}

function scopeKey(el: Element, widget: string): string {
  const explicit = el.closest<HTMLElement>("[data-url-state-key]")?.dataset.urlStateKey;
  if (explicit && isStateKey(explicit)) return explicit;
  const figure = el.closest("figure[id]")?.id;
  if (figure && isStateKey(figure)) return figure;
  return `w-${widget}`;
}

/** Whether this page is an embed page (its links point at /embed/…, without an anchor). */
function onEmbedPage(): boolean {
  return window.location.pathname.startsWith("/embed/");
}

function embedSnippet(widget: string, link: string): string {
  const src = new URL(link);
  const embed = new URL(`/embed/${widget}/`, src.origin);
  const value = [...src.searchParams.values()][0];
  if (value) embed.searchParams.set("state", value);
  const title = `Interactive figure: ${widget.replaceAll("-", " ")}`;
  return `<iframe src="${embed.href}" title="${title}" width="100%" height="620" loading="lazy" style="border:0"></iframe>`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareState<C>(props: ShareStateProps<C>) {
  const root = useRef<HTMLDivElement>(null);
  const [key, setKey] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [feedback, setFeedback] = useState("");
  const [manual, setManual] = useState<string | null>(null);
  const [embedPage, setEmbedPage] = useState(false);
  /** Whether the link carries the current step (the reader's choice; on when a link carried one). */
  const [withStep, setWithStep] = useState(false);
  const { widget, config, onOpen, parse, version, migrations, step } = props;

  // Once, after hydration: find this instance's parameter and open the state it carries.
  // Runs once: a later parse/onOpen identity must not re-open the link over the reader's changes.
  useEffect(() => {
    if (!root.current) return;
    const k = scopeKey(root.current, widget);
    setKey(k);
    setEmbedPage(onEmbedPage());
    const value = new URLSearchParams(window.location.search).get(k);
    if (value === null) return;
    // The decoder loads only when a link carries state (most visits carry none).
    import("./url-state").then(
      ({ decodeState, describeDecode }) => {
        const decoded = decodeState(value, { parse, version: version ?? 1, migrations: migrations ?? {} });
        setNotice(describeDecode(decoded));
        if (decoded.status !== "ok" && decoded.status !== "partial") return;
        onOpen(decoded.config);
        if (decoded.step !== null && step) {
          step.open(decoded.step);
          setWithStep(true);
        }
      },
      () => setNotice("The settings in this link could not be loaded; showing the defaults."),
    );
  }, []);

  const stepShown = step?.current ?? 0;
  const linkStep = withStep && stepShown > 0 ? stepShown : undefined;
  const link = key
    ? stateUrl(window.location.href, key, config, version ?? 1, !embedPage, linkStep)
    : undefined;
  const embeddable = (EMBEDDABLE_WIDGETS as readonly string[]).includes(widget);
  const snippet = link && embeddable ? embedSnippet(widget, link) : undefined;

  const copy = async (text: string | undefined, what: string) => {
    if (!text) return;
    if (await copyText(text)) {
      setManual(null);
      setFeedback(`${what} copied to the clipboard.`);
    } else {
      setManual(text);
      setFeedback(`Could not use the clipboard: select the ${what.toLowerCase()} below and copy it.`);
    }
  };

  return (
    <div class="share-state" ref={root}>
      {notice && (
        <p class="share-state-notice" data-url-state-notice role="status">
          {notice}
        </p>
      )}
      <div class="share-state-row">
        <button
          type="button"
          class="share-state-button"
          data-share-link={link}
          disabled={!link}
          onClick={() => copy(link, "Link")}
        >
          Copy link to this experiment
        </button>
        {embeddable && !embedPage && (
          <button
            type="button"
            class="share-state-button"
            data-embed-snippet={snippet}
            disabled={!snippet}
            onClick={() => copy(snippet, "Embed snippet")}
          >
            Copy embed snippet
          </button>
        )}
        {step && (
          <label class="share-state-step">
            <input
              type="checkbox"
              data-share-step
              checked={withStep}
              onChange={(e) => setWithStep(e.currentTarget.checked)}
            />
            Include the current step ({stepShown})
          </label>
        )}
        <span class="share-state-feedback" aria-live="polite">
          {feedback}
        </span>
      </div>
      {manual && (
        <input
          class="share-state-manual"
          type="text"
          readOnly
          value={manual}
          aria-label="Text to copy"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
