import type { Metadata } from "next";
import { Suspense } from "react";
import { TaskBoard } from "@/components/tasks/task-board";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Your tasks · Tasks" };

export default async function TasksPage() {
  // The layout checks too; the page checks itself so it never relies on a layout re-rendering.
  await requireSession("/tasks");
  return (
    <main className="container">
      <Suspense>
        <TaskBoard />
      </Suspense>
    </main>
  );
}
