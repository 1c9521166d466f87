/**
 * onBeat(ms, f): the page-wide beat that training widgets re-render on (useTrainingRun.ts).
 *
 * Re-renders due within the same `ms` share one timer, so they run in one task and Preact
 * renders once: the two or three runs of a comparison redraw their charts together rather than
 * each on its own clock (which doubled or tripled the redraws while training). Returns a
 * function that takes `f` off the beat.
 */
const beats = new Map<number, Set<() => void>>();
export function onBeat(ms: number, f: () => void): () => void {
  let due = beats.get(ms);
  if (!due) {
    const mine = new Set<() => void>();
    due = mine;
    beats.set(ms, mine);
    setTimeout(() => {
      beats.delete(ms);
      for (const g of mine) g();
    }, ms);
  }
  due.add(f);
  const set = due;
  return () => set.delete(f);
}
