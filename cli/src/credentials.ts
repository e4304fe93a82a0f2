/**
 * Where the CLI keeps its sign-in: one JSON file only its user may read (0600, in a 0700 directory), under
 * the platform's configuration directory. It holds the session token and where to use it; JWTs never
 * touch the disk, they live in the memory of one command.
 */
import { chmod, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError, EXIT, RUN_LOGIN } from "./errors";

export type Credentials = {
  /** The frontend (Better Auth) the session belongs to. */
  url: string;
  /** The task API, as named by the `aud` of the JWTs that frontend issues. */
  apiUrl: string;
  /** The signed Better Auth session token from the device sign-in. */
  sessionToken: string;
};

type Platform = { env: Record<string, string | undefined>; platform: NodeJS.Platform; home: string };
const thisMachine = (): Platform => ({ env: process.env, platform: process.platform, home: os.homedir() });

/** $XDG_CONFIG_HOME/tasks or ~/.config/tasks; ~/Library/Application Support/tasks on macOS; %APPDATA%\tasks on Windows. */
export function configDir({ env, platform, home }: Platform = thisMachine()): string {
  if (platform === "win32") return path.join(env.APPDATA ?? path.join(home, "AppData", "Roaming"), "tasks");
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, "tasks");
  if (platform === "darwin") return path.join(home, "Library", "Application Support", "tasks");
  return path.join(home, ".config", "tasks");
}

const isCredentials = (value: unknown): value is Credentials =>
  typeof value === "object" && value !== null && ["url", "apiUrl", "sessionToken"].every((key) => typeof (value as Record<string, unknown>)[key] === "string");

export function credentialsFile(dir: string = configDir()) {
  const file = path.join(dir, "credentials.json");
  // Windows has no such mode bits; there the file inherits the user profile's own access rules.
  const checksModes = process.platform !== "win32";

  return {
    file,

    /** The saved sign-in, or null when there is none. */
    async read(): Promise<Credentials | null> {
      let text: string;
      try {
        if (checksModes && ((await stat(file)).mode & 0o077) !== 0) {
          throw new CliError(`${file} can be read by other users, so the session in it may be known to them. Delete it, then run \`tasks login\`.`, EXIT.signedOut);
        }
        text = await readFile(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      if (!isCredentials(parsed)) throw new CliError(`${file} is not a sign-in this version understands. ${RUN_LOGIN}`, EXIT.signedOut);
      return parsed;
    },

    /**
     * Written to a new file created 0600 and renamed over the old one: the token is never, even for a
     * moment, in a file with looser permissions, and a crash leaves the old sign-in or the new one.
     */
    async write(credentials: Credentials): Promise<void> {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      if (checksModes) await chmod(dir, 0o700);
      const temporary = `${file}.${process.pid}.tmp`;
      const handle = await open(temporary, "wx", 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(credentials, null, 2)}\n`);
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    },

    async remove(): Promise<void> {
      await rm(file, { force: true });
    },
  };
}

export type CredentialsFile = ReturnType<typeof credentialsFile>;
