/**
 * The Discord adapter's settings, from the environment (and .env), checked at start.
 */
import { z } from "zod";
import { commonAdapterEnv, idList, parseEnv } from "../common/env.js";

const DiscordEnv = z.object({
  DISCORD_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, "must be the bot token as the Developer Portal shows it")
    .describe("the bot's token, from the Developer Portal → your application → Bot → Reset Token"),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{15,21}$/, "must be the application's numeric id")
    .describe("the Application ID, from the Developer Portal → your application → General Information"),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://discord.com/api" })
    .optional()
    .describe("the REST API base URL, for a proxy or a test server (default https://discord.com/api)"),
  DISCORD_GUILDS: idList("server (guild) ids the bot answers in, comma-separated; default all"),
  DISCORD_CHANNELS: idList("channel or thread ids the bot answers in, comma-separated; default all"),
  ...commonAdapterEnv,
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  apiUrl?: string;
  guilds: string[];
  channels: string[];
  rateLimitPerMinute: number;
  logLevel: "debug" | "info" | "warn" | "error";
}

/** Reads and checks the settings; a ConfigError names every missing or malformed variable (never its value). */
export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig {
  const s = parseEnv(DiscordEnv, env, "Discord");
  return {
    token: s.DISCORD_TOKEN,
    applicationId: s.DISCORD_APPLICATION_ID,
    apiUrl: s.DISCORD_API_URL,
    guilds: s.DISCORD_GUILDS,
    channels: s.DISCORD_CHANNELS,
    rateLimitPerMinute: s.CONNECTOME_CHAT_RATE_LIMIT,
    logLevel: s.CONNECTOME_CHAT_LOG_LEVEL,
  };
}
