/**
 * The workload: virtual users that each keep a model of their own tasks while running a random mix
 * of task operations, then a check that the database holds exactly what every model says.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { Account, type Answer, newStats, type Stats } from "../accounts";

type Expected = { title: string; completed: boolean; priority: string; tags: string[] };
type Task = Expected & { id: number; user_id: string };

export type LoadOptions = { url: string; users: number; durationMs: number; maxOpsPerUser: number; seed?: string };
export type LoadRun = { users: VirtualUser[]; stats: Stats; operations: number; elapsedMs: number; signUpFailures: string[] };

const PRIORITIES = ["low", "medium", "high"];
const TAGS = ["home", "work", "errand", "later"];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const expected = (task: Task): Expected => ({ title: task.title, completed: task.completed, priority: task.priority, tags: task.tags });

/** A user, its model, and the writes the API acknowledged but that did not match the model. */
export class VirtualUser {
  readonly model = new Map<number, Expected>();
  readonly mismatches: string[] = [];
  operations = 0;

  constructor(readonly account: Account) {}

  private note(what: string, answer: Answer) {
    this.mismatches.push(`${this.account.email} ${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  }

  private checkTask(what: string, answer: Answer, want: Expected) {
    const task = answer.body as Task;
    if (JSON.stringify(expected(task)) !== JSON.stringify(want) || task.user_id !== this.account.userId) this.note(`${what} answered another task`, answer);
  }

  async create() {
    const want: Expected = { title: `task ${randomUUID().slice(0, 8)}`, completed: false, priority: pick(PRIORITIES), tags: [pick(TAGS)] };
    // The key makes the create safe to repeat: the API answers a repeat with the task it already made.
    const headers = { "idempotency-key": randomUUID() };
    const answer = await this.account.api({ method: "POST", path: "/api/tasks", body: { title: want.title, priority: want.priority, tags: want.tags }, headers });
    if (answer.status !== 201) return this.note("create", answer);
    this.checkTask("create", answer, want);
    this.model.set((answer.body as Task).id, want);
  }

  async patch() {
    const id = this.someTask();
    if (id === undefined) return this.create();
    // Absolute values, never a toggle, so a repeated PATCH lands in the same state.
    const change = Math.random() < 0.5 ? { completed: !this.model.get(id)!.completed } : { title: `renamed ${randomUUID().slice(0, 8)}` };
    const answer = await this.account.api({ method: "PATCH", path: `/api/tasks/${id}`, body: change });
    if (answer.status !== 200) return this.note("patch", answer);
    const want = { ...this.model.get(id)!, ...change };
    this.checkTask("patch", answer, want);
    this.model.set(id, want);
  }

  async remove() {
    const id = this.someTask();
    if (id === undefined) return this.create();
    const answer = await this.account.api({ method: "DELETE", path: `/api/tasks/${id}` });
    // A 404 after a retry means the first, unanswered attempt did the delete.
    if (answer.status !== 204 && answer.status !== 404) return this.note("delete", answer);
    this.model.delete(id);
  }

  async read() {
    const id = this.someTask();
    if (id === undefined) return this.create();
    const answer = await this.account.api({ method: "GET", path: `/api/tasks/${id}` });
    if (answer.status !== 200) return this.note("read", answer);
    this.checkTask("read", answer, this.model.get(id)!);
  }

  async list() {
    const answer = await this.account.api({ method: "GET", path: "/api/tasks?limit=100" });
    if (answer.status !== 200) return this.note("list", answer);
    for (const task of (answer.body as { items: Task[] }).items) {
      if (task.user_id !== this.account.userId) this.note("list showed another user's task", answer);
    }
  }

  private someTask(): number | undefined {
    const ids = [...this.model.keys()];
    return ids.length ? pick(ids) : undefined;
  }

  /** One random operation: creates and changes outweigh reads, as in an active session. */
  async step() {
    const roll = Math.random();
    if (roll < 0.3) await this.create();
    else if (roll < 0.55) await this.patch();
    else if (roll < 0.65) await this.remove();
    else if (roll < 0.8) await this.read();
    else await this.list();
    this.operations += 1;
  }
}

/** Signs every user up, then runs them all until the time or the per-user operation budget runs out. */
export async function runLoad({ url, users, durationMs, maxOpsPerUser, seed = randomUUID().slice(0, 8) }: LoadOptions, during?: () => Promise<void>): Promise<LoadRun> {
  const stats = newStats();
  const signUpFailures: string[] = [];
  const accounts = Array.from({ length: users }, (_, i) => new Account(url, `soak-${seed}-${i}@example.test`, stats));
  const signedUp: VirtualUser[] = [];
  await Promise.all(
    accounts.map(async (account) => {
      const answer = await account.signUp();
      if (answer.status !== 200) return signUpFailures.push(`${account.email}: ${answer.status} ${JSON.stringify(answer.body)}`);
      await account.refreshToken();
      signedUp.push(new VirtualUser(account));
    }),
  );
  const started = performance.now();
  const deadline = started + durationMs;
  const loops = signedUp.map(async (user) => {
    while (performance.now() < deadline && user.operations < maxOpsPerUser) await user.step();
  });
  await Promise.all([...loops, during?.()]);
  const elapsedMs = performance.now() - started;
  return { users: signedUp, stats, operations: signedUp.reduce((sum, user) => sum + user.operations, 0), elapsedMs, signUpFailures };
}

export type Verification = { lost: number; extra: number; changed: number; crossUser: number; unknownOwners: number; problems: string[] };

/**
 * What the database holds compared with every model: lost, extra or changed tasks; tasks stored under
 * another user than the one that made them; and rows owned by none of this run's users.
 */
export async function verify(run: LoadRun, tasksDatabaseUrl: string): Promise<Verification> {
  const client = new pg.Client({ connectionString: tasksDatabaseUrl });
  await client.connect();
  const problems: string[] = [];
  let [lost, extra, changed] = [0, 0, 0];
  try {
    const { rows } = await client.query<{ id: number; user_id: string; title: string; completed: boolean; priority: string; tags: string[] }>(
      `SELECT t.id, t.user_id, t.title, t.completed, t.priority,
              coalesce(array_agg(g.tag ORDER BY g.tag) FILTER (WHERE g.tag IS NOT NULL), '{}') AS tags
         FROM task t LEFT JOIN task_tag g ON g.task_id = t.id GROUP BY t.id`,
    );
    const owners = new Set(run.users.map((user) => user.account.userId));
    const madeBy = new Map(run.users.flatMap((user) => [...user.model.keys()].map((id) => [id, user.account.userId] as const)));
    const crossUser = rows.filter((row) => madeBy.has(row.id) && madeBy.get(row.id) !== row.user_id).length;
    const unknownOwners = rows.filter((row) => !owners.has(row.user_id)).length;
    for (const user of run.users) {
      const stored = new Map(rows.filter((row) => row.user_id === user.account.userId).map((row) => [row.id, row]));
      for (const [id, want] of user.model) {
        const row = stored.get(id);
        if (!row) {
          lost += 1;
          problems.push(`${user.account.email}: task ${id} acknowledged but missing`);
        } else if (JSON.stringify(expected({ ...row, id })) !== JSON.stringify(want)) {
          changed += 1;
          problems.push(`${user.account.email}: task ${id} is ${JSON.stringify(expected({ ...row, id }))}, expected ${JSON.stringify(want)}`);
        }
      }
      for (const id of stored.keys()) {
        if (!user.model.has(id)) {
          extra += 1;
          problems.push(`${user.account.email}: task ${id} in the database but not in the model`);
        }
      }
    }
    return { lost, extra, changed, crossUser, unknownOwners, problems };
  } finally {
    await client.end();
  }
}
