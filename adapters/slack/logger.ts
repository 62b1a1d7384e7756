/**
 * Bolt's and the Web API client's logger, writing through the shared redacting log: tokens and the
 * signing secret never reach a log line, whatever Bolt or an API error puts in it.
 */
import type { Logger, LogLevel } from "@slack/bolt";
import { RedactingLog, redactor, type LogLevelName } from "../common/redact.js";

export function slackLogger(
  secrets: (string | undefined)[],
  level: LogLevelName,
  write?: (line: string) => void,
): Logger & { log: RedactingLog } {
  const log = new RedactingLog(redactor(secrets), level, "slack", write);
  return {
    log,
    debug: log.debug,
    info: log.info,
    warn: log.warn,
    error: log.error,
    // Bolt and the Web API client set their level when they are built; the level chosen here stands.
    setLevel: () => undefined,
    getLevel: () => log.level as LogLevel,
    setName: () => undefined,
  };
}
