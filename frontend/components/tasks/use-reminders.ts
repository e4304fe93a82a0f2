"use client";
/**
 * Reminders while the app is open: at a task's `remind_at`, a browser notification when the user
 * allowed them, otherwise an in-app banner. Permission is only ever asked from a click. The tab first
 * claims the reminder from the API, so one that has gone out by email is not shown as well.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { useApi } from "@/components/providers/app-providers";
import type { Task } from "@/lib/api";

/** Browsers cap timers near 24.8 days; reminders further out are scheduled on a later visit. */
const HORIZON_MS = 24 * 60 * 60 * 1000;

type Permission = NotificationPermission | "unsupported";

const permissionListeners = new Set<() => void>();

function subscribePermission(listener: () => void) {
  permissionListeners.add(listener);
  return () => permissionListeners.delete(listener);
}

const currentPermission = (): Permission => ("Notification" in window ? Notification.permission : "unsupported");

export function useReminders(tasks: Task[]) {
  const [due, setDue] = useState<Task[]>([]);
  const permission = useSyncExternalStore(subscribePermission, currentPermission, () => "unsupported" as const);
  const api = useApi();

  useEffect(() => {
    const now = Date.now();
    const timers = tasks
      .filter((task) => task.remind_at && !task.completed)
      .map((task) => ({ task, wait: new Date(task.remind_at!).getTime() - now }))
      .filter(({ wait }) => wait > 0 && wait <= HORIZON_MS)
      .map(({ task, wait }) =>
        setTimeout(async () => {
          // Unanswered (the API away): shown anyway, since a missed reminder is worse than a second one.
          const { show } = await api.reminders.claimForTab(task.id, task.remind_at!).catch(() => ({ show: true }));
          if (!show) return;
          if ("Notification" in window && Notification.permission === "granted") {
            new Notification(task.title, { body: task.description || "Reminder", tag: `task-${task.id}` });
          } else {
            setDue((current) => [...current.filter((t) => t.id !== task.id), task]);
          }
        }, wait),
      );
    return () => timers.forEach(clearTimeout);
  }, [tasks, api]);

  const askPermission = useCallback(async () => {
    if (!("Notification" in window)) return;
    await Notification.requestPermission();
    permissionListeners.forEach((listener) => listener());
  }, []);

  const dismiss = useCallback((id: number) => setDue((current) => current.filter((task) => task.id !== id)), []);

  // Only someone with a reminder set is asked about notifications.
  const upcoming = tasks.some((task) => task.remind_at && !task.completed);

  return { due, permission, askPermission, dismiss, upcoming };
}
