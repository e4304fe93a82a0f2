import { expect, it } from "vitest";
import { knownTimeZone } from "./time-zone";

it("accepts IANA zones and refuses anything else", () => {
  expect(knownTimeZone("Europe/Paris")).toBe("Europe/Paris");
  expect(knownTimeZone("Mars/Olympus")).toBeUndefined();
  expect(knownTimeZone(undefined)).toBeUndefined();
});
