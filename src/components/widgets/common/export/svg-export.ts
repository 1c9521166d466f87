/**
 * A live chart as a standalone figure: SVG text that looks the same outside the page, and a
 * PNG drawn from it.
 *
 * Why resolve styles: our charts colour themselves with CSS — `var(--series-1, …)` in
 * presentation attributes, `currentColor` on axes, class rules from the page's stylesheets —
 * so the theme can flip without a redraw. None of that exists in a file on its own (and a
 * var() falls back to its light-mode colour). So each element of a clone gets the *computed*
 * value of the properties that paint it, as plain presentation attributes (rgb(...), px):
 *   - a property the element sets itself (attribute or inline style), always;
 *   - an inherited property whose value differs from the parent's (it came from a class
 *     rule or an inline style the clone no longer understands);
 *   - opacity (not inherited), when it is not 1.
 * Everything else the standalone file inherits from its root, which gets all of them.
 * The panel colour behind the chart becomes a rect, so dark-mode text stays readable.
 */

/** Properties SVG text and shapes inherit (CSS / SVG 2), that change how a chart looks. */
const INHERITED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-opacity",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "paint-order",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "visibility",
  "color",
] as const;

const SVG_NS = "http://www.w3.org/2000/svg";

/** The first colour behind `el` that is not transparent (the figure panel, the page). */
export function backgroundBehind(el: Element, fallback = "#ffffff"): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    // Fully transparent is "transparent" or rgba(…, 0); anything else paints.
    if (bg && bg !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return fallback;
}

/** Width and height in CSS pixels: the width/height attributes, else the viewBox. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg
    .getAttribute("viewBox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const attr = (name: "width" | "height", i: number) => {
    const v = Number.parseFloat(svg.getAttribute(name) ?? "");
    if (Number.isFinite(v) && v > 0) return v;
    const fromBox = vb?.[i];
    if (fromBox !== undefined && Number.isFinite(fromBox) && fromBox > 0) return fromBox;
    const rect = svg.getBoundingClientRect();
    return Math.max(1, Math.round(name === "width" ? rect.width : rect.height));
  };
  return { width: attr("width", 2), height: attr("height", 3) };
}

/** Copies the computed paint of `live` (and its subtree) onto `copy`, an identical clone. */
function inlineComputedStyles(live: Element, copy: Element): void {
  const liveNodes = [live, ...Array.from(live.querySelectorAll("*"))];
  const copyNodes = [copy, ...Array.from(copy.querySelectorAll("*"))];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element) => {
    let cs = computed.get(el);
    if (!cs) {
      cs = getComputedStyle(el);
      computed.set(el, cs);
    }
    return cs;
  };
  liveNodes.forEach((node, i) => {
    const target = copyNodes[i];
    if (!target || node.namespaceURI !== SVG_NS || node.localName === "style") return;
    const cs = styleOf(node);
    const parent = node === live ? null : node.parentElement;
    const parentCs = parent ? styleOf(parent) : null;
    const inline = (node as SVGElement).style;
    for (const prop of INHERITED) {
      const value = cs.getPropertyValue(prop);
      if (!value) continue;
      const own = node.hasAttribute(prop) || (inline && inline.getPropertyValue(prop) !== "");
      if (own || !parentCs || parentCs.getPropertyValue(prop) !== value) target.setAttribute(prop, value);
    }
    const opacity = cs.getPropertyValue("opacity");
    if (opacity && opacity !== "1") target.setAttribute("opacity", opacity);
    // Inline styles may hold var(...) or depend on the page; their effect is now in attributes.
    if (target !== copy) target.removeAttribute("style");
  });
}

/**
 * The standalone SVG text of a live chart: computed colours and fonts inlined, the panel
 * background as a rect, width/height/viewBox and the SVG namespace set.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, copy);
  const { width, height } = svgSize(svg);
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  if (!copy.hasAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  // The root's inline style (Plot: background, color and font as var(...)) is now attributes;
  // keep only overflow, so marks that poke out of the frame still show as they do on the page.
  copy.setAttribute("style", "overflow: visible");
  copy.removeAttribute("class");
  const vb = copy
    .getAttribute("viewBox")
    ?.trim()
    .split(/[\s,]+/) ?? ["0", "0", String(width), String(height)];
  const bg = copy.ownerDocument.createElementNS(SVG_NS, "rect");
  bg.setAttribute("x", vb[0] ?? "0");
  bg.setAttribute("y", vb[1] ?? "0");
  bg.setAttribute("width", vb[2] ?? String(width));
  bg.setAttribute("height", vb[3] ?? String(height));
  bg.setAttribute("fill", backgroundBehind(svg));
  // Before everything drawn, after Plot's <style>: first child is fine for painting order.
  copy.insertBefore(bg, copy.firstChild);
  const text = new XMLSerializer().serializeToString(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/**
 * The SVG text drawn at `scale` × its size into a canvas, as a PNG blob.
 *
 * The image is loaded from a data: URL, which the site's CSP already allows for images
 * (img-src 'self' data:), and an SVG without foreignObject does not taint the canvas.
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = "async";
  img.width = width;
  img.height = height;
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this browser has no 2-D canvas");
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("the canvas gave no PNG"))),
      "image/png",
    ),
  );
}
