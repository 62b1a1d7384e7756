import { is, lower, type Atom } from "./atoms.js";
import { isPop } from "./role-words.js";
import type { Role } from "./roles.js";
import { SIDE_ADJECTIVE } from "./shape.js";

/** Words after a side that only say what it is of ("the postsynaptic cell", "on the presynaptic side"). */
const SIDE_NOUN = /^(cell|cells|partner|side|neuron|neurons|one|ones)$/i;
/** Where a side said after its population ends: the question's end, "and", a comma, a colon, a bracket. */
const BOUNDARY = /^(and|[?.,;:)]|[–—-])$/i;

/**
 * A side said of a population after it: "synapses where 8646… is presynaptic", "… where the BC is the
 * postsynaptic cell", "connected pairs with an SST cell presynaptic and an L5 ET cell postsynaptic", "the BCs
 * as presynaptic and the 23P cells as postsynaptic". Without a verb of being, only the words "pre(synaptic)" and
 * "post(synaptic)" said last, before a boundary: "BC presynaptic partners" are the partners of the BCs.
 */
export function sideSaidAfter(atoms: Atom[], role: Map<number, Role>, used: Set<number>): void {
  sideSaidFirst(atoms, role, used);
  atoms.forEach((a, p) => {
    const up = is(a, "rel", "r", "upstream");
    if (!up && !is(a, "rel", "r", "downstream")) return;
    const link = atoms[p - 1];
    const be = is(link, "verb", "v", "be");
    const said = SIDE_ADJECTIVE.test(lower(a).replace(/\s+/g, " "));
    const asWord = said && /^as( the)?$/i.test(lower(link));
    const at = be || asWord ? p - 2 : said ? p - 1 : -1;
    const named = atoms[at];
    if (at < 0 || !isPop(named) || role.get(at)) return;
    let k = p + 1;
    if (SIDE_NOUN.test(lower(atoms[k])) || is(atoms[k], "noun", "n", "cell")) k++;
    const after = atoms[k];
    if (be) {
      if (after && k === p + 1 && !/^[?.,;]$/.test(lower(after))) return;
    } else if (after && !BOUNDARY.test(lower(after))) return;
    role.set(at, up ? "pre" : "post");
    used.add(p);
    if (k > p + 1 && !isPop(atoms[p + 1])) used.add(p + 1);
  });
}

/**
 * A side said first, then what is on it: "synapses whose presyn is a BC", "where the postsynaptic cell is a 23P".
 * The cells after the verb are on the side named (they had been read as on the other side, as after "presynaptic
 * to").
 */
function sideSaidFirst(atoms: Atom[], role: Map<number, Role>, used: Set<number>): void {
  atoms.forEach((a, p) => {
    const up = is(a, "rel", "r", "upstream");
    if ((!up && !is(a, "rel", "r", "downstream")) || !SIDE_ADJECTIVE.test(lower(a).replace(/\s+/g, " "))) return;
    let k = p + 1;
    if (SIDE_NOUN.test(lower(atoms[k])) || is(atoms[k], "noun", "n", "cell")) k++;
    if (!is(atoms[k], "verb", "v", "be")) return;
    const be = k++;
    while (atoms[k] && /^(a|an|the|one|always)$/i.test(lower(atoms[k]))) k++;
    if (!isPop(atoms[k])) return;
    role.set(k, up ? "pre" : "post");
    for (let i = p; i <= be; i++) used.add(i);
  });
}
