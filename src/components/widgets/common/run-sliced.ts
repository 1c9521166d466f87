/**
 * runSliced(steps, onDone): runs a generator's pieces of work on the main thread a few at a
 * time, giving the page back between slices, and hands its return value to onDone. Returns a
 * cancel function (a newer computation cancels an older one; onDone is then never called).
 *
 * Why: a computation that takes 100 ms in one task freezes input and painting for 100 ms and
 * is a "long task" (over 50 ms). Cut into pieces of ~2 ms and run for at most `budgetMs` per
 * task, no task is longer than budgetMs plus one piece; onDone gets a task of its own.
 *
 * The page is given back through a MessageChannel message, not setTimeout(0): browsers clamp
 * nested timeouts to 4 ms after five levels, which would add ~4 ms per slice.
 *
 *   const cancel = runSliced(propagateVarianceSteps(opts), (rows) => setRows(rows));
 */
export interface SlicedOptions {
  /** Milliseconds of work per task before yielding (default 8). */
  readonly budgetMs?: number;
}

type Yield = (next: () => void) => () => void;

/**
 * Channels with a message in flight, held here: a MessagePort nobody references can be
 * collected with its message undelivered.
 */
const inFlight = new Set<MessageChannel>();

/** Schedules `next` as a new task; returns a function that unschedules it. */
const nextTask: Yield = (next) => {
  if (typeof MessageChannel === "undefined") {
    const t = setTimeout(next, 0);
    return () => clearTimeout(t);
  }
  const channel = new MessageChannel();
  inFlight.add(channel);
  let live = true;
  const done = () => {
    inFlight.delete(channel);
    channel.port1.close();
  };
  channel.port1.onmessage = () => {
    done();
    if (live) next();
  };
  channel.port2.postMessage(null);
  return () => {
    live = false;
    done();
  };
};

export function runSliced<T>(
  steps: Iterator<unknown, T>,
  onDone: (value: T) => void,
  opts: SlicedOptions = {},
): () => void {
  const budget = opts.budgetMs ?? 8;
  let cancelled = false;
  let unschedule = () => {};
  const slice = () => {
    if (cancelled) return;
    const start = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        // In a task of its own: onDone usually re-renders a widget and redraws its charts,
        // which after a whole slice of work made one task of ~20 ms of CPU (a trace of the
        // init-variance figure: 12 ms of slice, then its render with a major GC).
        const value = r.value;
        unschedule = nextTask(() => {
          if (!cancelled) onDone(value);
        });
        return;
      }
      if (performance.now() - start >= budget) break;
    }
    unschedule = nextTask(slice);
  };
  unschedule = nextTask(slice);
  return () => {
    cancelled = true;
    unschedule();
  };
}
