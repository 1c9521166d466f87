import { afterAll, beforeAll, expect, test } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

test("home page opens clean", async () => {
  const p = await h.openPage("/");
  expect(p.status).toBe(200);
  await p.hydrate();
  p.expectClean();
  await p.close();
});
