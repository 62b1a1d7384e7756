import { ConfigError, loadDotEnv } from "../../../adapters/common/env.js";
import { plannerFromEnvironment } from "../planner-choice.js";
import { checkPlotDir } from "../plot-dir.js";
import { CliError } from "../run.js";
import { ensureSampleStore } from "../sample-store.js";

export interface SlackCommandOptions {
  db?: string;
  http?: boolean;
  port: number;
  host?: string;
  settingsFile: string;
  plotDir: string;
  maxRows: number;
  timeout: number;
}

/**
 * `connectome-chat slack`: the Slack bot on a store, in Socket Mode, or with --http listening for
 * Slack's requests at /slack/events. Runs until interrupted (Ctrl-C or SIGTERM), then finishes the
 * answers under way. Settings come from the environment and .env (see adapters/slack/README.md).
 */
export async function slackCommand(opts: SlackCommandOptions): Promise<number> {
  checkPlotDir(opts.plotDir);
  const envFile = loadDotEnv(opts.settingsFile);
  const { readSlackConfig, secretsOf } = await import("../../../adapters/slack/config.js");
  let config;
  try {
    config = readSlackConfig(process.env, opts.http ? "http" : "socket");
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
  const { slackLogger } = await import("../../../adapters/slack/logger.js");
  const logger = slackLogger(secretsOf(config), config.logLevel);
  if (envFile) logger.info(`settings read from the environment and ${envFile}`);
  // A long-running bot logs a stray failure instead of exiting on it.
  process.on("unhandledRejection", (reason) => logger.error("unhandled failure:", reason));

  const dbPath = opts.db ?? (await ensureSampleStore((line) => logger.info(line)));
  const planner = await plannerFromEnvironment();
  const { ConnectomeChat } = await import("../../answers/chat.js");
  const chat = await ConnectomeChat.open({ dbPath, plotDir: opts.plotDir, timeoutMs: opts.timeout, planner });
  const { createSlackBot } = await import("../../../adapters/slack/app.js");
  const bot = await createSlackBot({ config, chat, logger, maxRows: opts.maxRows });
  try {
    const { url } = await bot.start({ port: opts.port, host: opts.host });
    const scope = `workspaces: ${config.teams.length ? config.teams.join(", ") : "all"}; channels: ${config.channels.length ? config.channels.join(", ") : "all"}; ${config.rateLimitPerMinute || "no"} questions per user per minute`;
    process.stdout.write(
      config.mode === "http"
        ? `connectome-chat slack on ${dbPath}: listening for Slack requests at ${url} (${scope}).\n`
        : `connectome-chat slack on ${dbPath}: connected to Slack in Socket Mode (${scope}).\n`,
    );
  } catch (error) {
    await chat.close();
    throw new CliError((error as Error).message, 1);
  }

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  logger.info("stopping: finishing the answers under way");
  await bot.stop();
  await chat.close();
  return 0;
}
