import { APIError } from "better-auth/api";
import { beforeEach, describe, expect, it, vi } from "vitest";

const getToken = vi.fn();
const removeAll = vi.fn();
const createApiClient = vi.fn((options: { baseUrl: string; fetchToken: () => Promise<string | null> }) => ({ options, tasks: { removeAll } }));
vi.mock("../api", () => ({ createApiClient }));

const { deleteTasksFirst } = await import("./delete-account");

const request = new Request("http://tasks.test/api/auth/delete-user", { method: "POST", headers: { cookie: "session=abc" } });
const beforeDelete = deleteTasksFirst("http://api.test", (headers) => getToken({ headers }));

describe("deleteTasksFirst", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.spyOn(console, "error").mockImplementation(() => {});
  });

  it("deletes the tasks through the API client with a token minted from the user's own session", async () => {
    getToken.mockResolvedValue({ token: "jwt-of-ada" });
    removeAll.mockResolvedValue(undefined);

    await beforeDelete({ id: "ada" }, request);

    expect(getToken).toHaveBeenCalledWith({ headers: request.headers });
    expect(createApiClient).toHaveBeenCalledWith(expect.objectContaining({ baseUrl: "http://api.test" }));
    await expect(createApiClient.mock.calls[0]![0].fetchToken()).resolves.toBe("jwt-of-ada");
    expect(removeAll).toHaveBeenCalledOnce();
  });

  it("stops the account deletion, with a code the form explains, when the tasks cannot be deleted", async () => {
    getToken.mockResolvedValue({ token: "jwt-of-ada" });
    removeAll.mockRejectedValue(new Error("API down"));

    const failure = await beforeDelete({ id: "ada" }, request).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).body).toMatchObject({ code: "TASKS_NOT_DELETED" });
  });

  it("refuses a deletion that did not come with the user's request, before touching anything", async () => {
    await expect(beforeDelete({ id: "ada" })).rejects.toBeInstanceOf(APIError);
    expect(getToken).not.toHaveBeenCalled();
  });
});
