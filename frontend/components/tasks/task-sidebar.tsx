"use client";
/**
 * The views (agenda, all, completed) and the tags with their open-task counts. Desktop shows them as
 * this sidebar; phones as the menu behind one button (./view-menu), built from the same choices.
 */
import type { TagCount } from "@/lib/api";
import { DEFAULT_FILTERS, type Filters, type Status, withoutFilters } from "./filters";

export type ViewProps = {
  filters: Filters;
  setFilters: (change: Partial<Filters>) => void;
  /** Every tag of the person's tasks with its exact counts (GET /api/tags), sorted by name. */
  tags: TagCount[];
};

/** One place to go: a view, or a tag with its open count. `label` is what shows; `name` is what a screen reader says. */
export type ViewChoice = { key: string; label: string; name: string; count?: number; current: boolean; choose: () => void };

const VIEWS: Array<{ status: Status; label: string }> = [
  { status: "pending", label: "To do" },
  { status: "all", label: "All" },
  { status: "completed", label: "Completed" },
];

/** The views and the tags worth going to, in the order both the sidebar and the phone menu list them. */
export function viewChoices({ filters, setFilters, tags }: ViewProps): { views: ViewChoice[]; tags: ViewChoice[] } {
  const onlyTag = filters.tags.length === 1 ? filters.tags[0] : null;
  return {
    views: VIEWS.map(({ status, label }) => ({
      key: status,
      label,
      name: label,
      current: filters.status === status && !onlyTag,
      // A view starts from its own order: the agenda by due date, the others as the person last sorted them.
      choose: () => setFilters({ ...withoutFilters(filters), status, ...(status === "pending" ? { sort: DEFAULT_FILTERS.sort, order: DEFAULT_FILTERS.order } : {}) }),
    })),
    // The tags of open tasks: one left only on completed tasks is no place to go next, unless it is the view on screen.
    tags: tags
      .filter((tag) => tag.open > 0 || tag.name === onlyTag)
      .map(({ name, open }) => ({
        key: `tag:${name}`,
        label: `#${name}`,
        name: `#${name}, ${open} open`,
        count: open,
        current: onlyTag === name,
        choose: () => setFilters({ tags: [name] }),
      })),
  };
}

/** A view's name and, for a tag, its open count (hidden from screen readers: the name says it). */
export function ChoiceText({ choice }: { choice: ViewChoice }) {
  return (
    <>
      <span>{choice.label}</span>
      {choice.count !== undefined && (
        <span className="count" aria-hidden="true">
          {choice.count}
        </span>
      )}
    </>
  );
}

export function TaskSidebar(props: ViewProps) {
  const { views, tags } = viewChoices(props);
  const item = (choice: ViewChoice) => (
    <li key={choice.key}>
      <button type="button" aria-pressed={choice.current} aria-label={choice.count === undefined ? undefined : choice.name} onClick={choice.choose}>
        <ChoiceText choice={choice} />
      </button>
    </li>
  );
  return (
    <nav className="sidebar" aria-label="Views">
      <ul>{views.map(item)}</ul>
      {tags.length > 0 && (
        <>
          <h2 className="sidebar-title">Tags</h2>
          <ul>{tags.map(item)}</ul>
        </>
      )}
    </nav>
  );
}
