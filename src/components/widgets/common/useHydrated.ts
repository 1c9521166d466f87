import { useEffect, useState } from "preact/hooks";

/**
 * False during server rendering and the first client render, true once effects have run.
 * Widgets disable their controls until then, so a reader without JavaScript sees the static
 * figure and values but no controls that pretend to work.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
