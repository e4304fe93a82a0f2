/** The CLI's failures, each with the exit code scripts can rely on (README, "From a terminal"). */

export const EXIT = {
  ok: 0,
  /** The API or the sign-in service refused the request as it was (validation), or something unexpected. */
  failed: 1,
  /** Wrong command line: unknown command or option, bad value. */
  usage: 2,
  /** Not signed in, or the session has ended (signed out, revoked, expired): run `tasks login`. */
  signedOut: 3,
  /** No such task (or another user's: the API does not tell them apart). */
  notFound: 4,
  /** The frontend or the API cannot be reached, or the server is not this app. */
  unreachable: 5,
  /** `tasks login` was denied at /device, or its code expired before anyone approved it. */
  loginRefused: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure already worded for the person at the terminal. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const RUN_LOGIN = "Run `tasks login` to sign in again.";

export const notThisApp = (url: string, what: string) =>
  new CliError(`${url} does not look like a Tasks server (${what}). Check the address given to \`tasks login --url\`.`, EXIT.unreachable);

export const unreachable = (url: string, service: string) =>
  new CliError(`Can't reach the ${service} at ${url}. Is it running, and is the address right?`, EXIT.unreachable);
