// @ts-check

import { fileURLToPath } from "node:url";
import { rehypeHeadingIds, unified } from "@astrojs/markdown-remark";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { searchIndex } from "./scripts/search-index.ts";
import { plotStyleHashes } from "./src/components/site/csp-hashes.ts";
import rehypeHeadingAnchors from "./src/components/site/rehype-heading-anchors.ts";
import rehypeMathPunctuation from "./src/components/site/rehype-math-punctuation.ts";

export default defineConfig({
  site: "https://vanishing-gradients.example.org",
  trailingSlash: "always",
  // searchIndex: Pagefind indexes dist/ after every build (dist/pagefind/, the header search).
  integrations: [mdx(), preact(), searchIndex()],
  vite: {
    // Plot's map projections (d3-geo, through the d3 umbrella) cost ~9 KB gzipped on every
    // chart page and no chart here is a map: a stand-in keeps the one function Plot needs.
    // Likewise d3's colour schemes (~7 KB): a stand-in keeps the few the charts use or Plot
    // falls back to, and names the file to edit when a chart asks for another.
    resolve: {
      alias: {
        "d3-geo": fileURLToPath(new URL("./src/components/charts/d3-geo-lite.ts", import.meta.url)),
        "d3-scale-chromatic": fileURLToPath(
          new URL("./src/components/charts/d3-scale-chromatic-lite.ts", import.meta.url),
        ),
      },
    },
  },
  build: {
    // Every stylesheet as a file under 'self', never an inline <style>: Astro's CSP hashes
    // miss the inline styles of components used inside MDX chapters (Figure, Exercise...),
    // which the browser then blocks. Files are allowed by 'self' whatever their origin.
    inlineStylesheets: "never",
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        // Heading ids first, from the source text, before KaTeX turns "$(w, b)$" into
        // glyph boxes: "The loss over $(w, b)$" → #the-loss-over-w-b, whatever KaTeX's
        // output mode or version. (Astro's own pass at the end keeps ids that exist.)
        rehypeHeadingIds,
        // htmlAndMathml: the visual HTML is aria-hidden and screen readers get MathML, so
        // the maths is read as maths, not as a string of glyph boxes.
        [rehypeKatex, { output: "htmlAndMathml", strict: "error" }],
        // Keep "$x$," together: no line may start with the comma after a formula.
        rehypeMathPunctuation,
        // The "link to this section" control beside each h2/h3, and clean heading text
        // (maths as its MathML text) for the table of contents.
        rehypeHeadingAnchors,
      ],
    }),
  },
  security: {
    /*
     * Content-Security-Policy, emitted by Astro as a <meta http-equiv> in every page.
     * Astro hashes its own bundled scripts and styles (script-src / style-src 'self' +
     * hashes); we add:
     *   - no 'unsafe-eval' and no 'unsafe-inline' for scripts: the only inline script, the
     *     no-flash theme script, is allowed by its hash (BaseLayout.astro inserts it);
     *   - style-src-attr 'unsafe-inline': KaTeX's HTML positions glyphs with inline style
     *     *attributes* (style="height:1.2em;vertical-align:-0.25em" etc.), computed per
     *     formula, and Plot/D3 set style attributes at run time. Attribute styles cannot
     *     load resources or run script, and hashing each KaTeX attribute would mean
     *     'unsafe-hashes' for hundreds of values; <style> elements stay hash-only;
     *   - the hashes of the <style> element Plot puts in each chart (csp-hashes.ts);
     *   - font-src/img-src 'self' data:: Vite inlines small assets (fonts, icons) as data:
     *     URLs, and a chart's PNG export draws its SVG into a canvas from a data: URL
     *     (widgets/common/export/svg-export.ts). Nothing is ever loaded from another origin.
     * frame-ancestors, report-uri and sandbox are ignored in a <meta> CSP (browsers log an
     * error), so they are left out; set them as HTTP headers on the host if needed.
     */
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // 'wasm-unsafe-eval' lets the header search (Pagefind) compile its WebAssembly; it
      // does not allow eval() or new Function() of JavaScript ('unsafe-eval' would).
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
      styleDirective: {
        resources: ["'self'", { resource: "'unsafe-inline'", kind: "attribute" }],
        hashes: plotStyleHashes(),
      },
    },
  },
});
