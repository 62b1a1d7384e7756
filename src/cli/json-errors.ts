import type { OutputConfiguration } from "commander";

/** `ask --json`'s failure: the same one object an answer is, with status "error" and the message as text. */
export const errorJson = (text: string) => `${JSON.stringify({ status: "error", text })}\n`;

/**
 * Commander's output for `ask`: with --json, a parse error (a flag out of range, a missing question)
 * becomes one JSON object on stdout, and the help that would follow it is left out; a script reading
 * stdout always gets one object it can parse.
 */
export function jsonErrorOutput(argv: string[]): OutputConfiguration {
  if (!argv.includes("--json")) return {};
  return {
    writeErr: () => undefined,
    outputError: (message) => process.stdout.write(errorJson(message.replace(/^error: /, "").trim())),
  };
}
