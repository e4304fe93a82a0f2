/** The `tasks` executable: runs the command line, and turns every failure into one sentence and its exit code. */
import { CommanderError } from "commander";
import { CliError, EXIT } from "./errors";
import { buildProgram } from "./program";

const io = { out: (text: string) => console.log(text), err: (text: string) => console.error(text), interactive: Boolean(process.stdout.isTTY) };

try {
  await buildProgram(io).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with code 0; every other commander error is a wrong command line.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliError) {
    io.err(`tasks: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    io.err(`tasks: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT.failed;
  }
}
