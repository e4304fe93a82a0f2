"use client";
/**
 * TanStack Query hooks over the task API. Writes show at once (optimistic) and are rolled back,
 * with a message saying so, when the API refuses them; every write ends by refreshing the lists.
 */
import { type InfiniteData, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, ApiUnreachableError, SignedOutError, type TagCount, type Task, type TaskCreate, type TaskPage, type TaskPatch, type TaskQuery } from "@/lib/api";
import { useApi } from "@/components/providers/app-providers";
import { useToast } from "@/components/ui/toasts";
import { loadFresh } from "@/lib/client/navigate";
import { PAGE_SIZE } from "./filters";

type Pages = InfiniteData<TaskPage, number>;
const TASKS = ["tasks"] as const;
/** Apart from TASKS, whose every entry the optimistic edits treat as pages of tasks. */
const TAGS = ["tags"] as const;

/** A first page the server already fetched for exactly this query, and when. */
export type InitialPage = { query: TaskQuery; page: TaskPage; fetchedAt: number };

const sameQuery = (a: TaskQuery, b: TaskQuery) => JSON.stringify(a) === JSON.stringify(b);

export function useTaskList(query: TaskQuery, initial: readonly InitialPage[] = [], { enabled = true } = {}) {
  const api = useApi();
  const seed = initial.find((page) => sameQuery(page.query, query));
  return useInfiniteQuery({
    queryKey: [...TASKS, query],
    enabled,
    // The page came in the HTML and shows at once; it is still checked again once the page runs,
    // since a write sent as the last page unloaded (a deferred delete) may have landed after it.
    initialData: seed ? { pages: [seed.page], pageParams: [0] } : undefined,
    initialDataUpdatedAt: 0,
    queryFn: ({ pageParam }) => api.tasks.list({ ...query, limit: PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    // While a new filter loads, the old list stays instead of a flash of skeleton.
    placeholderData: keepPreviousData,
  });
}

/** The tag list's exact counts; `initial` came in the HTML and, like the lists' first pages, is checked again once the page runs. */
export function useTagCounts(initial?: TagCount[]) {
  const api = useApi();
  return useQuery({
    queryKey: TAGS,
    queryFn: () => api.tags.list(),
    initialData: initial,
    initialDataUpdatedAt: 0,
  });
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

function useOptimisticLists() {
  const queryClient = useQueryClient();

  async function change(edit: (pages: Pages) => Pages) {
    await queryClient.cancelQueries({ queryKey: TASKS });
    const snapshot = queryClient.getQueriesData<Pages>({ queryKey: TASKS });
    queryClient.setQueriesData<Pages>({ queryKey: TASKS }, (data) => data && edit(data));
    return snapshot;
  }

  return {
    /** Applies `edit` to every task in every cached list; returns what to restore on failure. */
    mapTasks: (edit: (task: Task) => Task) => change((data) => ({ ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(edit) })) })),
    prepend: (task: Task) =>
      change((data) => ({ ...data, pages: data.pages.map((page, i) => (i === 0 ? { ...page, items: [task, ...page.items], total: page.total + 1 } : page)) })),
    restore: (snapshot: Array<[readonly unknown[], Pages | undefined]>) => snapshot.forEach(([key, data]) => queryClient.setQueryData(key, data)),
    // Every write may change a tag's counts as well as the lists.
    refresh: () => Promise.all([queryClient.invalidateQueries({ queryKey: TASKS }), queryClient.invalidateQueries({ queryKey: TAGS })]),
  };
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

export function useTaskActions() {
  const api = useApi();
  const lists = useOptimisticLists();
  const toast = useToast();

  const rollBack = (what: string) => (error: unknown, _input: unknown, snapshot?: Awaited<ReturnType<typeof lists.mapTasks>>) => {
    if (snapshot) lists.restore(snapshot);
    if (isSignedOut(error)) return goSignIn();
    toast(`${what}: ${describeApiError(error)} Your change was undone.`, { tone: "error", durationMs: 8_000 });
  };

  return {
    create: useMutation({
      mutationFn: (body: TaskCreate) => api.tasks.create(body),
      onMutate: (body) => lists.prepend(draftOf(body)),
      onError: rollBack("Couldn't add the task"),
      onSettled: lists.refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: TaskPatch }) => api.tasks.update(id, body),
      onMutate: ({ id, body }) => lists.mapTasks((task) => (task.id === id ? patched(task, body) : task)),
      onError: rollBack("Couldn't save the task"),
      onSettled: lists.refresh,
    }),
    toggle: useMutation({
      mutationFn: (id: number) => api.tasks.toggle(id),
      onMutate: (id) => lists.mapTasks((task) => (task.id === id ? { ...task, completed: !task.completed } : task)),
      onError: rollBack("Couldn't update the task"),
      onSuccess: (task) => {
        if (task.completed && task.recurrence !== "none") toast(`"${task.title}" is done. Its next occurrence is on your list.`);
      },
      onSettled: lists.refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => api.tasks.remove(id),
      onError: rollBack("Couldn't delete the task"),
      onSettled: lists.refresh,
    }),
    clearCompleted: useMutation({
      mutationFn: () => api.tasks.clearCompleted(),
      onError: rollBack("Couldn't clear completed tasks"),
      onSettled: lists.refresh,
    }),
  };
}

export type TaskActions = ReturnType<typeof useTaskActions>;
