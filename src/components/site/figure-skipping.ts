/**
 * Lets the browser skip off-screen figures once the page has loaded (global.css: with
 * data-skip-offscreen on the root, `.prose > figure` gets content-visibility: auto).
 *
 * Why only after load: a figure skipped before it was ever laid out takes a placeholder height
 * (28rem), and when the figures above a link's target then render at their own heights the
 * target slides away (measured: a link to chapter 5's figure 6 landed 500 px above it). After
 * load every figure has been laid out once, its size is remembered
 * (contain-intrinsic-size: auto), and skipping it changes no position.
 */
export function enableFigureSkipping(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win) return;
  const enable = () => {
    // Web fonts change heights too: wait for them (the fonts promise settles either way).
    const fonts = doc.fonts?.ready ?? Promise.resolve();
    void fonts.then(() =>
      win.requestAnimationFrame(() => doc.documentElement.setAttribute("data-skip-offscreen", "")),
    );
  };
  if (doc.readyState === "complete") enable();
  else win.addEventListener("load", enable, { once: true });
}
