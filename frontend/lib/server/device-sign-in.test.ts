/**
 * Device sign-in on a real Better Auth (in-memory SQLite): the flow a terminal goes through, the signed
 * session token it receives, and that only that signed form works as a bearer token.
 */
import { jwt } from "better-auth/plugins";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deviceSignIn } from "./device-sign-in";
import { callAuth, ORIGIN, startTestAuth } from "./test-auth";

const CLI = { "user-agent": "tasks-cli/0.1.0 (Linux x64; Node.js v20.20.0)", "x-forwarded-for": "203.0.113.7" };
const GRANT = "urn:ietf:params:oauth:grant-type:device_code";

async function start() {
  const auth = await startTestAuth({
    advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] } },
    plugins: [jwt(), ...deviceSignIn({ lifetimeSeconds: 600 })],
  });
  /** A browser's call carries its origin and cookie; a terminal's carries neither, only its own headers. */
  const call = (path: string, init: { body?: object; headers?: Record<string, string> } = {}) => callAuth(auth, path, init);
  const browser = (cookie: string) => ({ origin: ORIGIN, cookie });
  const signUp = async (email: string) => (await call("/sign-up/email", { body: { email, password: "correct horse battery", name: "Ada" }, headers: { origin: ORIGIN } })).cookie;
  const requestCode = () => call("/device/code", { body: { client_id: "tasks-cli" }, headers: CLI });
  const poll = (deviceCode: string) => call("/device/token", { body: { grant_type: GRANT, device_code: deviceCode, client_id: "tasks-cli" }, headers: CLI });
  return { call, browser, signUp, requestCode, poll };
}

let app: Awaited<ReturnType<typeof start>>;
let clock = Date.now();
/** Moves time past the polling interval, so the next poll is not answered with slow_down. */
const waitInterval = () => vi.setSystemTime((clock += 6_000));

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
  app = await start();
});
afterEach(() => vi.useRealTimers());

describe("device sign-in", () => {
  it("starts only for the allowed client", async () => {
    const refused = await app.call("/device/code", { body: { client_id: "someone-else" }, headers: CLI });
    expect(refused).toMatchObject({ status: 400, body: { error: "invalid_client" } });
    const started = await app.requestCode();
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ verification_uri: `${ORIGIN}/device`, interval: 5, expires_in: 600 });
    expect(started.body!.verification_uri_complete).toBe(`${ORIGIN}/device?user_code=${started.body!.user_code}`);
  });

  it("shows the person who claims the code which client asks and from where, and no one else", async () => {
    const { body } = await app.requestCode();
    const owner = await app.signUp("ada@example.test");
    const stranger = await app.signUp("eve@example.test");
    const seen = await app.call(`/device?user_code=${body!.user_code}`, { headers: app.browser(owner) });
    expect(seen.body).toMatchObject({ status: "pending", client_id: "tasks-cli", client_name: "Tasks command-line app", requested_from_ip: "203.0.113.7", requested_by_agent: CLI["user-agent"] });
    const seenByStranger = await app.call(`/device?user_code=${body!.user_code}`, { headers: app.browser(stranger) });
    expect(seenByStranger.body).toEqual({ user_code: body!.user_code, status: "pending" });
  });

  it("answers a poll with each RFC 8628 state in turn, then a signed session token that works only as given", async () => {
    const { body } = await app.requestCode();
    const deviceCode = body!.device_code as string;
    expect((await app.poll(deviceCode)).body).toMatchObject({ error: "authorization_pending" });
    expect((await app.poll(deviceCode)).body).toMatchObject({ error: "slow_down" });

    const owner = await app.signUp("ada@example.test");
    await app.call(`/device?user_code=${body!.user_code}`, { headers: app.browser(owner) });
    expect((await app.call("/device/approve", { body: { userCode: body!.user_code }, headers: app.browser(owner) })).status).toBe(200);
    waitInterval();
    const granted = await app.poll(deviceCode);
    expect(granted.body).toMatchObject({ token_type: "Bearer" });
    const accessToken = granted.body!.access_token as string;
    const [rawToken] = decodeURIComponent(accessToken).split(".");

    // The raw session token, as the auth database or Redis holds it, is not a credential on its own.
    expect((await app.call("/token", { headers: { authorization: `Bearer ${rawToken}` } })).status).toBe(401);
    const minted = await app.call("/token", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(minted.status).toBe(200);
    expect(minted.body!.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    // Signing out with the bearer token alone (no cookie, no origin, as a terminal does) ends the session.
    expect((await app.call("/sign-out", { body: {}, headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(200);
    expect((await app.call("/token", { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(401);
    waitInterval();
    expect((await app.poll(deviceCode)).body).toMatchObject({ error: "invalid_grant" });
  });

  it("answers access_denied once the person denies", async () => {
    const { body } = await app.requestCode();
    const owner = await app.signUp("ada@example.test");
    await app.call(`/device?user_code=${body!.user_code}`, { headers: app.browser(owner) });
    expect((await app.call("/device/deny", { body: { userCode: body!.user_code }, headers: app.browser(owner) })).status).toBe(200);
    expect((await app.poll(body!.device_code as string)).body).toMatchObject({ error: "access_denied" });
  });

  it("answers expired_token after the code's lifetime", async () => {
    const { body } = await app.requestCode();
    vi.setSystemTime((clock += 601_000));
    expect((await app.poll(body!.device_code as string)).body).toMatchObject({ error: "expired_token" });
  });
});
