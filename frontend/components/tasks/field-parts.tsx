/** Small pieces of the task forms shared with the always-loaded screen: the priority options and a field's problem line. */
import { PRIORITIES } from "./filters";

/** The three priorities as <option>s, shared by the task form and the priority filter. */
export function PriorityOptions() {
  return PRIORITIES.map((priority) => (
    <option key={priority} value={priority}>
      {priority[0]!.toUpperCase() + priority.slice(1)}
    </option>
  ));
}

export function Problem({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="field-problem">
      {text}
    </p>
  ) : null;
}
