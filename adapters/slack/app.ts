/**
 * The Slack bot: a Bolt app in Socket Mode (default) or HTTP mode, whose listeners turn mentions,
 * direct messages, `/connectome`, the "Show SQL" button and the choice buttons (next questions,
 * readings of a question asked back) into questions for the responder (and
 * acknowledges clicks on link buttons).
 *
 * Every listener acknowledges Slack at once (Bolt acknowledges events before listeners run; the
 * command and the button ack first thing) and starts the answering in the background, so a slow
 * question never holds up the next event and Slack's 3-second limit is always met.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { App as BoltApp, Logger, webApi } from "@slack/bolt";
import type { ConnectomeChat } from "../../src/answers/chat.js";
import { isHelp } from "../../src/answers/help.js";
import { MAX_QUESTION_CHARS, shortPrefix, tooLongMessage } from "../../src/answers/limits.js";
import { AllowList } from "../common/allow-list.js";
import { BackgroundWork } from "../common/background.js";
import { LruMap } from "../common/lru.js";
import { SHOW_SQL_ACTION } from "./blocks.js";
import { CHOICE_ACTION } from "./choice-blocks.js";
import { OPEN_LINK_ACTION } from "./link-blocks.js";
import type { SlackConfig } from "./config.js";
import {
  choiceOfAction,
  placeOfAction,
  questionFromDirectMessage,
  questionFromMention,
  questionFromSlashCommand,
  type Place,
  type Question,
} from "./events.js";
import { guardSlackRequests } from "./request-guard.js";
import { SlackResponder, slackErrorCode } from "./responder.js";
import { escapeMrkdwn } from "./text.js";

export const SLASH_COMMAND = "/connectome";
export const EVENTS_PATH = "/slack/events";

/**
 * Web API retries: a failed call (network, 5xx, 429 after its Retry-After) is tried again a few
 * times over about half a minute, long enough for a blip and short enough for a chat reply.
 */
export const DEFAULT_RETRY = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8_000, randomize: true };

export interface SlackBotOptions {
  config: SlackConfig;
  chat: Pick<ConnectomeChat, "answer" | "choose">;
  logger: Logger;
  /** Table rows shown in a message (default 15). */
  maxRows?: number;
  /** Threads whose conversations are kept (default 1000). */
  threadsKept?: number;
  retryConfig?: webApi.RetryOptions;
}

export interface SlackBot {
  app: BoltApp;
  responder: SlackResponder;
  /** Checks the bot token with Slack (auth.test), then connects (Socket Mode) or listens (HTTP mode). */
  start(listen?: { port: number; host?: string }): Promise<{ url?: string }>;
  /** Stops taking events and waits (up to 30 s) for answers under way. */
  stop(): Promise<void>;
}

const loadBolt = () => import("@slack/bolt");
type Bolt = Awaited<ReturnType<typeof loadBolt>>;

/**
 * The receiver Bolt would build, with one change: an event Bolt itself cannot process (a payload
 * missing what Bolt expects) is logged and acknowledged, so that Slack does not redeliver it again
 * and again; Bolt's default answers such an event with HTTP 500 (or no Socket Mode ack).
 */
function receiverFor(bolt: Bolt, config: SlackConfig, logger: Logger, clientOptions: webApi.WebClientOptions) {
  const isAuthorizationError = (error: unknown) =>
    (error as { code?: unknown }).code === bolt.ErrorCode.AuthorizationError;
  if (config.mode === "socket") {
    return new bolt.SocketModeReceiver({
      appToken: config.appToken!,
      logger,
      // Without our retry policy: the Socket Mode client then keeps retrying apps.connections.open
      // (its own policy, ~100 tries) to reconnect after an outage instead of giving up.
      installerOptions: { clientOptions: { ...clientOptions, retryConfig: undefined } },
      processEventErrorHandler: async ({ error }) => {
        logger.warn("could not process an event from Slack; acknowledged and dropped:", error);
        return true;
      },
    });
  }
  const receiver = new bolt.HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: EVENTS_PATH,
    logger,
    processEventErrorHandler: async ({ error, response }) => {
      if (response.headersSent) return false;
      if (isAuthorizationError(error)) {
        logger.warn("an event could not be authorized:", error);
        response.writeHead(401);
      } else {
        logger.warn("could not process an event from Slack; acknowledged and dropped:", error);
        response.writeHead(200);
      }
      response.end();
      return true;
    },
  });
  // Bolt's own listener reads bodies whole and unchecked: the guard reads, caps and checks them first.
  receiver.requestListener = guardSlackRequests(receiver.requestListener, {
    signingSecret: config.signingSecret!,
    path: EVENTS_PATH,
    logger,
    verify: bolt.verifySlackRequest,
  });
  return receiver;
}

export async function createSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { config, logger } = options;
  // Bolt is loaded here only, so that no other command pays for it.
  const bolt = await loadBolt();
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
  };
  const app = new bolt.App({
    token: config.botToken,
    logger,
    deferInitialization: true,
    clientOptions,
    ...(config.mode === "socket" ? { socketMode: true } : {}),
    receiver: receiverFor(bolt, config, logger, clientOptions),
  });

  const responder = new SlackResponder({
    chat: options.chat,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    maxRows: options.maxRows,
    threadsKept: options.threadsKept,
  });
  const teams = new AllowList(config.teams);
  const channels = new AllowList(config.channels);
  const allowed = (place: Place) => teams.allows(place.team) && channels.allows(place.channel);
  const background = new BackgroundWork((error, what) => logger.error(`${what} failed:`, error));
  // Slack redelivers an event it thinks was not acknowledged; answer each event id once.
  const seenEvents = new LruMap<string, true>(5000);
  const firstDelivery = (body: unknown) => {
    const id = (body as { event_id?: unknown })?.event_id;
    if (typeof id !== "string") return true;
    if (seenEvents.has(id)) return false;
    seenEvents.set(id, true);
    return true;
  };

  /** A mention or DM: checks, then the answer in the background. */
  const handleQuestion = (question: Question | undefined, client: webApi.WebClient, kind: string) => {
    if (!question) return;
    if (!allowed(question.place)) {
      logger.debug(`ignored a ${kind} in ${question.place.team}/${question.place.channel}: not in the allow-lists`);
      return;
    }
    if (question.text.length > MAX_QUESTION_CHARS) {
      const refusal = tooLongMessage(question.text);
      background.start(`refusing a long ${kind}`, () => responder.tellAsker(client, question.place, refusal));
      return;
    }
    background.start(`answering a ${kind}`, async () => {
      const refusal = responder.refusalForRate(question.place);
      if (refusal) return responder.tellAsker(client, question.place, refusal);
      return responder.answerInPlace(client, question);
    });
  };

  app.event("app_mention", async ({ event, body, client }) => {
    if (!firstDelivery(body)) return;
    const question = questionFromMention(event, body);
    if (!question) logger.warn("ignored an app_mention event without the fields needed to answer it");
    handleQuestion(question, client, "mention");
  });

  app.event("message", async ({ event, body, client }) => {
    if (!firstDelivery(body)) return;
    handleQuestion(questionFromDirectMessage(event, body), client, "direct message");
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const question = questionFromSlashCommand(command);
    if (!question) {
      await ack({ response_type: "ephemeral", text: "Sorry, I could not read that command." });
      logger.warn("ignored a slash command without the fields needed to answer it");
      return;
    }
    if (!allowed(question.place)) {
      await ack({ response_type: "ephemeral", text: "connectome-chat is not enabled in this channel." });
      return;
    }
    // Checked before anything echoes the question: a 100 kB command was quoted whole, twice.
    if (question.text.length > MAX_QUESTION_CHARS) {
      await ack({ response_type: "ephemeral", text: escapeMrkdwn(tooLongMessage(question.text)) });
      return;
    }
    const refusal = responder.refusalForRate(question.place);
    if (refusal) {
      await ack({ response_type: "ephemeral", text: refusal });
      return;
    }
    if (!question.text || isHelp(question.text)) {
      await ack();
      background.start("answering help", () => responder.answerPrivately(question, respond));
      return;
    }
    const quoted = escapeMrkdwn(shortPrefix(question.text));
    await ack({ response_type: "ephemeral", text: `Working on it: “${quoted}” …` });
    background.start("answering a slash command", async () => {
      try {
        await responder.answerSlashCommand(client, question, respond);
      } catch (error) {
        // Tell the asker (only them) before the failure is logged by the background runner.
        await respond({
          response_type: "ephemeral",
          text: "Sorry, I could not answer that here. Please try again in a moment.",
        }).catch(() => undefined);
        throw error;
      }
    });
  });

  app.action(SHOW_SQL_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const place = placeOfAction(body);
    const answerId = (action as { value?: unknown }).value;
    if (!place || typeof answerId !== "string" || !allowed(place)) return;
    background.start("showing SQL", () => responder.showSql(client, place, answerId));
  });

  // A next question or a reading of a question asked back: anyone who can click it in the thread may
  // (as anyone there may type a follow-up); it is asked in that thread's conversation and counted
  // against the rate limit of whoever clicked.
  app.action(new RegExp(`^${CHOICE_ACTION}_`), async ({ ack, body, client }) => {
    await ack();
    const choice = choiceOfAction(body);
    if (!choice) logger.warn("ignored a choice click without the fields needed to answer it");
    if (!choice || !allowed(choice.place)) return;
    background.start("answering a choice", async () => {
      const refusal = responder.refusalForRate(choice.place);
      if (refusal) return responder.tellAsker(client, choice.place, refusal);
      return responder.answerChoice(client, choice.place, choice.id);
    });
  });

  // A URL button ("View in Neuroglancer") opens its link in the browser by itself, but Slack still
  // sends the click: unacknowledged, Bolt would answer it with an error after 3 s and Slack would
  // show a warning beside the button.
  app.action(new RegExp(`^${OPEN_LINK_ACTION}_`), async ({ ack }) => {
    await ack();
  });

  // A failing listener is logged; Bolt then carries on with the next event.
  app.error(async (error) => {
    logger.error("Slack event failed:", error, slackErrorCode(error.original ?? error) ?? "");
  });

  return {
    app,
    responder,
    async start(listen) {
      try {
        await app.init();
      } catch (error) {
        const code = slackErrorCode(error);
        throw new Error(
          code
            ? `Slack refused SLACK_BOT_TOKEN (${code}); check the token on the app's OAuth & Permissions page`
            : `could not reach Slack to check SLACK_BOT_TOKEN: ${(error as Error).message}`,
        );
      }
      if (config.mode === "socket") {
        await app.start();
        return {};
      }
      const server = (await app.start({
        port: listen?.port ?? 3000,
        ...(listen?.host ? { host: listen.host } : {}),
      })) as Server;
      const address = server.address() as AddressInfo;
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return { url: `http://${host}:${address.port}${EVENTS_PATH}` };
    },
    async stop() {
      await app.stop();
      await background.settle();
    },
  };
}
