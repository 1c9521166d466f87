/** Every embeddable widget has an embed page entry, and each links back to a chapter figure. */
import { expect, test } from "vitest";
import { EMBEDDABLE_WIDGETS } from "../../src/components/widgets/common/embeddable";
import { URL_STATE_WIDGETS } from "../../src/components/widgets/common/url-state-widgets";
import { EMBED_PAGES } from "../../src/pages/embed/_embed-pages";

test("embed pages and embeddable widgets are the same list, all with URL state", () => {
  expect(Object.keys(EMBED_PAGES).sort()).toEqual([...EMBEDDABLE_WIDGETS].sort());
  for (const w of EMBEDDABLE_WIDGETS) expect(Object.keys(URL_STATE_WIDGETS)).toContain(w);
});

test("each embed page links back to a chapter figure anchor", () => {
  for (const p of Object.values(EMBED_PAGES))
    expect(p.chapter).toMatch(/^\/chapters\/[a-z0-9-]+\/#fig-[a-z0-9-]+$/);
});
