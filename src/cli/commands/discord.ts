import { ConfigError, loadDotEnv } from "../../../adapters/common/env.js";
import { plannerFromEnvironment } from "../planner-choice.js";
import { checkPlotDir } from "../plot-dir.js";
import { CliError } from "../run.js";
import { ensureSampleStore } from "../sample-store.js";

export interface DiscordCommandOptions {
  db?: string;
  settingsFile: string;
  plotDir: string;
  maxRows: number;
  timeout: number;
}

async function config(settingsFile: string) {
  const loaded = loadDotEnv(settingsFile);
  const { readDiscordConfig } = await import("../../../adapters/discord/config.js");
  try {
    return { config: readDiscordConfig(process.env), loaded };
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}

async function logFor(settings: { token: string; logLevel: "debug" | "info" | "warn" | "error" }) {
  const { RedactingLog, redactor } = await import("../../../adapters/common/redact.js");
  return new RedactingLog(redactor([settings.token]), settings.logLevel, "discord");
}

/**
 * `connectome-chat discord`: the Discord bot on a store, until interrupted (Ctrl-C or SIGTERM),
 * then it finishes the answers under way. Settings: see adapters/discord/README.md.
 */
export async function discordCommand(opts: DiscordCommandOptions): Promise<number> {
  checkPlotDir(opts.plotDir);
  const { config: settings, loaded } = await config(opts.settingsFile);
  const log = await logFor(settings);
  if (loaded) log.info(`settings read from the environment and ${loaded}`);
  process.on("unhandledRejection", (reason) => log.error("unhandled failure:", reason));
  const dbPath = opts.db ?? (await ensureSampleStore((line) => log.info(line)));
  const planner = await plannerFromEnvironment();
  const { ConnectomeChat } = await import("../../answers/chat.js");
  const chat = await ConnectomeChat.open({ dbPath, plotDir: opts.plotDir, timeoutMs: opts.timeout, planner });
  const { startDiscordBot } = await import("../../../adapters/discord/bot.js");
  let bot;
  try {
    bot = await startDiscordBot({ config: settings, chat, log, maxRows: opts.maxRows });
  } catch (error) {
    await chat.close();
    throw new CliError(`could not connect to Discord: ${(error as Error).message}`, 1);
  }
  process.stdout.write(
    `connectome-chat discord on ${dbPath}: connected as ${bot.client.user?.tag ?? "the bot"} (servers: ${settings.guilds.length ? settings.guilds.join(", ") : "all"}; channels: ${settings.channels.length ? settings.channels.join(", ") : "all"}).\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await bot.stop();
  await chat.close();
  return 0;
}

/** `connectome-chat discord register [--guild ID]`: registers /ask with Discord. */
export async function discordRegisterCommand(opts: { guild?: string; settingsFile: string }): Promise<number> {
  const { config: settings } = await config(opts.settingsFile);
  const { registerCommands } = await import("../../../adapters/discord/commands.js");
  try {
    await registerCommands(settings, opts.guild);
  } catch (error) {
    const { redactor } = await import("../../../adapters/common/redact.js");
    throw new CliError(redactor([settings.token])(`registering /ask failed: ${(error as Error).message}`), 1);
  }
  process.stdout.write(
    opts.guild
      ? `/ask registered in server ${opts.guild} (available at once).\n`
      : "/ask registered for every server the bot is in (may take up to an hour to appear).\n",
  );
  return 0;
}
