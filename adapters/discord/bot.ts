/**
 * The Discord bot: `/ask question:<text>` and mentions in channels, answered by the core. Each
 * handler translates between discord.js and the core's Answer, and nothing more: it defers an
 * interaction at once (Discord's 3-second limit), answers in the background, and edits the reply.
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from "discord.js";
import type { ConnectomeChat } from "../../src/answers/chat.js";
import { AllowList } from "../common/allow-list.js";
import { BackgroundWork } from "../common/background.js";
import { ConversationStore, threadKey } from "../common/conversations.js";
import { LruMap } from "../common/lru.js";
import { RateLimiter, rateLimitMessage } from "../common/rate-limit.js";
import type { RedactingLog } from "../common/redact.js";
import { ASK_COMMAND } from "./commands.js";
import type { DiscordConfig } from "./config.js";
import { answerToReply, SHOW_SQL_BUTTON, sqlMessage } from "./reply.js";
import { choiceIdOf, isChoiceButton } from "./choice-parts.js";
import { CHOICE_EXPIRED } from "../../src/answers/choices.js";

export interface DiscordBotOptions {
  config: DiscordConfig;
  chat: ConnectomeChat;
  log: RedactingLog;
  /** Table rows shown in a message before cutting (default 15). */
  maxRows?: number;
}

/** A client with the intents the bot needs; its REST calls go to DISCORD_API_URL when set. */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    // Direct-message channels arrive uncached.
    partials: [Partials.Channel],
    // An answer never pings anyone, whatever a question or a cell value holds ("@everyone").
    allowedMentions: { parse: [], repliedUser: false },
    rest: config.apiUrl ? { api: config.apiUrl } : {},
  });
}

/** Registers the bot's handlers on a client; returns what stopping needs. */
export function attachHandlers(client: Client, options: DiscordBotOptions): { settle(): Promise<void> } {
  const { config, chat, log } = options;
  const maxRows = options.maxRows ?? 15;
  const guilds = new AllowList(config.guilds);
  const channels = new AllowList(config.channels);
  const limiter = new RateLimiter({ limit: config.rateLimitPerMinute });
  const conversations = new ConversationStore();
  // The SQL behind each reply, for its "Show SQL" button.
  const sqlOf = new LruMap<string, { sql: string; params?: unknown[] }>(2000);
  const work = new BackgroundWork((error, what) => log.error(`${what} failed:`, error));

  const allowed = (guildId: string | null, channelId: string, parentId?: string | null) =>
    (guildId === null || guilds.allows(guildId)) &&
    (channels.allows(channelId) || (parentId ? channels.allows(parentId) : false));

  /** A thread is one conversation; elsewhere each person has their own, so two people never mix. */
  const conversationKey = (channel: { id: string; isThread(): boolean; isDMBased(): boolean }, userId: string) =>
    channel.isThread()
      ? threadKey("thread", channel.id)
      : channel.isDMBased()
        ? threadKey("dm", userId)
        : threadKey("channel", channel.id, userId);

  async function ask(interaction: ChatInputCommandInteraction): Promise<void> {
    const channel = interaction.channel;
    if (
      !allowed(interaction.guildId, interaction.channelId, channel && "parentId" in channel ? channel.parentId : null)
    ) {
      await interaction.reply({
        content: "connectome-chat is not enabled in this channel.",
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const decision = limiter.take(`${interaction.guildId ?? "dm"}:${interaction.user.id}`);
    if (!decision.allowed) {
      await interaction.reply({
        content: rateLimitMessage(config.rateLimitPerMinute, decision.retryAfterMs),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    // Within Discord's 3 seconds, before any work: "connectome-chat is thinking…".
    await interaction.deferReply();
    const question = interaction.options.getString("question", true);
    const key = channel
      ? conversationKey(channel, interaction.user.id)
      : threadKey("channel", interaction.channelId, interaction.user.id);
    work.start("answering /ask", async () => {
      try {
        const answer = await chat.answer(question, conversations.get(key));
        const sent = await interaction.editReply(answerToReply(answer, { maxRows, question }));
        if (answer.sql) sqlOf.set(sent.id, { sql: answer.sql, params: answer.params });
        log.info(`/ask answered (${answer.status}, ${answer.timings.totalMs} ms)`);
      } catch (error) {
        log.error("replying to /ask failed:", error);
        await interaction
          .editReply({ content: "Sorry, something went wrong sending the answer; please try again." })
          .catch(() => undefined);
      }
    });
  }

  async function showSql(interaction: ButtonInteraction): Promise<void> {
    const found = sqlOf.get(interaction.message.id);
    await interaction.reply({
      content: found
        ? sqlMessage(found.sql, found.params)
        : "The SQL of that answer is no longer kept; ask again and press Show SQL.",
      flags: MessageFlags.Ephemeral,
    });
  }

  /**
   * A clicked choice (a next question, or a reading of a question asked back), answered in the channel
   * or thread of the message it was under, in the clicker's conversation there: in a thread anyone's
   * click counts (the thread is one conversation); elsewhere conversations are per person, so a
   * click on someone else's answer is refused as foreign, only to the clicker.
   */
  async function pick(interaction: ButtonInteraction): Promise<void> {
    const channel = interaction.channel;
    const parentId = channel && "parentId" in channel ? channel.parentId : null;
    const privately = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral });
    if (!allowed(interaction.guildId, interaction.channelId, parentId)) {
      await privately("connectome-chat is not enabled in this channel.");
      return;
    }
    const userId = interaction.user.id;
    const key = channel ? conversationKey(channel, userId) : threadKey("channel", interaction.channelId, userId);
    const conversation = conversations.get(key);
    const id = choiceIdOf(interaction.customId);
    const question = chat.choiceQuestion(id, conversation);
    if (!question) {
      await privately(CHOICE_EXPIRED);
      return;
    }
    const decision = limiter.take(`${interaction.guildId ?? "dm"}:${userId}`);
    if (!decision.allowed) {
      await privately(rateLimitMessage(config.rateLimitPerMinute, decision.retryAfterMs));
      return;
    }
    await interaction.deferReply();
    work.start("answering a choice", async () => {
      try {
        const answer = await chat.choose(id, conversation);
        const sent = await interaction.editReply(answerToReply(answer, { maxRows, question, picked: question }));
        if (answer.sql) sqlOf.set(sent.id, { sql: answer.sql, params: answer.params });
        log.info(`choice answered (${answer.status}, ${answer.timings.totalMs} ms)`);
      } catch (error) {
        log.error("replying to a choice failed:", error);
        const sorry = "Sorry, something went wrong sending the answer; please try again.";
        await interaction.editReply({ content: sorry }).catch(() => undefined);
      }
    });
  }

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handled =
      interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND.name
        ? ask(interaction)
        : interaction.isButton() && interaction.customId === SHOW_SQL_BUTTON
          ? showSql(interaction)
          : interaction.isButton() && isChoiceButton(interaction.customId)
            ? pick(interaction)
            : undefined;
    handled?.catch((error) => log.error("handling an interaction failed:", error));
  });

  client.on(Events.MessageCreate, (message: Message) => {
    try {
      const me = client.user;
      if (!me || message.author.bot) return;
      const dm = message.channel.isDMBased();
      if (!dm && !message.mentions.users.has(me.id)) return;
      const question = message.content.replace(/<@!?\d+>/g, " ").trim();
      if (!allowed(message.guildId, message.channelId, "parentId" in message.channel ? message.channel.parentId : null))
        return;
      const decision = limiter.take(`${message.guildId ?? "dm"}:${message.author.id}`);
      const key = conversationKey(message.channel, message.author.id);
      work.start("answering a mention", async () => {
        if (!decision.allowed) {
          await message.reply({ content: rateLimitMessage(config.rateLimitPerMinute, decision.retryAfterMs) });
          return;
        }
        if ("sendTyping" in message.channel) await message.channel.sendTyping().catch(() => undefined);
        const answer = await chat.answer(question, conversations.get(key));
        const sent = await message.reply(answerToReply(answer, { maxRows, question }));
        if (answer.sql) sqlOf.set(sent.id, { sql: answer.sql, params: answer.params });
        log.info(`mention answered (${answer.status}, ${answer.timings.totalMs} ms)`);
      });
    } catch (error) {
      log.error("handling a message failed:", error);
    }
  });

  // A platform error is logged; discord.js reconnects the gateway and retries REST calls itself.
  client.on(Events.Error, (error) => log.error("Discord client error:", error));
  client.on(Events.ShardError, (error) => log.warn("Discord gateway error (reconnecting):", error));
  return { settle: () => work.settle() };
}

/** Logs in and runs until stopped. */
export async function startDiscordBot(options: DiscordBotOptions): Promise<{ client: Client; stop(): Promise<void> }> {
  const client = createDiscordClient(options.config);
  const handlers = attachHandlers(client, options);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.config.token);
  await ready;
  options.log.info(`logged in to Discord as ${client.user?.tag ?? "the bot"}`);
  return {
    client,
    stop: async () => {
      await handlers.settle();
      await client.destroy();
    },
  };
}
