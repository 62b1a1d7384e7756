/**
 * The `/ask question:<text>` slash command, and its registration with Discord's REST API
 * (for one server, which takes effect at once, or globally).
 */
import { REST, Routes } from "discord.js";
import type { DiscordConfig } from "./config.js";

export const ASK_COMMAND = {
  name: "ask",
  description: "Ask the MICrONS connectome a question in plain words",
  options: [
    {
      type: 3 /* STRING */,
      name: "question",
      description: "e.g. How many basket cells are there?",
      required: true,
      max_length: 2000,
    },
  ],
} as const;

/** PUTs the command list; returns the route used. */
export async function registerCommands(config: DiscordConfig, guildId?: string): Promise<string> {
  const rest = new REST({ version: "10", ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const route = guildId
    ? Routes.applicationGuildCommands(config.applicationId, guildId)
    : Routes.applicationCommands(config.applicationId);
  await rest.put(route, { body: [ASK_COMMAND] });
  return route;
}
