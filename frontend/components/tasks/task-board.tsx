"use client";
/** The signed-in user's task list: add, edit, complete and delete, with every state said in words. */
import { NewTaskForm } from "./new-task-form";
import { TaskItem } from "./task-item";
import { describeApiError, useSignInWhenUnauthorized, useTaskActions, useTasks } from "./use-tasks";

export function TaskBoard() {
  const tasks = useTasks();
  const actions = useTaskActions();
  const failed = [actions.create, actions.replace, actions.toggle, actions.remove].find((m) => m.isError);
  useSignInWhenUnauthorized(tasks.error, failed?.error);

  return (
    <section className="board" aria-labelledby="tasks-heading">
      <h1 id="tasks-heading">Your tasks</h1>
      <NewTaskForm create={actions.create} />
      {failed && (
        <p className="banner error" role="alert">
          {describeApiError(failed.error)}
        </p>
      )}
      {tasks.isPending ? (
        <p className="muted" aria-busy="true">
          Loading your tasks…
        </p>
      ) : tasks.isError ? (
        <div className="banner error" role="alert">
          <p>{describeApiError(tasks.error)}</p>
          <button type="button" onClick={() => tasks.refetch()}>
            Retry
          </button>
        </div>
      ) : tasks.data.items.length === 0 ? (
        <p className="empty">No tasks yet. Add your first one above.</p>
      ) : (
        <>
          <p className="muted">
            {tasks.data.items.filter((t) => !t.completed).length} open of {tasks.data.total}
          </p>
          <ul className="task-list" aria-label="Tasks">
            {tasks.data.items.map((task) => (
              <TaskItem key={task.id} task={task} actions={actions} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
