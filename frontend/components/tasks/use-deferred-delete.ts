"use client";
/**
 * Delete with undo: the task disappears at once, and the API is told only when the undo window
 * closes (or the list goes away). Until then an "Undo" brings it back without a round trip.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import type { Task } from "@/lib/api";
import { useToast } from "@/components/ui/toasts";
import type { TaskActions } from "./use-tasks";

export const UNDO_WINDOW_MS = 5_000;

export function useDeferredDelete(remove: TaskActions["remove"]) {
  const toast = useToast();
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());

  const forget = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const commit = useCallback(
    (id: number) => {
      forget(id);
      // Hidden until the refreshed lists, without it, have come in.
      void remove(id).then(() => setHidden((ids) => new Set([...ids].filter((other) => other !== id))));
    },
    [forget, remove],
  );

  const undo = useCallback(
    (id: number) => {
      forget(id);
      setHidden((ids) => new Set([...ids].filter((other) => other !== id)));
    },
    [forget],
  );

  const deleteTask = useCallback(
    (task: Task) => {
      setHidden((ids) => new Set(ids).add(task.id));
      timers.current.set(task.id, setTimeout(() => commit(task.id), UNDO_WINDOW_MS));
      toast(`Deleted "${task.title}".`, { action: { label: "Undo", run: () => undo(task.id) }, durationMs: UNDO_WINDOW_MS });
    },
    [commit, toast, undo],
  );

  // Leaving the page must not silently cancel a delete the user asked for.
  const flush = useEffectEvent(() => [...timers.current.keys()].forEach(commit));
  useEffect(() => {
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, []);

  return { deleteTask, hidden };
}
