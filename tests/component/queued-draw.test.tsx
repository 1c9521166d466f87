// @vitest-environment happy-dom
/**
 * The page-wide draw queue (widgets/training/useQueuedDraw.ts): charts whose draw changes
 * together get the new draw one per turn, in the order they asked; a draw that changes again
 * while it waits is applied once, with the newest function; useQueuedFlag turns true in its
 * turn and false at once.
 */
import { act, cleanup, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { useQueuedDraw, useQueuedFlag } from "../../src/components/widgets/training/useQueuedDraw";

afterEach(() => cleanup());

/**
 * Lets time pass in 1 ms tasks until `done` holds (each turn of the queue is a task, and the
 * next one waits a frame), calling `seen` after each; returns how many tasks it took.
 */
async function turnsUntil(done: () => boolean, most = 500, seen: () => void = () => {}): Promise<number> {
  let tasks = 0;
  while (!done() && tasks < most) {
    await act(() => new Promise<void>((r) => setTimeout(r, 1)));
    seen();
    tasks++;
  }
  return tasks;
}

function Drawn({ draw, id, log }: { draw: () => string; id: string; log: string[] }) {
  const current = useQueuedDraw(draw);
  const text = current();
  log.push(`${id}:${text}`);
  return <p data-id={id}>{text}</p>;
}

const shown = (c: Element, id: string) => c.querySelector(`[data-id="${id}"]`)?.textContent;

describe("useQueuedDraw", () => {
  it("draws first at once, then hands new draws out one turn at a time, newest wins", async () => {
    const log: string[] = [];
    const view = (a: string, b: string) => (
      <>
        <Drawn id="a" draw={() => a} log={log} />
        <Drawn id="b" draw={() => b} log={log} />
      </>
    );
    const { container, rerender } = render(view("a0", "b0"));
    expect([shown(container, "a"), shown(container, "b")]).toEqual(["a0", "b0"]);

    rerender(view("a1", "b1"));
    // Until its turn each chart keeps drawing with the function it has.
    expect([shown(container, "a"), shown(container, "b")]).toEqual(["a0", "b0"]);
    rerender(view("a2", "b2"));
    log.length = 0;
    const states = new Set<string>();
    await turnsUntil(
      () => shown(container, "b") === "b2",
      500,
      () => states.add(`${shown(container, "a")} ${shown(container, "b")}`),
    );
    // One chart per turn, in the order they asked: "a" first, "b" in a later task.
    expect([...states]).toEqual(["a2 b0", "a2 b2"]);
    // Each drew once more, with its newest function: nobody drew "…1".
    expect(log).toEqual(["a:a2", "b:b2"]);
  });
});

function Flagged({ flag }: { flag: boolean }) {
  const live = useQueuedFlag(flag);
  return <p>{live ? "live" : "static"}</p>;
}

describe("useQueuedFlag", () => {
  it("turns true in its turn, false at once", async () => {
    const { container, rerender } = render(<Flagged flag={false} />);
    rerender(<Flagged flag={true} />);
    expect(container.textContent).toBe("static");
    expect(await turnsUntil(() => container.textContent === "live")).toBeGreaterThan(0);
    rerender(<Flagged flag={false} />);
    expect(container.textContent).toBe("static");
  });
});
