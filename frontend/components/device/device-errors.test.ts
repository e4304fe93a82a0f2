import { describe, expect, it } from "vitest";
import { describeDeviceError, UNKNOWN_CODE } from "./device-errors";

describe("describeDeviceError", () => {
  it("says what to do for each answer of the device endpoints", () => {
    expect(describeDeviceError({ status: 400, error: "invalid_request", error_description: "Invalid user code" })).toBe(UNKNOWN_CODE);
    expect(describeDeviceError({ status: 400, error: "expired_token", error_description: "User code has expired" })).toMatch(/expired.*tasks login/);
    expect(describeDeviceError({ status: 400, error: "invalid_request", error_description: "Device code already processed" })).toMatch(/already been approved or denied/);
  });

  it("never tells whether a code belongs to someone else", () => {
    expect(describeDeviceError({ status: 403, error: "access_denied", error_description: "You are not authorized to approve this device authorization" })).toBe(UNKNOWN_CODE);
  });

  it("falls back to the sign-in forms' sentences for rate limits and outages", () => {
    expect(describeDeviceError({ status: 429 }, 30)).toBe("Too many attempts, try again in 30 s.");
    expect(describeDeviceError({ status: 502 })).toMatch(/Can't reach/);
  });
});
