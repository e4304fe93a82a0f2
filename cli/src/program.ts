/** The `tasks` command line: every command, its options and its help, on commander. */
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_FILTERS, filtersToQuery, ORDERS, SORTS, STATUSES } from "../../frontend/components/tasks/filters";
import type { Task } from "../../frontend/lib/api";
import { type Api, apiFor, explain } from "./api-session";
import { type CredentialsFile, credentialsFile } from "./credentials";
import { CliError, EXIT } from "./errors";
import { login, logout } from "./login";
import { type Io, json, taskDetail, taskLine, taskList } from "./output";
import { collectTags, parseDue, parseEvery, PRIORITIES, REPEATS, type TaskFlags, taskToCreate, taskToPatch } from "./task-input";
import { version } from "./version";

/** `tasks ls` lists every task, newest first, as it always has; the web app's default view is its agenda. */
const LS_DEFAULTS = { status: "all", sort: "created", order: "desc" } as const;

export const DEFAULT_URL = "http://localhost:3000";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function taskId(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new InvalidArgumentError("A task id is a number, as `tasks ls` shows it.");
  return Number(value);
}

function day(value: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError("Use a day like 2026-12-24.");
  return value;
}

function url(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new InvalidArgumentError("Use the app's address, like http://localhost:3000.");
  return new URL(value).origin;
}

function count(min: number, max: number) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) throw new InvalidArgumentError(`Use a whole number from ${min} to ${max}.`);
    return number;
  };
}

/** The options `add` and `edit` share; edit's --due also takes `none`, which clears it. */
function withTaskFields(command: Command): Command {
  return command
    .option("--due <when>", 'due date: 2026-12-24, "2026-12-24 17:00" (local time) or none', parseDue)
    .addOption(new Option("--priority <level>", "priority").choices(PRIORITIES))
    .option("--tag <tag>", "a tag (repeat it, or separate with commas)", collectTags)
    .addOption(new Option("--repeat <rule>", "repeat rule (needs a due date)").choices(REPEATS))
    .option("--every <n>", "repeat every n days, weeks or months", parseEvery)
    .option("--description <text>", "a longer note");
}

export function buildProgram(io: Io, store: CredentialsFile = credentialsFile()): Command {
  const program = new Command("tasks")
    .description("Your Tasks from a terminal. Sign in once with `tasks login`; every other command uses that sign-in.")
    .version(version)
    .option("--json", "print JSON for scripts instead of text")
    .showHelpAfterError("(run `tasks --help` for the commands)")
    // Thrown instead of exiting, so main.ts gives wrong command lines their own exit code.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });

  const asJson = (command: Command) => Boolean(command.optsWithGlobals().json);

  /** Runs `action` with the API of the saved sign-in; `taskIdOf` names the task a 404 is about. */
  async function withApi<T>(action: (api: Api) => Promise<T>, taskIdOf?: number): Promise<T> {
    const credentials = await store.read();
    if (!credentials) throw new CliError("Not signed in. Run `tasks login` to sign in.", EXIT.signedOut);
    try {
      return await action(apiFor(credentials));
    } catch (error) {
      throw explain(error, credentials.apiUrl, taskIdOf);
    }
  }

  const show = (command: Command, task: Task, text: string) => io.out(asJson(command) ? json(task) : text);

  program
    .command("login")
    .description("sign in through the browser (device sign-in: you approve a code at /device)")
    .option("--url <url>", "the app's address", url, process.env.TASKS_URL ?? DEFAULT_URL)
    .action((options: { url: string }) => login(options.url, store, io));

  program
    .command("logout")
    .description("end this terminal's session and delete its saved sign-in")
    .action(() => logout(store, io));

  program
    .command("ls")
    .description("list tasks, with the web app's filters")
    .addOption(new Option("--status <status>", "which tasks").choices(STATUSES).default(LS_DEFAULTS.status))
    .addOption(new Option("--priority <level>", "only this priority").choices(PRIORITIES))
    .option("--tag <tag>", "only tasks with this tag (repeat: every one)", collectTags)
    .option("-s, --search <text>", "text in the title or description")
    .option("--due-after <day>", "due on or after this local day", day)
    .option("--due-before <day>", "due on or before this local day", day)
    .option("--overdue", "only open tasks past their due time")
    .addOption(new Option("--sort <field>", "sort by").choices(SORTS).default(LS_DEFAULTS.sort))
    .addOption(new Option("--order <order>", "sort order").choices(ORDERS).default(LS_DEFAULTS.order))
    // The API's own page limit (backend/app/models.py); it answers 422 for more.
    .option("--limit <n>", "at most this many (1–100)", count(1, 100), 50)
    .option("--offset <n>", "skip this many", count(0, 1_000_000), 0)
    .action(async (options, command: Command) => {
      const query = filtersToQuery({
        ...DEFAULT_FILTERS,
        status: options.status,
        priority: options.priority ?? null,
        tags: options.tag ?? [],
        q: options.search?.trim() ?? "",
        sort: options.sort,
        order: options.order,
        dueAfter: options.dueAfter ?? null,
        dueBefore: options.dueBefore ?? null,
        overdue: Boolean(options.overdue),
      });
      const page = await withApi((api) => api.tasks.list({ ...query, limit: options.limit, offset: options.offset }));
      io.out(asJson(command) ? json(page) : taskList(page));
    });

  withTaskFields(program.command("add").description("add a task").argument("<title...>", "the title (quotes optional)")).action(
    async (words: string[], flags: TaskFlags, command: Command) => {
      const body = taskToCreate(words.join(" "), flags);
      if (typeof body === "string") throw new CliError(body, EXIT.usage);
      const task = await withApi((api) => api.tasks.create(body));
      show(command, task, `Added ${taskLine(task)}`);
    },
  );

  /** `done` and `undo`: completion is a toggle at the API, so each first reads where the task stands. */
  const setCompleted = (completed: boolean) => async (id: number, _options: unknown, command: Command) => {
    const task = await withApi(async (api) => {
      const current = await api.tasks.get(id);
      return current.completed === completed ? current : api.tasks.toggle(id);
    }, id);
    show(command, task, taskLine(task));
  };
  program.command("done").description("mark a task done (a repeating one gets its next occurrence)").argument("<id>", "task id", taskId).action(setCompleted(true));
  program.command("undo").description("mark a done task open again").argument("<id>", "task id", taskId).action(setCompleted(false));

  withTaskFields(program.command("edit").description("change a task's fields").argument("<id>", "task id", taskId).option("--title <title>", "a new title")).action(
    async (id: number, flags: TaskFlags & { title?: string }, command: Command) => {
      const patch = taskToPatch(flags);
      if (typeof patch === "string") throw new CliError(patch, EXIT.usage);
      const task = await withApi((api) => api.tasks.update(id, patch), id);
      show(command, task, `Saved ${taskLine(task)}`);
    },
  );

  program
    .command("rm")
    .description("delete a task")
    .argument("<id>", "task id", taskId)
    .action(async (id: number, _options: unknown, command: Command) => {
      await withApi((api) => api.tasks.remove(id), id);
      io.out(asJson(command) ? json({ deleted: id }) : `Deleted task ${id}.`);
    });

  program
    .command("show")
    .description("every field of one task")
    .argument("<id>", "task id", taskId)
    .action(async (id: number, _options: unknown, command: Command) => {
      const task = await withApi((api) => api.tasks.get(id), id);
      show(command, task, taskDetail(task));
    });

  program.addHelpText(
    "after",
    `
Exit codes: 0 done, 1 refused or failed, 2 wrong command line, 3 not signed in or session ended,
4 no such task, 5 app unreachable or not a Tasks server, 6 login denied or expired.`,
  );
  return program;
}
