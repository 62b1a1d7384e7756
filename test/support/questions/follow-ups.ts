import type { FollowUp } from "./bench.js";
import { CELL_FOLLOW_UPS } from "./follow-ups-cells.js";
import { SYNAPSE_FOLLOW_UPS } from "./follow-ups-synapses.js";

/** Follow-ups with nothing before them: the first question of a conversation. */
const CONVERSATION_STARTS: FollowUp[] = [
  {
    it: "has nothing to show at the start of a conversation",
    steps: [{ it: "", q: "show the SQL", expect: "clarify", text: /no earlier answer/ }],
  },
  {
    it: "has nothing to narrow at the start of a conversation",
    todo: 'refused as "outside the connectome data" rather than asked back (there is no earlier answer)',
    steps: [{ it: "", q: "only the top 3", expect: "clarify" }],
  },
  {
    it: "has no neuron to turn to the inputs of at the start of a conversation",
    todo: 'answered: the synapses of every root, per presynaptic root (a guess at what "inputs" are of)',
    steps: [{ it: "", q: "what about inputs?", expect: "clarify" }],
  },
];

/** Follow-ups: each sequence runs in one conversation, in order. */
export const FOLLOW_UPS: FollowUp[] = [...CELL_FOLLOW_UPS, ...SYNAPSE_FOLLOW_UPS, ...CONVERSATION_STARTS];
