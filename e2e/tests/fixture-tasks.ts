/**
 * Thirty realistic tasks, as one person's list looks after a few weeks: two overdue, a busy today,
 * the coming week, a few later, some undated, three finished. Due dates are relative to `now`, in
 * the runtime's zone; all-day tasks are due at the end of their day, as the API documents.
 */
export type FixtureTask = { title: string; completed?: boolean; priority?: "low" | "medium" | "high"; tags?: string[]; description?: string; recurrence?: "daily" | "weekly" | "monthly"; due?: { days: number; at?: [number, number] } };

export const THIRTY_TASKS: FixtureTask[] = [
  { title: "Renew passport", priority: "high", tags: ["admin"], due: { days: -3 } },
  { title: "Reply to the landlord about the boiler", tags: ["home"], due: { days: -1, at: [10, 0] } },
  { title: "Pay rent", tags: ["home", "bills"], recurrence: "monthly", due: { days: 0, at: [17, 30] }, description: "Transfer before 5 pm" },
  { title: "Stand-up notes for the team", tags: ["work"], due: { days: 0, at: [9, 30] } },
  { title: "Call mum", due: { days: 0 } },
  { title: "Pick up the dry cleaning", priority: "low", tags: ["errands"], due: { days: 0, at: [18, 0] } },
  { title: "Review Sam's pull request", priority: "high", tags: ["work"], due: { days: 0, at: [15, 0] } },
  { title: "Book dentist appointment", tags: ["health"], due: { days: 1 } },
  { title: "Water the plants", recurrence: "weekly", tags: ["home"], due: { days: 1, at: [8, 0] } },
  { title: "Send the quarterly report", priority: "high", tags: ["work"], due: { days: 2, at: [12, 0] } },
  { title: "Buy a birthday present for Alex", tags: ["errands"], due: { days: 2 } },
  { title: "Gym: leg day", tags: ["health"], recurrence: "weekly", due: { days: 3, at: [7, 0] } },
  { title: "Car service", tags: ["admin"], due: { days: 4, at: [9, 0] } },
  { title: "Plan the weekend hike", priority: "low", due: { days: 5 } },
  { title: "Prepare the workshop slides", tags: ["work"], due: { days: 6, at: [14, 0] } },
  { title: "Cancel the old phone contract", tags: ["admin", "bills"], due: { days: 6 } },
  { title: "Dinner with Priya", due: { days: 3, at: [19, 30] } },
  { title: "File travel expenses", tags: ["work"], due: { days: 4 } },
  { title: "Renew the home insurance", tags: ["bills"], due: { days: 12 } },
  { title: "Dentist check-up", tags: ["health"], due: { days: 20, at: [11, 0] } },
  { title: "Book flights for the holidays", priority: "high", due: { days: 15 } },
  { title: "Annual tax return", tags: ["admin"], due: { days: 40 } },
  { title: "Read \"The Overstory\"", priority: "low", tags: ["reading"] },
  { title: "Fix the squeaky door", tags: ["home"] },
  { title: "Learn the basics of Rust", priority: "low" },
  { title: "Sort out old photos", tags: ["home"] },
  { title: "Try the new ramen place", priority: "low" },
  { title: "Order new running shoes", completed: true, tags: ["health"] },
  { title: "Submit the visa form", completed: true, tags: ["admin"] },
  { title: "Clean the fridge", completed: true, tags: ["home"] },
];

/** The API body of a fixture task, its due date placed relative to `now`. */
export function fixtureBody(task: FixtureTask, now: Date): Record<string, unknown> {
  const { due, ...fields } = task;
  if (!due) return fields;
  const [hours, minutes] = due.at ?? [23, 59];
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + due.days, hours, minutes, due.at ? 0 : 59);
  return { ...fields, due_at: at.toISOString(), all_day: !due.at };
}
