/**
 * morphChart(shown, fresh): makes the chart element in the page show what a freshly built chart
 * shows, by changing only what differs (attributes, text), node by node.
 *
 * Why: a training widget rebuilds its charts with Plot several times a second. Swapping in the
 * new element made the browser lay out every tick label again, repaint the whole chart and
 * collect the old tree's thousands of nodes; between two redraws of a training chart most of the
 * tree is the same (axes, ticks, labels), and what moves is a few `d` attributes of the lines.
 * A positional walk suffices because a chart function builds the same structure for the same
 * kind of data; where the two trees differ in shape (a new tick, a new line), that subtree is
 * taken from the fresh chart whole.
 *
 * `fresh` is consumed: nodes may be moved out of it.
 */
export function morphChart(shown: Element, fresh: Element): void {
  syncAttributes(shown, fresh);
  const have = Array.from(shown.childNodes);
  const want = Array.from(fresh.childNodes);
  if (have.length !== want.length) {
    shown.replaceChildren(...want);
    return;
  }
  for (let i = 0; i < want.length; i++) {
    const a = have[i]!;
    const b = want[i]!;
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) {
      shown.replaceChild(b, a);
    } else if (a.nodeType === 1) {
      morphChart(a as Element, b as Element);
    } else if (a.nodeValue !== b.nodeValue) {
      a.nodeValue = b.nodeValue;
    }
  }
}

function syncAttributes(shown: Element, fresh: Element): void {
  for (const attr of Array.from(fresh.attributes)) {
    if (shown.getAttributeNS(attr.namespaceURI, attr.localName) !== attr.value) {
      shown.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
    }
  }
  for (const attr of Array.from(shown.attributes)) {
    if (!fresh.hasAttributeNS(attr.namespaceURI, attr.localName)) {
      shown.removeAttributeNS(attr.namespaceURI, attr.localName);
    }
  }
}
