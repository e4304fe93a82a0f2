"use client";
/** TanStack Query hooks over the task API: reads are cached, every write refreshes the list. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiError, ApiUnreachableError, type TaskInput, type TaskPage, type TaskReplacement } from "@/lib/api";
import { useApi } from "@/components/providers/app-providers";

const TASKS = ["tasks"] as const;

export function useTasks() {
  const api = useApi();
  return useQuery({ queryKey: TASKS, queryFn: () => api.tasks.list() });
}

export function useTaskActions() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: TASKS });
  return {
    create: useMutation({ mutationFn: (input: TaskInput) => api.tasks.create(input), onSettled: refresh }),
    replace: useMutation({
      mutationFn: ({ id, task }: { id: number; task: TaskReplacement }) => api.tasks.replace(id, task),
      onSettled: refresh,
    }),
    // A checkbox must answer the click at once; the server's answer confirms it or rolls it back.
    toggle: useMutation({
      mutationFn: (id: number) => api.tasks.toggle(id),
      onMutate: async (id: number) => {
        await queryClient.cancelQueries({ queryKey: TASKS });
        const previous = queryClient.getQueryData<TaskPage>(TASKS);
        if (previous) {
          const items = previous.items.map((task) => (task.id === id ? { ...task, completed: !task.completed } : task));
          queryClient.setQueryData<TaskPage>(TASKS, { ...previous, items });
        }
        return { previous };
      },
      onError: (_error, _id, context) => queryClient.setQueryData(TASKS, context?.previous),
      onSettled: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.tasks.remove(id), onSettled: refresh }),
  };
}

/** Words for a failed call; an outage says where the API was expected so a developer can check it. */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiUnreachableError) return `${error.message} Check that it is running, then retry.`;
  if (error instanceof ApiError) return error.detail;
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** A 401 that survived the token refresh means the session is gone: go sign in, then come back. */
export function useSignInWhenUnauthorized(...errors: unknown[]) {
  const unauthorized = errors.some((error) => error instanceof ApiError && error.status === 401);
  useEffect(() => {
    if (unauthorized) window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
  }, [unauthorized]);
}
