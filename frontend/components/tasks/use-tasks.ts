"use client";
/**
 * The task API's reads and writes for the board. Writes show at once (optimistic) and are rolled back,
 * with a message saying so, when the API refuses them; every write ends by refreshing the lists.
 */
import { ApiError, ApiUnreachableError, SignedOutError, type TagCount, type Task, type TaskCreate, type TaskPage, type TaskPatch, type TaskQuery } from "@/lib/api";
import { useApi } from "@/components/providers/app-providers";
import { useToast } from "@/components/ui/toasts";
import { loadFresh } from "@/lib/client/navigate";
import { type QueryStore, useQuery, useQueryStore } from "@/lib/client/queries";
import { PAGE_SIZE } from "./filters";

type Pages = { pages: TaskPage[] };
/** The board's cached lists (one entry per query) and tag counts, for as long as the board is on screen. */
export type TaskStores = { lists: QueryStore<Pages>; tags: QueryStore<TagCount[]> };

export function useTaskStores(): TaskStores {
  return { lists: useQueryStore<Pages>(), tags: useQueryStore<TagCount[]>() };
}

/** A first page the server already fetched for exactly this query, and when. */
export type InitialPage = { query: TaskQuery; page: TaskPage; fetchedAt: number };

const keyOf = (query: TaskQuery) => JSON.stringify(query);
const TAGS = "tags";

/** Where the page after `last` starts, if there is one. */
const nextOffset = (last: TaskPage | undefined) => (last && last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined);

export function useTaskList(stores: TaskStores, query: TaskQuery, initial: readonly InitialPage[] = [], { enabled = true } = {}) {
  const api = useApi();
  const key = keyOf(query);
  const seed = initial.find((page) => keyOf(page.query) === key);
  const page = (offset: number) => api.tasks.list({ ...query, limit: PAGE_SIZE, offset });
  // A refresh fetches as many pages as are on screen again, each from where the fresh one before it ends.
  async function loadAll(current: Pages | undefined): Promise<Pages> {
    const pages = [await page(0)];
    for (let offset = nextOffset(pages[0]); offset !== undefined && pages.length < (current?.pages.length ?? 1); offset = nextOffset(pages.at(-1))) pages.push(await page(offset));
    return { pages };
  }
  // The page came in the HTML and shows at once; it is still checked again once the page runs, since a
  // write sent as the last page unloaded (a deferred delete) may have landed after it. While a new filter
  // loads, the old list stays instead of a flash of skeleton.
  const list = useQuery(stores.lists, key, loadAll, { initialData: seed && { pages: [seed.page] }, enabled, keepPrevious: true });
  const next = nextOffset(list.data?.pages.at(-1));
  return {
    ...list,
    hasNextPage: next !== undefined,
    isFetchingNextPage: list.fetching === "more",
    fetchNextPage: () => next !== undefined && stores.lists.fetch(key, async (current) => ({ pages: [...(current?.pages ?? []), await page(next)] }), "more"),
  };
}

/** The tag list's exact counts; `initial` came in the HTML and, like the lists' first pages, is checked again once the page runs. */
export function useTagCounts(stores: TaskStores, initial?: TagCount[]) {
  const api = useApi();
  return useQuery(stores.tags, TAGS, () => api.tags.list(), { initialData: initial });
}

/** Words for a failed call; an outage says where the API was expected so a developer can check it. */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiUnreachableError) return `${error.message} Check that it is running, then retry.`;
  if (error instanceof ApiError && error.status === 401) {
    return "The task service did not accept your sign-in. If this keeps happening, its JWT_SECRET may not match BETTER_AUTH_SECRET.";
  }
  if (error instanceof ApiError) return error.detail;
  return error instanceof Error ? error.message : "Something went wrong.";
}

export const isSignedOut = (error: unknown) => error instanceof SignedOutError;

/** The session is gone: sign in, then come back to this exact view. */
export function goSignIn() {
  const here = `${window.location.pathname}${window.location.search}`;
  loadFresh(`/sign-in?next=${encodeURIComponent(here)}`);
}

/** What the API fills in for a field a create leaves out; the draft shows them until the refresh. */
const CREATE_DEFAULTS = {
  description: "",
  completed: false,
  priority: "medium",
  tags: [],
  due_at: null,
  remind_at: null,
  recurrence: "none",
  recurrence_interval: 1,
  rrule: null,
  repeat_from_completion: false,
  time_zone: "UTC",
  all_day: false,
} satisfies Required<Omit<TaskCreate, "title">>;

/** The task as the list shows it until the API's answer replaces it. */
function draftOf(body: TaskCreate): Task {
  const now = new Date().toISOString();
  return {
    ...CREATE_DEFAULTS,
    ...body,
    // A negative id can never collide with a real one; the refresh replaces the draft.
    id: -Date.now(),
    user_id: "",
    completed_at: null,
    created_at: now,
    updated_at: now,
  };
}

/** A patch as the list shows it until the API's answer: the fields sent, over the task as it was. */
function patched(task: Task, body: TaskPatch): Task {
  return { ...task, ...body };
}

/** One write: shown at once by `optimistic` (which returns how to undo it), undone with a message if refused. */
type Write<Input, Answer> = { send: (input: Input) => Promise<Answer>; optimistic?: (input: Input) => () => void; failure: string; done?: (answer: Answer) => void };

export function useTaskActions(stores: TaskStores) {
  const api = useApi();
  const toast = useToast();

  /** Applies `edit` to every cached page of tasks, after dropping fetches that would overwrite it; returns the undo. */
  function editPages(edit: (page: TaskPage) => TaskPage): () => void {
    stores.lists.cancel();
    return stores.lists.edit((data) => ({ pages: data.pages.map(edit) }));
  }
  const mapTasks = (edit: (task: Task) => Task) => editPages((page) => ({ ...page, items: page.items.map(edit) }));

  /** Resolves once the lists are refreshed (a deferred delete waits for it); never rejects. */
  const write =
    <Input = void, Answer = unknown>({ send, optimistic, failure, done }: Write<Input, Answer>) =>
    async (input: Input): Promise<void> => {
      const undo = optimistic?.(input);
      try {
        // Sent first: `done?.(await send(input))` would skip sending when there is no `done`.
        const answer = await send(input);
        done?.(answer);
      } catch (error) {
        undo?.();
        if (isSignedOut(error)) goSignIn();
        else toast(`${failure}: ${describeApiError(error)} Your change was undone.`, { tone: "error", durationMs: 8_000 });
      }
      // Every write may change a tag's counts as well as the lists.
      await Promise.all([stores.lists.invalidate(), stores.tags.invalidate()]);
    };

  return {
    create: write({
      send: (body: TaskCreate) => api.tasks.create(body),
      optimistic: (body) => {
        const draft = draftOf(body);
        return editPages((page) => (page.offset === 0 ? { ...page, items: [draft, ...page.items], total: page.total + 1 } : page));
      },
      failure: "Couldn't add the task",
    }),
    update: write({
      send: ({ id, body }: { id: number; body: TaskPatch }) => api.tasks.update(id, body),
      optimistic: ({ id, body }) => mapTasks((task) => (task.id === id ? patched(task, body) : task)),
      failure: "Couldn't save the task",
    }),
    toggle: write({
      send: (id: number) => api.tasks.toggle(id),
      optimistic: (id) => mapTasks((task) => (task.id === id ? { ...task, completed: !task.completed } : task)),
      failure: "Couldn't update the task",
      done: (task) => {
        if (task.completed && task.recurrence !== "none") toast(`"${task.title}" is done. Its next occurrence is on your list.`);
      },
    }),
    remove: write({ send: (id: number) => api.tasks.remove(id), failure: "Couldn't delete the task" }),
    clearCompleted: write({ send: () => api.tasks.clearCompleted(), failure: "Couldn't clear completed tasks" }),
  };
}

export type TaskActions = ReturnType<typeof useTaskActions>;
