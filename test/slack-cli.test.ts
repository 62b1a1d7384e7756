import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestStore, CLI } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";
import { postToBot, slackHeaders, startSlackStandIn, type SlackStandIn } from "./support/slack-stand-in.js";

/**
 * `connectome-chat slack --http` as a new user runs it: the built CLI started with its settings in
 * the environment, Slack played by a stand-in on loopback, and a signed `/connectome` question.
 */
const SECRET = "5f1c0e1ab7d94e2f8a3b6c9d0e1f2a3b";
const BOT_TOKEN = "xoxb-2222222222-3333333333-ZyXwVuTsRqPoNmLkJiHgFeDc";

let slack: SlackStandIn;
let raw: Database.Database;
let db: string;
let bot: ChildProcess | undefined;
let stderr = "";

/** A port nothing listens on now, as a person would pick one. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The environment of a clean shell: no Slack settings but the ones given. */
function envWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^SLACK_|^CONNECTOME_CHAT_/.test(k)));
  return { ...env, ...settings };
}

/** Runs the CLI to its end without blocking this process (the stand-in Slack lives here). */
function runCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the CLI did not exit in 20 s:\n${stderr}`));
    }, 20_000);
    child.once("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  db = store.db;
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661"]);
  slack = await startSlackStandIn();
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    bot.kill("SIGKILL");
  }
  await slack?.close();
});

describe("connectome-chat slack --http (the built CLI)", () => {
  it("answers a signed /connectome with the right number in the thread within 3 s of the ack, and stops cleanly", async () => {
    const port = await freePort();
    const cwd = mkdtempSync(join(tmpdir(), "cc-slack-cli-"));
    bot = spawn(process.execPath, [CLI, "slack", "--http", "--port", String(port), "--host", "127.0.0.1", "--db", db], {
      cwd,
      env: envWith({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    bot.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`the bot did not start in 20 s:\n${stderr}`)), 20_000);
      bot!.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        const ready = /listening for Slack requests at (\S+) /.exec(out);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]!);
        }
      });
      bot!.once("exit", (code) => reject(new Error(`the bot exited (${code}):\n${stderr}`)));
    });
    expect(url).toBe(`http://127.0.0.1:${port}/slack/events`);

    const body = new URLSearchParams({
      token: "legacy",
      team_id: "T0LAB",
      team_domain: "lab",
      channel_id: "C0MEETING",
      channel_name: "lab-meeting",
      user_id: "U0NEWUSER",
      user_name: "newuser",
      command: "/connectome",
      text: "How many basket cells are there?",
      api_app_id: "A0CONNECTOME",
      response_url: slack.responseUrl("e2e"),
      trigger_id: "1.2.3",
    }).toString();
    const ack = await postToBot(url, body, "application/x-www-form-urlencoded", slackHeaders(body, SECRET));
    const ackedAt = performance.now();
    expect(ack.status).toBe(200);
    expect(ack.ackMs).toBeLessThan(3000);
    expect(JSON.parse(ack.text).text).toMatch(/^Working on it/);

    const parent = await slack.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "C0MEETING" && c.body.thread_ts === undefined,
    );
    const reply = await slack.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "C0MEETING" && c.body.thread_ts === parent.response!.ts,
    );
    const bc = gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'") as number;
    expect(reply.body.text.split("\n")[0]).toBe(`Number of basket cells (BC): ${bc.toLocaleString("en-US")}.`);
    expect(reply.at - ackedAt).toBeLessThan(3000);

    bot.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => bot!.once("exit", (c) => resolve(c)));
    expect(code).toBe(0);
    expect(stderr).not.toContain(BOT_TOKEN);
    expect(stderr).not.toContain(SECRET);
  });

  it("reads its settings from a .env file in the working folder", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-slack-env-"));
    writeFileSync(
      join(cwd, ".env"),
      `SLACK_BOT_TOKEN=${BOT_TOKEN}\nSLACK_API_URL=${slack.apiUrl}\n# SLACK_SIGNING_SECRET is missing\n`,
    );
    const run = await runCli(["slack", "--http", "--port", "0", "--db", db], { cwd, env: envWith({}) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/SLACK_SIGNING_SECRET is not set/);
    expect(run.stderr).not.toMatch(/SLACK_BOT_TOKEN/);
  });

  it("names what is missing or malformed at start, without echoing any value", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-slack-env-"));
    const run = await runCli(["slack", "--db", db], {
      cwd,
      env: envWith({ SLACK_BOT_TOKEN: "xoxp-user-token-not-a-bot-9876543210" }),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/SLACK_BOT_TOKEN: must be a bot token, starting with xoxb-/);
    expect(run.stderr).toMatch(/SLACK_APP_TOKEN is not set .*Socket Mode needs it/);
    expect(run.stderr).not.toContain("xoxp-user-token-not-a-bot-9876543210");
  });

  it("says plainly when Slack refuses the bot token", async () => {
    slack.fail("auth.test", { error: "invalid_auth" });
    const cwd = mkdtempSync(join(tmpdir(), "cc-slack-env-"));
    const run = await runCli(["slack", "--http", "--port", "0", "--db", db], {
      cwd,
      env: envWith({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl }),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(run.stderr).not.toContain(BOT_TOKEN);
  });
});
