import "server-only";
/**
 * The first page of the task lists and the tag counts, fetched on the server so they arrive in the
 * HTML: a JWT for the signed-in user from Better Auth's server API, then the same typed API client
 * the browser uses.
 */
import { headers } from "next/headers";
import { createApiClient, type TagCount, type TaskQuery } from "@/lib/api";
import { getAuth } from "@/lib/server/auth";
import { env } from "@/lib/server/env";
import type { InitialPage } from "@/components/tasks/use-tasks";
import { PAGE_SIZE } from "@/components/tasks/filters";

/** Longer than this and the page is sent without the lists; the browser then fetches them itself. */
const SERVER_FETCH_TIMEOUT_MS = 1_500;

/** What the task page starts from: the lists' first pages, and the tag counts when they came in time. */
export type FirstBoard = { pages: InitialPage[]; tags?: TagCount[] };

/**
 * Each query's first page and the tag counts, all at once with one token; a failure of any kind
 * leaves that part to the browser, which says what went wrong.
 */
export async function firstBoard(queries: TaskQuery[]): Promise<FirstBoard> {
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
  const [pages, tags] = await Promise.all([
    Promise.all(
      queries.map(async (query) => {
        try {
          const page = await api.tasks.list({ ...query, limit: PAGE_SIZE, offset: 0 });
          return { query, page, fetchedAt: Date.now() };
        } catch {
          return null;
        }
      }),
    ),
    api.tags.list().catch(() => undefined),
  ]);
  return { pages: pages.filter((page) => page !== null), tags };
}
