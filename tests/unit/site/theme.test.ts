import { describe, expect, it } from "vitest";
import {
  isThemePreference,
  nextPreference,
  resolveTheme,
  THEME_INIT_SCRIPT,
  THEME_PREFERENCES,
  THEME_STORAGE_KEY,
  type ThemePreference,
} from "../../../src/components/site/theme";

/** Run the inline <head> script against a fake document, storage and media query. */
function runInitScript(stored: string | null | Error, systemDark: boolean) {
  const dataset: Record<string, string> = {};
  const document = { documentElement: { dataset } };
  const localStorage = {
    getItem(key: string) {
      if (stored instanceof Error) throw stored;
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const matchMedia = (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" && systemDark });
  new Function("document", "localStorage", "matchMedia", THEME_INIT_SCRIPT)(
    document,
    localStorage,
    matchMedia,
  );
  return dataset;
}

describe("theme preference", () => {
  it("resolves system to the system theme and explicit choices to themselves", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("cycles through every preference and back", () => {
    let p: ThemePreference = THEME_PREFERENCES[0];
    const seen: string[] = [];
    for (let i = 0; i < THEME_PREFERENCES.length; i++) {
      seen.push(p);
      p = nextPreference(p);
    }
    expect(seen).toEqual(["system", "light", "dark"]);
    expect(p).toBe("system");
  });

  it("accepts only known preference strings", () => {
    expect(isThemePreference("dark")).toBe(true);
    expect(isThemePreference("sepia")).toBe(false);
    expect(isThemePreference(null)).toBe(false);
  });
});

describe("the no-flash inline script", () => {
  it("applies a stored choice whatever the system says", () => {
    expect(runInitScript("dark", false)).toEqual({ theme: "dark", themePreference: "dark" });
    expect(runInitScript("light", true)).toEqual({ theme: "light", themePreference: "light" });
  });

  it("follows the system when nothing (or garbage) is stored", () => {
    expect(runInitScript(null, true)).toEqual({ theme: "dark", themePreference: "system" });
    expect(runInitScript("purple", false)).toEqual({ theme: "light", themePreference: "system" });
  });

  it("survives storage that throws (privacy mode)", () => {
    expect(runInitScript(new Error("SecurityError"), true)).toEqual({
      theme: "dark",
      themePreference: "system",
    });
  });
});
