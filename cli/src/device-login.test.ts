import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DeviceCode, PollAnswer } from "./auth-server";
import { waitForApproval } from "./device-login";
import { CliError, EXIT } from "./errors";

const code: DeviceCode = { device_code: "d", user_code: "ABCDEFGH", verification_uri: "http://tasks.test/device", expires_in: 600, interval: 5 };

/** Plays the server's answers in order on a fake clock; records how long the CLI waited before each poll. */
function script(answers: PollAnswer[], deviceCode = code) {
  let time = 0;
  const waits: number[] = [];
  const poll = async () => answers.shift() ?? assert.fail("polled after the last answer");
  const clock = { now: () => time, sleep: async (ms: number) => void (waits.push(ms), (time += ms)) };
  return { waits, run: () => waitForApproval(deviceCode, poll, clock) };
}

const refusedWith = (exitCode: number, message: RegExp) => (error: unknown) => error instanceof CliError && error.exitCode === exitCode && message.test(error.message);

describe("waitForApproval", () => {
  it("keeps polling at the server's interval while authorization is pending, then returns the token", async () => {
    const { waits, run } = script([{ error: "authorization_pending" }, { error: "authorization_pending" }, { accessToken: "t.sig" }]);
    assert.equal(await run(), "t.sig");
    assert.deepEqual(waits, [5000, 5000, 5000]);
  });

  it("adds 5 s to the interval for good on slow_down", async () => {
    const { waits, run } = script([{ error: "slow_down" }, { error: "authorization_pending" }, { error: "slow_down" }, { accessToken: "t" }]);
    await run();
    assert.deepEqual(waits, [5000, 10000, 10000, 15000]);
  });

  it("polls every 5 s when the server names no interval", async () => {
    const { waits, run } = script([{ accessToken: "t" }], { ...code, interval: undefined });
    await run();
    assert.deepEqual(waits, [5000]);
  });

  it("stops on access_denied with the login-refused exit code", async () => {
    await assert.rejects(script([{ error: "authorization_pending" }, { error: "access_denied" }]).run(), refusedWith(EXIT.loginRefused, /denied/));
  });

  it("stops on expired_token", async () => {
    await assert.rejects(script([{ error: "expired_token" }]).run(), refusedWith(EXIT.loginRefused, /expired/));
  });

  it("gives up by itself one interval after expires_in, whatever the server says", async () => {
    const pending = Array.from({ length: 10 }, () => ({ error: "authorization_pending" }));
    const { waits, run } = script(pending, { ...code, expires_in: 12 });
    await assert.rejects(run(), refusedWith(EXIT.loginRefused, /expired/));
    assert.deepEqual(waits, [5000, 5000, 5000, 5000]);
  });

  it("backs off, doubling up to a minute, while the server cannot be reached, then carries on", async () => {
    const down = Array.from({ length: 5 }, () => ({ error: "unreachable" }));
    const { waits, run } = script([...down, { accessToken: "t" }]);
    assert.equal(await run(), "t");
    assert.deepEqual(waits, [5000, 10000, 20000, 40000, 60000, 60000]);
  });

  it("stops on any other error (invalid_grant, invalid_client), naming it", async () => {
    for (const error of ["invalid_grant", "invalid_client", "invalid_request"]) {
      await assert.rejects(script([{ error, description: "Invalid device code" }]).run(), refusedWith(EXIT.failed, new RegExp(error)));
    }
  });
});
