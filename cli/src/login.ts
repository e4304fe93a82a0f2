/** `tasks login` and `tasks logout`: the device sign-in from start to saved session, and its end. */
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import pc from "picocolors";
import { apiFor, audienceOf, explain } from "./api-session";
import { authServer } from "./auth-server";
import type { CredentialsFile } from "./credentials";
import { formatUserCode } from "../../frontend/lib/user-code";
import { waitForApproval } from "./device-login";
import { CliError, EXIT, notThisApp } from "./errors";
import type { Io } from "./output";

const OPENERS: Partial<Record<NodeJS.Platform, [string, string[]]>> = { darwin: ["open", []], win32: ["cmd", ["/c", "start", ""]] };

/** Best effort: a terminal without a desktop (ssh, containers) simply has the printed URL. */
function openBrowser(url: string) {
  const [command, args] = OPENERS[process.platform] ?? ["xdg-open", []];
  const child = spawn(command, [...args, url], { detached: true, stdio: "ignore" });
  child.on("error", () => {});
  child.unref();
}

export async function login(url: string, store: CredentialsFile, io: Io) {
  const auth = authServer(url);
  const code = await auth.requestDeviceCode();
  io.out(`To sign in, open ${pc.bold(code.verification_uri)} and enter the code ${pc.bold(formatUserCode(code.user_code))}`);
  io.out(pc.dim(`(or open ${code.verification_uri_complete ?? code.verification_uri}, and check the code there). The code works for ${Math.round(code.expires_in / 60)} min.`));
  if (io.interactive && code.verification_uri_complete) openBrowser(code.verification_uri_complete);
  io.out("Waiting for approval… (Ctrl-C to cancel)");

  const sessionToken = await waitForApproval(code, () => auth.pollToken(code.device_code), { now: Date.now, sleep: (ms) => sleep(ms) });
  const jwt = await auth.mintJwt(sessionToken);
  if (!jwt) throw new CliError("The new session was refused at once. Run `tasks login` again.", EXIT.failed);
  const apiUrl = audienceOf(jwt);
  if (!apiUrl) throw notThisApp(url, "its tokens name no API");
  const credentials = { url, apiUrl, sessionToken };
  const me = await apiFor(credentials, auth)
    .me()
    .catch((error: unknown) => {
      throw explain(error, apiUrl);
    });

  // A second login replaces the first: end the old session rather than leave it behind, unused.
  const previous = await store.read().catch(() => null);
  if (previous) await authServer(previous.url).signOut(previous.sessionToken).catch(() => {});
  await store.write(credentials);
  io.out(`Signed in as ${pc.bold(me.name || me.email || me.user_id)}${me.email && me.name ? ` (${me.email})` : ""}. Tasks at ${apiUrl}.`);
}

export async function logout(store: CredentialsFile, io: Io) {
  const credentials = await store.read();
  if (!credentials) {
    io.out("Not signed in.");
    return;
  }
  try {
    await authServer(credentials.url).signOut(credentials.sessionToken);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${reason}\nStill signed in: run \`tasks logout\` again, or sign this device out on the account page.`, error instanceof CliError ? error.exitCode : EXIT.failed);
  }
  await store.remove();
  io.out("Signed out. This terminal's session has ended and its sign-in is deleted.");
}
