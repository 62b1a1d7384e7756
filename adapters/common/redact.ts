/**
 * Keeping tokens out of logs. Every line an adapter logs goes through a redactor built from the
 * secrets it was configured with, and known token shapes are masked even when they were not
 * configured (a token echoed back in an API error, say).
 */

/** Slack (xoxb-, xoxp-, xapp-, …), bearer headers and Discord bot tokens (three base64url parts). */
const TOKEN_SHAPES = [
  /\bx(?:ox[abpeors]|app)-[A-Za-z0-9-]+/g,
  /\b(Bearer|Bot)\s+[A-Za-z0-9._~+/=-]{8,}/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g,
];

export const REDACTED = "[redacted]";

/** A function that masks `secrets` (values shorter than 6 characters are ignored) and token shapes in text. */
export function redactor(secrets: (string | undefined)[]): (text: string) => string {
  const known = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
  return (text: string) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join(REDACTED);
    for (const shape of TOKEN_SHAPES)
      out = out.replace(shape, (match, prefix?: string) =>
        prefix === "Bearer" || prefix === "Bot" ? `${prefix} ${REDACTED}` : REDACTED,
      );
    return out;
  };
}

/** One log argument as text: errors with their message (and code), objects as JSON. */
export function logText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}: ${value.message}${code !== undefined ? ` (${String(code)})` : ""}`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export type LogLevelName = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevelName, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A small leveled logger that redacts everything it writes; adapters wrap it in their platform's logger interface. */
export class RedactingLog {
  constructor(
    private readonly redact: (text: string) => string,
    public level: LogLevelName = "info",
    public name = "connectome-chat",
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  enabled(level: LogLevelName): boolean {
    return ORDER[level] >= ORDER[this.level];
  }

  log(level: LogLevelName, ...values: unknown[]): void {
    if (!this.enabled(level)) return;
    this.write(
      this.redact(`${new Date().toISOString()} ${level.toUpperCase()} [${this.name}] ${values.map(logText).join(" ")}`),
    );
  }

  debug = (...values: unknown[]) => this.log("debug", ...values);
  info = (...values: unknown[]) => this.log("info", ...values);
  warn = (...values: unknown[]) => this.log("warn", ...values);
  error = (...values: unknown[]) => this.log("error", ...values);
}
