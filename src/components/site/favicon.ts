/** The logo as an inline SVG favicon: no extra request, and no 404 for /favicon.ico (which a
 * browser asks for on any page without an icon link, embeds included). */
export const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d5bb8"/><path d="M5 23C11 23 12.5 9 16 9s5 14 11 14" fill="none" stroke="#fff" stroke-width="2.8" stroke-linecap="round"/></svg>',
)}`;
