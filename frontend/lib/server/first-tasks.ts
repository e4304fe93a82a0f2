import "server-only";
/**
 * The first page of the task lists, fetched on the server so they arrive in the HTML: a JWT for the
 * signed-in user from Better Auth's server API, then the same typed API client the browser uses.
 */
import { headers } from "next/headers";
import { createApiClient, type TaskQuery } from "@/lib/api";
import { getAuth } from "@/lib/server/auth";
import { env } from "@/lib/server/env";
import type { InitialPage } from "@/components/tasks/use-tasks";
import { PAGE_SIZE } from "@/components/tasks/filters";

/** Longer than this and the page is sent without the lists; the browser then fetches them itself. */
const SERVER_FETCH_TIMEOUT_MS = 1_500;

/** Each query's first page; a failure of any kind leaves that query to the browser, which says what went wrong. */
export async function firstTaskPages(queries: TaskQuery[]): Promise<InitialPage[]> {
  const requestHeaders = await headers();
  const token = getAuth()
    .api.getToken({ headers: requestHeaders })
    .then((result) => result.token)
    .catch(() => null);
  const api = createApiClient({
    baseUrl: env().NEXT_PUBLIC_API_URL,
    fetchToken: () => token,
    fetch: (request) => fetch(request, { signal: AbortSignal.timeout(SERVER_FETCH_TIMEOUT_MS), cache: "no-store" }),
    // A retry would only delay the page; the browser retries on its own.
    sleep: () => Promise.reject(new Error("no retries on the server")),
  });
  const pages = await Promise.all(
    queries.map(async (query) => {
      try {
        const page = await api.tasks.list({ ...query, limit: PAGE_SIZE, offset: 0 });
        return { query, page, fetchedAt: Date.now() };
      } catch {
        return null;
      }
    }),
  );
  return pages.filter((page) => page !== null);
}
