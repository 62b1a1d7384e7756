/** An error meant for the person at the terminal: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * Runs a command and turns any failure into a one-line message and an exit code. Stack traces are
 * for bugs only, shown when CONNECTOME_CHAT_DEBUG is set.
 */
export async function runCommand(command: () => Promise<number | void>): Promise<void> {
  let code: number;
  try {
    code = (await command()) ?? 0;
  } catch (error) {
    const err = error as Error;
    process.stderr.write(`connectome-chat: ${err.message ?? String(error)}\n`);
    if (process.env.CONNECTOME_CHAT_DEBUG && err.stack) process.stderr.write(`${err.stack}\n`);
    code = error instanceof CliError ? error.exitCode : 1;
  }
  process.exitCode = code;
}
