/**
 * An Answer's choices as Discord buttons: one per question (a next question, or a reading of a
 * question asked back), whose custom id carries only the choice's short id. bot.ts routes a click
 * back to the core's `choose`; the custom id is parsed with zod, as anything Discord sends back is.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from "discord.js";
import { z } from "zod";
import type { AnswerChoice } from "../../src/answers/answer.js";
import { CHOICE_ID } from "../../src/answers/choices.js";

export const CHOICE_BUTTON_PREFIX = "connectome-chat:choice:";
/** Discord's limits: five buttons in a row, 80 characters in a label (a custom id's 100 is far more than we use). */
const ROW_BUTTONS = 5;
const LABEL_CHARS = 80;

const cut = (text: string) => (text.length <= LABEL_CHARS ? text : `${text.slice(0, LABEL_CHARS - 1)}…`);

export function choiceRow(choices: AnswerChoice[] | undefined): ActionRowBuilder<ButtonBuilder>[] {
  if (!choices?.length) return [];
  const buttons = choices
    .slice(0, ROW_BUTTONS)
    .map((choice) =>
      new ButtonBuilder()
        .setCustomId(`${CHOICE_BUTTON_PREFIX}${choice.id}`)
        .setLabel(cut(choice.question))
        .setStyle(ButtonStyle.Primary),
    );
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons)];
}

const ChoiceCustomId = z
  .string()
  .startsWith(CHOICE_BUTTON_PREFIX)
  .transform((s) => s.slice(CHOICE_BUTTON_PREFIX.length))
  .pipe(z.string().regex(CHOICE_ID));

/** The choice id a button's custom id carries, or undefined when it is not one of ours. */
export function choiceIdOf(customId: unknown): string | undefined {
  const parsed = ChoiceCustomId.safeParse(customId);
  return parsed.success ? parsed.data : undefined;
}

export const isChoiceButton = (customId: string) => customId.startsWith(CHOICE_BUTTON_PREFIX);
