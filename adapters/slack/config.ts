/**
 * The Slack adapter's settings, from the environment (and .env), checked at start. Socket Mode
 * needs the bot and app-level tokens; HTTP mode needs the bot token and the signing secret.
 */
import { z } from "zod";
import { checkEnv, commonAdapterEnv, describeVariable, failWith, idList } from "../common/env.js";

const SlackEnv = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, "must be a bot token, starting with xoxb-")
    .describe("the Bot User OAuth Token, xoxb-…, from the app's OAuth & Permissions page after installing it"),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, "must be an app-level token, starting with xapp-")
    .optional()
    .describe("an app-level token with the connections:write scope, xapp-…, from Basic Information → App-Level Tokens"),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]+$/, "must be the signing secret as shown by Slack (letters and digits)")
    .optional()
    .describe("the Signing Secret from the app's Basic Information page"),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://slack.com/api/" })
    .optional()
    .describe("the Web API base URL, for a proxy or a test server (default https://slack.com/api/)"),
  SLACK_TEAMS: idList("workspace ids (T…) the bot answers in, comma-separated; default all"),
  SLACK_CHANNELS: idList("channel ids (C…, G…, D…) the bot answers in, comma-separated; default all"),
  ...commonAdapterEnv,
});

export type SlackMode = "socket" | "http";

export interface SlackConfig {
  mode: SlackMode;
  botToken: string;
  /** Socket Mode only. */
  appToken?: string;
  /** HTTP mode only. */
  signingSecret?: string;
  apiUrl?: string;
  teams: string[];
  channels: string[];
  rateLimitPerMinute: number;
  logLevel: "debug" | "info" | "warn" | "error";
}

/** Reads and checks the settings a mode needs; a ConfigError names every missing or malformed variable. */
export function readSlackConfig(env: NodeJS.ProcessEnv, mode: SlackMode): SlackConfig {
  const checked = checkEnv(SlackEnv, env);
  const problems = checked.ok ? [] : [...checked.problems];
  const requireFor = (name: "SLACK_APP_TOKEN" | "SLACK_SIGNING_SECRET", why: string) => {
    if (!checked.present.has(name)) problems.push(`${name} is not set${describeVariable(SlackEnv, name)}; ${why}`);
  };
  if (mode === "socket") requireFor("SLACK_APP_TOKEN", "Socket Mode needs it (or run with --http)");
  else requireFor("SLACK_SIGNING_SECRET", "HTTP mode needs it to check that requests come from Slack");
  if (!checked.ok || problems.length) failWith("Slack", problems);
  const parsed = checked.settings;
  return {
    mode,
    botToken: parsed.SLACK_BOT_TOKEN,
    appToken: mode === "socket" ? parsed.SLACK_APP_TOKEN : undefined,
    signingSecret: mode === "http" ? parsed.SLACK_SIGNING_SECRET : undefined,
    apiUrl: parsed.SLACK_API_URL,
    teams: parsed.SLACK_TEAMS,
    channels: parsed.SLACK_CHANNELS,
    rateLimitPerMinute: parsed.CONNECTOME_CHAT_RATE_LIMIT,
    logLevel: parsed.CONNECTOME_CHAT_LOG_LEVEL,
  };
}

/** The values that must never appear in a log line. */
export const secretsOf = (config: SlackConfig) => [config.botToken, config.appToken, config.signingSecret];
