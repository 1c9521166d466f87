/**
 * The "Copy" buttons of the cite-this-page block: each `button[data-copy-target]` copies the
 * text of the element whose id it names (the BibTeX or the plain citation) and says so in
 * its own live region. Buttons stay hidden without JavaScript (the text is still there to
 * select by hand).
 */
import { copyText } from "../heading-anchors";

const FEEDBACK_MS = 2000;

/** Copy the target's text; returns what happened (exported for tests). */
export async function activateCopyButton(button: HTMLButtonElement): Promise<"copied" | "failed"> {
  const doc = button.ownerDocument;
  const target = doc.getElementById(button.dataset.copyTarget ?? "");
  const status = doc.getElementById(button.dataset.copyStatus ?? "");
  const text = target?.textContent ?? "";
  const result = text ? await copyText(text, doc) : "failed";
  const ok = result !== "failed";
  if (status)
    status.textContent = ok
      ? `${button.dataset.copyLabel ?? "Text"} copied.`
      : "Copy failed: select the text and copy it by hand.";
  button.dataset.state = ok ? "copied" : "failed";
  doc.defaultView?.setTimeout(() => {
    delete button.dataset.state;
  }, FEEDBACK_MS);
  return ok ? "copied" : "failed";
}

export function installCopyButtons(doc: Document = document): void {
  for (const button of doc.querySelectorAll<HTMLButtonElement>("button[data-copy-target]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      void activateCopyButton(button);
    });
  }
}
