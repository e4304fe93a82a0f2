"use client";
/**
 * The form's optional fields, fetched when a form first opens them ("More options", or editing a
 * task): the list itself never shows them, so they stay out of the task page's first-load JS.
 * React's own `lazy`, not `next/dynamic`, whose loader code cost more than the fields it deferred.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import type { TaskFields as Fields } from "./task-fields";

const TaskFields = lazy(() => import("./task-fields").then((module) => ({ default: module.TaskFields })));

export function LazyTaskFields(props: ComponentProps<typeof Fields>) {
  return (
    <Suspense fallback={null}>
      <TaskFields {...props} />
    </Suspense>
  );
}
