/**
 * onBeat (widgets/training/beat.ts): re-renders asked for within one beat run together, in one
 * task, so a comparison's runs redraw their charts once per beat rather than once each.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { onBeat } from "../../src/components/widgets/training/beat";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("onBeat", () => {
  test("callbacks asked for during one beat run together when it ends", () => {
    const ran: string[] = [];
    onBeat(200, () => ran.push("a"));
    vi.advanceTimersByTime(120);
    onBeat(200, () => ran.push("b"));
    vi.advanceTimersByTime(79);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    // Same task: both ran in the one timer callback.
    expect(ran).toEqual(["a", "b"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("a cancelled callback does not run; beats of other lengths keep their own clock", () => {
    const ran: string[] = [];
    const cancel = onBeat(200, () => ran.push("a"));
    onBeat(200, () => ran.push("b"));
    onBeat(600, () => ran.push("slow"));
    cancel();
    vi.advanceTimersByTime(200);
    expect(ran).toEqual(["b"]);
    vi.advanceTimersByTime(400);
    expect(ran).toEqual(["b", "slow"]);
  });

  test("after a beat ends, the next request starts a new one", () => {
    const ran: number[] = [];
    onBeat(100, () => ran.push(1));
    vi.advanceTimersByTime(100);
    onBeat(100, () => ran.push(2));
    vi.advanceTimersByTime(99);
    expect(ran).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([1, 2]);
  });
});
