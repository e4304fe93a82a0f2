import { describe, expect, it, vi } from "vitest";
import { ApiError, ApiUnreachableError, createApiClient, RETRY_DELAYS_MS, SignedOutError, TOKEN_REFRESH_MARGIN_MS } from "./api";

const NOW = 1_800_000_000_000;

function tokenExpiringAt(ms: number, id = "t"): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${encode({ alg: "HS256" })}.${encode({ sub: id, exp: Math.floor(ms / 1000) })}.sig`;
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function setup(responses: Array<() => Response>, tokens = [tokenExpiringAt(NOW + 15 * 60_000, "first"), tokenExpiringAt(NOW + 15 * 60_000, "second")]) {
  let clock = NOW;
  const fetchToken = vi.fn(async () => tokens.shift() ?? null);
  const send = vi.fn(async (request: Request) => {
    expect(request.url).toMatch(/^http:\/\/api\.test\//);
    const next = responses.shift();
    if (!next) throw new Error("unexpected request");
    return next();
  });
  const sleep = vi.fn<(ms: number) => Promise<void>>(async () => undefined);
  const api = createApiClient({ baseUrl: "http://api.test", fetchToken, fetch: send as typeof fetch, now: () => clock, sleep });
  const authHeader = (call: number) => send.mock.calls[call]?.[0].headers.get("Authorization");
  return { api, fetchToken, send, sleep, authHeader, advance: (ms: number) => (clock += ms) };
}

const page = () => json(200, { items: [], total: 0, limit: 100, offset: 0 });

describe("createApiClient", () => {
  it("sends the token as a bearer header and reuses it while it is fresh", async () => {
    const { api, fetchToken, authHeader } = setup([page, page, page]);
    await api.tasks.list();
    await api.tasks.list();
    await api.me().catch(() => undefined);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(authHeader(0)).toMatch(/^Bearer .+\..+\.sig$/);
    expect(authHeader(1)).toBe(authHeader(0));
  });

  it("fetches a new token once the cached one is within the refresh margin of expiry", async () => {
    const { api, fetchToken, advance, authHeader } = setup([page, page, page]);
    await api.tasks.list();
    advance(15 * 60_000 - TOKEN_REFRESH_MARGIN_MS - 1);
    await api.tasks.list();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    advance(2);
    await api.tasks.list();
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(authHeader(2)).not.toBe(authHeader(0));
  });

  it("shares one token request between concurrent calls", async () => {
    const { api, fetchToken } = setup([page, page, page]);
    await Promise.all([api.tasks.list(), api.tasks.list(), api.tasks.list()]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it("on a 401 fetches a fresh token once and retries the same request once", async () => {
    const { api, fetchToken, send, authHeader } = setup([() => json(401, { detail: "expired" }), () => json(201, { id: 7 })]);
    await expect(api.tasks.create({ title: "Retry me" } as never)).resolves.toEqual({ id: 7 });
    expect(await send.mock.calls[1]?.[0].text()).toBe('{"title":"Retry me"}');
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledTimes(2);
    expect(authHeader(1)).not.toBe(authHeader(0));
  });

  it("gives up after the single retry with the API's 401", async () => {
    const unauthorized = () => json(401, { detail: "Invalid token" });
    const { api, send } = setup([unauthorized, unauthorized, unauthorized]);
    const error = await api.tasks.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, detail: "Invalid token" });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("sends nothing when nobody is signed in, and says so", async () => {
    const { api, send } = setup([page], []);
    await expect(api.tasks.list()).rejects.toBeInstanceOf(SignedOutError);
    expect(send).not.toHaveBeenCalled();
  });

  it("reports a session that ended between the 401 and the retry as signed out", async () => {
    const { api, send } = setup([() => json(401, { detail: "expired" })], [tokenExpiringAt(NOW + 15 * 60_000)]);
    await expect(api.tasks.list()).rejects.toBeInstanceOf(SignedOutError);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("does not retry other errors, and makes validation details readable", async () => {
    const { api, send, fetchToken } = setup([() => json(422, { detail: [{ loc: ["body", "title"], msg: "String should have at least 1 character" }] })]);
    await expect(api.tasks.create({ title: "" } as never)).rejects.toMatchObject({ status: 422, detail: "title: String should have at least 1 character" });
    expect(send).toHaveBeenCalledTimes(1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it("reports an unreachable API in words", async () => {
    const { api } = setup([]);
    const error = await api.tasks.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiUnreachableError);
    expect((error as Error).message).toBe("Can't reach the task service at http://api.test.");
  });

  it("forgets the cached token on request, e.g. at sign-out", async () => {
    const { api, fetchToken } = setup([page, page]);
    await api.tasks.list();
    api.forgetToken();
    await api.tasks.list();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("reads the tag counts from GET /api/tags, as their list", async () => {
    const tags = [{ name: "home", open: 2, total: 3 }];
    const { api, send } = setup([() => json(200, { items: tags })]);
    await expect(api.tags.list()).resolves.toEqual(tags);
    expect(send.mock.calls[0]?.[0].url).toBe("http://api.test/api/tags");
  });

  it("sends JSON bodies and answers 204 with nothing", async () => {
    const { api, send } = setup([() => json(201, { id: 1 }), () => new Response(null, { status: 204 })]);
    await api.tasks.create({ title: "Pay rent" } as never);
    await expect(api.tasks.remove(1)).resolves.toBeUndefined();
    const [created, removed] = send.mock.calls.map(([request]) => request);
    expect(created?.method).toBe("POST");
    expect(await created?.text()).toBe('{"title":"Pay rent"}');
    expect(removed?.method).toBe("DELETE");
    expect(removed?.url).toBe("http://api.test/api/tasks/1");
  });

  it("repeats a read while the API is briefly away, then answers", async () => {
    const down = () => { throw new TypeError("Failed to fetch"); };
    const { api, send, sleep } = setup([down, () => json(503, { detail: "database unavailable" }), page]);
    await expect(api.tasks.list()).resolves.toMatchObject({ items: [] });
    expect(send).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual(RETRY_DELAYS_MS.slice(0, 2));
  });

  it("gives up after its last retry with the API's own answer", async () => {
    const unavailable = () => json(503, { detail: "database unavailable" });
    const { api, send } = setup(Array(RETRY_DELAYS_MS.length + 1).fill(unavailable));
    await expect(api.tasks.list()).rejects.toMatchObject({ status: 503, detail: "database unavailable" });
    expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
  });

  it("repeats a create under the same Idempotency-Key, so the API makes it once", async () => {
    const { api, send } = setup([() => json(502, {}), () => json(201, { id: 1 })]);
    await api.tasks.create({ title: "Pay rent" } as never);
    const [first, second] = send.mock.calls.map(([request]) => request.headers.get("Idempotency-Key"));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  it("never repeats a toggle, which is not safe to repeat", async () => {
    const { api, send } = setup([() => json(503, { detail: "database unavailable" })]);
    await expect(api.tasks.toggle(1)).rejects.toMatchObject({ status: 503 });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
