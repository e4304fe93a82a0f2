import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Suspense } from "react";
import { boardQueries, parseFilters } from "@/components/tasks/filters";
import { TaskBoard } from "@/components/tasks/task-board";
import { firstBoard } from "@/lib/server/first-tasks";
import { requireSession } from "@/lib/server/session";
import { knownTimeZone, TIME_ZONE_COOKIE } from "@/lib/server/time-zone";

export const metadata: Metadata = { title: "Your tasks · Tasks" };

type SearchParams = Record<string, string | string[] | undefined>;

function toSearchParams(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const one of [value ?? []].flat()) search.append(key, one);
  return search;
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The layout checks too; the page checks itself so it never relies on a layout re-rendering.
  await requireSession("/tasks");
  // The view's lists and the tag counts are fetched here, so they are in the first HTML; the browser takes over from there.
  const queries = boardQueries(parseFilters(toSearchParams(await searchParams)));
  const [{ pages: initial, tags }, cookieJar] = await Promise.all([firstBoard([queries.list, queries.completed].filter((query) => query !== null)), cookies()]);
  const zone = knownTimeZone(cookieJar.get(TIME_ZONE_COOKIE)?.value);
  return (
    <main className="container">
      <Suspense>
        <TaskBoard initial={initial} initialTags={tags} zone={zone} renderedAt={initial[0]?.fetchedAt} />
      </Suspense>
    </main>
  );
}
