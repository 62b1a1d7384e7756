#!/usr/bin/env node
/**
 * The connectome-chat command line. Each command loads only what it needs, so that a plain
 * question starts in a fraction of a second (chart, chat-platform and LLM libraries are heavy).
 */
import { Command, Option } from "commander";
import * as range from "./flags.js";
import { jsonErrorOutput } from "./json-errors.js";
import { CliError, runCommand } from "./run.js";

// Output piped into a reader that stops early (`| head`) ends the command quietly, as in any Unix tool.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const int = range.wholeNumber;
const timeout = () =>
  new Option("--timeout <ms>", "query time limit in milliseconds")
    .argParser(int("--timeout", range.TIMEOUT_MS))
    .default(10_000);
const rowsInMessage = () =>
  new Option("--max-rows <n>", "table rows shown in a message before cutting")
    .argParser(int("--max-rows", range.ROWS_IN_MESSAGE))
    .default(15);
const collect = (value: string, previous: string[]) => [...previous, value];

const program = new Command()
  .name("connectome-chat")
  .description("Ask a local, indexed copy of the MICrONS connectome tables questions in plain words.")
  .showHelpAfterError();

program
  .command("import")
  .description("import CAVE table exports (CSV, CSV.gz, Parquet, Feather) into the store")
  // Optional: files mapped with --table are paths enough on their own.
  .argument("[paths...]", "folders or files holding the exported tables")
  .requiredOption("--db <file>", "the store to create or add to")
  .option("--version <n>", "materialization version of the exports", int("--version", range.VERSION))
  .option("--table <role=file>", "map a file whose name is not the CAVE table's to a role (repeatable)", collect, [])
  .action((paths: string[], opts) =>
    runCommand(async () => (await import("./commands/import.js")).importCommand(paths, opts)),
  );

program
  .command("info")
  .description("the store's tables, row counts, version and import time")
  .requiredOption("--db <file>", "the store")
  .option("--json", "print JSON")
  .action((opts) => runCommand(async () => (await import("./commands/info.js")).infoCommand(opts)));

program
  .command("sql")
  .description("run one read-only SELECT on the store")
  .argument("<query>", "a single SELECT statement")
  .requiredOption("--db <file>", "the store")
  .option("--json", "print JSON")
  .addOption(timeout())
  .option("--max-rows <n>", "rows shown (--csv gets every row)", int("--max-rows", range.ROW_CAP), 10_000)
  .option("--csv <file>", "also save the whole result as CSV, every row")
  .action((query: string, opts) => runCommand(async () => (await import("./commands/sql.js")).sqlCommand(query, opts)));

program
  .command("sample")
  .description("write a synthetic MICrONS-like dataset as CAVE table exports")
  .requiredOption("--out <dir>", "folder to write the tables to")
  .option("--cells <n>", "number of cells (nuclei)", int("--cells", range.CELLS), 3000)
  .option("--seed <s>", "random seed (same seed, same files)", int("--seed", range.SEED), 1)
  .option(
    "--synapses-per-neuron <k>",
    "mean output synapses per neuron",
    int("--synapses-per-neuron", range.SYNAPSES_PER_NEURON),
    60,
  )
  .option(
    "--synapses <n>",
    "synapse rows in all: fragments without a nucleus make those the cells do not (real shape)",
    int("--synapses", range.SYNAPSES),
  )
  .option("--gzip", "write .csv.gz, as the public static exports are shipped")
  .option("--connections", "also write the connections_with_nuclei summary view")
  .action((opts) => runCommand(async () => (await import("./commands/sample.js")).sampleCommand(opts)));

program
  .command("ask")
  .description("answer one question")
  .argument("<question...>", "the question, in plain words")
  .option("--db <file>", "the store (default: the embedded sample, built on first use)")
  .option("--json", "print the answer as JSON")
  .option("--sql", "also print the SQL that ran")
  .option("--plot-dir <dir>", "where charts are written", "plots")
  .option("--csv <file>", "save the whole result table as CSV")
  .option("--max-rows <n>", "rows to print before cutting", int("--max-rows", range.ROWS_SHOWN), 20)
  .addOption(timeout())
  // `ask --json` prints one JSON object whatever goes wrong, a flag out of range included.
  .configureOutput(jsonErrorOutput(process.argv))
  .action((words: string[], opts) =>
    runCommand(async () => (await import("./commands/ask.js")).askCommand(words.join(" "), opts)),
  );

program
  .command("chat")
  .description("an interactive chat with history and follow-ups")
  .option("--db <file>", "the store (default: the embedded sample, built on first use)")
  .option("--plot-dir <dir>", "where charts are written", "plots")
  .option("--max-rows <n>", "rows to print before cutting", int("--max-rows", range.ROWS_SHOWN), 20)
  .addOption(timeout())
  .action((opts) => runCommand(async () => (await import("./commands/chat.js")).chatCommand(opts)));

program
  .command("slack")
  .description("the Slack bot: Socket Mode by default, or --http to take Slack's requests at /slack/events")
  .option("--db <file>", "the store (default: the embedded sample, built on first use)")
  .option("--http", "HTTP mode (needs SLACK_SIGNING_SECRET) instead of Socket Mode (needs SLACK_APP_TOKEN)")
  .option("--port <n>", "HTTP mode: the port to listen on", int("--port", range.PORT), 3000)
  .option("--host <address>", "HTTP mode: the address to listen on (default: all)")
  .option("--settings-file <file>", "settings file read if present (the environment wins)", ".env")
  .option("--plot-dir <dir>", "where charts are written", "plots")
  .addOption(rowsInMessage())
  .addOption(timeout())
  .action((opts) => runCommand(async () => (await import("./commands/slack.js")).slackCommand(opts)));

const discord = program
  .command("discord")
  .description("the Discord bot: /ask and mentions (register /ask first with `discord register`)")
  .option("--db <file>", "the store (default: the embedded sample, built on first use)")
  .option("--settings-file <file>", "settings file read if present (the environment wins)", ".env")
  .option("--plot-dir <dir>", "where charts are written", "plots")
  .addOption(rowsInMessage())
  .addOption(timeout())
  .action((opts) => runCommand(async () => (await import("./commands/discord.js")).discordCommand(opts)));
discord
  .command("register")
  .description("register the /ask slash command, in one server (--guild, at once) or globally")
  .option("--guild <id>", "the server (guild) id")
  .option("--settings-file <file>", "settings file read if present (the environment wins)", ".env")
  .action((opts) => runCommand(async () => (await import("./commands/discord.js")).discordRegisterCommand(opts)));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`connectome-chat: ${error instanceof CliError ? error.message : String(error)}\n`);
  process.exit(2);
});
