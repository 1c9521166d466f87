/**
 * useQueuedDraw(draw): the chart function to hand to ChartMount, changed at most one chart per
 * browser task across the whole page.
 *
 * Why: a dashboard redraws several Plot charts each time a run reports; drawn in one commit
 * they add up to one long task (each chart is tens of milliseconds on a slow phone). Queued,
 * each chart's redraw is its own task, with input handling and painting in between, so no task
 * approaches the 50 ms long-task line. A chart whose draw changes again while it waits is drawn
 * once, with the newest function.
 *
 *   const drawLoss = useCallback((doc, size) => lossChart(runs, { width: size.width }, doc), [runs]);
 *   <ChartMount draw={useQueuedDraw(drawLoss)} />
 *
 * The first draw is not queued, so a chart appears with its island.
 */
import { useEffect, useRef, useState } from "preact/hooks";

type Job = () => void;
const queue: Job[] = [];
let scheduled = false;

function runNext(): void {
  scheduled = false;
  const job = queue.shift();
  job?.();
  if (queue.length > 0) {
    scheduled = true;
    setTimeout(runNext, 0);
  }
}

export function useQueuedDraw<F extends (...args: never[]) => unknown>(draw: F): F {
  const [current, setCurrent] = useState<F>(() => draw);
  const latest = useRef(draw);
  latest.current = draw;
  const waiting = useRef(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    if (draw === current || waiting.current) return;
    waiting.current = true;
    queue.push(() => {
      waiting.current = false;
      if (alive.current) setCurrent(() => latest.current);
    });
    if (!scheduled) {
      scheduled = true;
      setTimeout(runNext, 0);
    }
  }, [draw, current]);

  return current;
}
