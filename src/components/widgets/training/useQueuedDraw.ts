/**
 * useQueuedDraw(draw, enabled): the chart function a ChartMount draws with, changed at most one
 * chart per browser task across the whole page. Widgets do not call it: they pass `queued` to
 * ChartMount, which calls it, so a queued turn re-renders the mount alone.
 *
 * Why: a dashboard redraws several Plot charts each time a run reports; drawn in one commit
 * they add up to one long task (each chart is tens of milliseconds on a slow phone). Queued,
 * each chart's redraw is its own task and is rendered in its own frame, with input handling in
 * between, so no task approaches the 50 ms long-task line. A chart whose draw changes again
 * while it waits is drawn once, with the newest function.
 *
 *   const drawLoss = useCallback((doc, size) => lossChart(runs, { width: size.width }, doc), [runs]);
 *   <ChartMount draw={drawLoss} queued />
 *
 * The first draw is not queued, so a chart appears with its island. A chart that replaces a
 * static figure later (on Play) mounts behind useQueuedFlag, so its first draw is queued too:
 *
 *   const live = useQueuedFlag(started);   // true one task after started, in the same queue
 *   {live ? <ChartMount draw={queuedLoss} /> : <StaticFigure />}
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";

type Job = () => void;
const queue: Job[] = [];
let scheduled = false;

function runNext(): void {
  scheduled = false;
  const job = queue.shift();
  job?.();
  if (queue.length > 0) {
    scheduled = true;
    afterNextFrame(runNext);
  }
}

/**
 * The next job waits until the browser has rendered the chart just changed: two charts changed
 * in one frame are styled, laid out and painted in one rendering task (measured on chapter 6's
 * residual comparison: 25-39 ms of rendering for its two charts together). A hidden page renders
 * no frames, so there the queue moves on at once.
 */
function afterNextFrame(f: () => void): void {
  if (typeof requestAnimationFrame === "function" && document.visibilityState === "visible") {
    requestAnimationFrame(() => setTimeout(f, 0));
  } else {
    setTimeout(f, 0);
  }
}

function enqueue(job: Job): void {
  queue.push(job);
  if (!scheduled) {
    scheduled = true;
    setTimeout(runNext, 0);
  }
}

/**
 * A component's place in the page-wide queue: `request(job)` runs `job` in its turn, once
 * however often it is asked for while waiting (so the job must read what is newest from refs),
 * and not at all once the component has unmounted.
 */
function useQueueTurn(): (job: Job) => void {
  const waiting = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  return useCallback((job: Job) => {
    if (waiting.current) return;
    waiting.current = true;
    enqueue(() => {
      waiting.current = false;
      if (alive.current) job();
    });
  }, []);
}

export function useQueuedDraw<F extends (...args: never[]) => unknown>(draw: F, enabled = true): F {
  const [current, setCurrent] = useState<F>(() => draw);
  const latest = useRef(draw);
  latest.current = draw;
  const request = useQueueTurn();

  useEffect(() => {
    if (!enabled || draw === current) return;
    request(() => setCurrent(() => latest.current));
  }, [draw, current, enabled, request]);

  return enabled ? current : draw;
}

/**
 * `flag`, except that turning true takes effect in its turn in the page-wide draw queue (its
 * own task), so a chart mounted on it draws its first frame alone; turning false is at once.
 */
export function useQueuedFlag(flag: boolean): boolean {
  const [shown, setShown] = useState(flag);
  const want = useRef(flag);
  want.current = flag;
  const request = useQueueTurn();

  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    if (shown) return;
    request(() => {
      if (want.current) setShown(true);
    });
  }, [flag, shown, request]);

  return flag && shown;
}
