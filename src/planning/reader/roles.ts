import { as, is, lower, type Atom } from "./atoms.js";
import {
  aux,
  bothWaysSaid,
  commaBefore,
  flowVerbs,
  isPop,
  kindOfThem,
  nounOf,
  popOf,
  receivedBy,
  RELATIONAL,
  relationalOf,
  saysFlow,
  saysOwnSide,
  sameCells,
  sideBySide,
  ownedPerCell,
  type Compound,
  whoAsks,
} from "./role-words.js";
import { isPlace } from "./dims.js";
import { oneRoot } from "./filters.js";
import { amongSubject } from "./scoped.js";
import { sideSaidAfter } from "./side-said-after.js";
import { FLOW_WORDS, KIND_HEADS, PARTNER_HEADS, SIDE_ADJECTIVE } from "./shape.js";

/**
 * Which side of a synapse each population is on. Read from the relation words around it: "from X"
 * and "X →" (presynaptic), "to/onto X" (postsynaptic); verbs ("X targets Y", "Y receives input from
 * X"); relational nouns ("outputs of X", "X's inputs", "targets of X"); "upstream/downstream of X";
 * "between X and Y" (both ways).
 */
export type Role = "pre" | "post" | "both";

export interface Roles {
  /** Role of each population atom (by atom index). */
  role: Map<number, Role>;
  /** Atom indexes of the relation words that were read. */
  used: Set<number>;
  /** Whether anything says the question is about synapses between cells. */
  flow: boolean;
  /** The verb's direction, when a verb says what the subject does ("makes", "receives"). */
  verbs: { index: number; v: string; subject?: number; object?: number }[];
}

export function readRoles(atoms: Atom[]): Roles {
  const role = new Map<number, Role>();
  const used = new Set<number>();
  const set = (i: number, r: Role, marker?: number) => {
    if (!role.has(i)) role.set(i, r);
    if (marker !== undefined) used.add(marker);
  };
  const prevIdx = (i: number) => {
    let j = i - 1;
    while (j >= 0 && aux(atoms[j])) j--;
    return j;
  };
  const nextIdx = (i: number) => {
    let j = i + 1;
    while (j < atoms.length && aux(atoms[j])) j++;
    return j;
  };
  const verbs: Roles["verbs"] = [];
  // "cells that receive more than 100 inputs": a number after a verb is what a cell has; not in
  // "partners that receive at least 5 synapses from it", a connection's strength.
  // (Only one named cell makes it a connection: "23P that receive more than 20 synapses from BC" may be in all.)
  const perCellThreshold = (i: number) => {
    let t = nextIdx(i);
    // ("MCs that synapse onto at least 50 distinct targets": the partners counted, after "onto".)
    const partners = as(atoms[t + 1], "threshold")?.noun;
    if (is(atoms[t], "rel", "r", "to") && PARTNER_HEADS.has(String(partners))) t++;
    const to = is(atoms[t + 1], "rel", "r", "from") || is(atoms[t + 1], "rel", "r", "to");
    const one = atoms[t + 2];
    const named = is(one, "anaphor") || (isPop(one) && popOf(one)!.filters.some((f) => f.dim === "root_id"));
    // ("the 23P cells that 8646… makes at least 3 synapses onto": one named cell's synapses onto each of them.)
    const stranded = to && !isPop(one) && oneRoot(popOf(atoms[prevIdx(i)])?.filters ?? []);
    return is(atoms[t], "threshold") && !(to && named) && !stranded;
  };
  // "BC outputs", "inhibitory input": the owner of the outputs, unless someone else owns them
  // ("which 5P-ET cells receive the most inhibitory input": the input is from inhibitory cells).
  const compounds: Compound[] = [];
  atoms.forEach((a, i) => {
    if (!isPop(a)) return;
    const p = prevIdx(i);
    const prev = atoms[p];
    const n = nextIdx(i);
    const next = atoms[n];
    // ("median syn size on BC -> 23P edges": "on" before a flow said with an arrow is "of", not "onto".)
    if (is(prev, "rel", "r", "to") && lower(prev) === "on" && is(next, "rel", "r", "to") && isPop(atoms[nextIdx(n)]))
      used.add(p);
    else if (is(prev, "rel", "r", "to")) set(i, "post", p);
    else if (is(prev, "rel", "r", "from")) set(i, "pre", p);
    else if (is(prev, "rel", "r", "by")) set(i, receivedBy(atoms[prevIdx(p)]) ? "post" : "pre", p);
    // ("synapses with presynaptic BC and postsynaptic 23P": the adjective says the cells' own side; it
    // had been read as "upstream of BC".)
    else if (SIDE_ADJECTIVE.test(lower(prev)) && p === i - 1) set(i, /^pre/i.test(lower(prev)) ? "pre" : "post", p);
    else if (is(prev, "rel", "r", "upstream") || is(prev, "rel", "r", "downstream")) {
      // "cells upstream of BC": the cells are pre, BC post. ("BC downstream: top 3 cell types": a
      // topic before a colon, the things downstream of BC after it: the other way round.)
      const s = prevIdx(p);
      // ("8646… top-5 downstream by weight": after one named root, the partners downstream of it.)
      // (Only the bare words: "8646… innervated by BC" is the other way round.)
      const bare = /^(up|down)stream$/i.test(lower(prev));
      const ownerRoot =
        bare && isPop(atoms[s]) && s === p - 1 && popOf(atoms[s])!.filters.some((f) => f.dim === "root_id");
      const topic = ownerRoot || atoms.slice(p + 1, i).some((x) => /^[:,–—-]$/.test(lower(x)));
      // ("top upstream 23P of 8646…": "upstream" said of the 23P cells, which are upstream of the root.)
      const adjective =
        bare && p === i - 1 && !ownerRoot && ["of", "to", "from"].some((r) => is(atoms[nextIdx(i)], "rel", "r", r));
      const up = is(prev, "rel", "r", "upstream") !== (topic || adjective);
      set(i, up ? "post" : "pre", p);
      if (isPop(atoms[s])) set(s, up ? "pre" : "post");
      const owner = nextIdx(nextIdx(i));
      if (adjective && isPop(atoms[owner])) set(owner, up ? "pre" : "post");
    } else if (is(prev, "rel", "r", "between") && !saysOwnSide(prev!, a, next, atoms[nextIdx(n)])) {
      // ("among presynaptic cells with a proofread axon, how many synapses …": cells that name their side keep it.)
      const own = ({ target: "post", source: "pre" } as const)[popOf(a)?.head as "target" | "source"];
      set(i, own ?? amongSubject(atoms, prev!, i) ?? "both", p);
    } else if (is(prev, "rel", "r", "of") && isPop(atoms[prevIdx(p)]) && popOf(atoms[prevIdx(p)])!.side) {
      // "the main target type of VIP cells": the owner is on the other side. ("postsynaptic cells of each
      // type": a kind after "of", each of it, is the kind of those cells, on their side.)
      const side = popOf(atoms[prevIdx(p)])!.side!;
      set(i, kindOfThem(a) ? side : side === "post" ? "pre" : "post", p);
    } else if (is(prev, "rel", "r", "of") && RELATIONAL[relationalOf(atoms[prevIdx(p)]) ?? ""]) {
      const owns = RELATIONAL[relationalOf(atoms[prevIdx(p)])!]!;
      // ("postsynaptic cells of each type": the kind of the partners, on their side.)
      // (Not "targets of each type": a relational noun's "of" names its owner.)
      const cells = /\b(cells?|neurons?)$/i.test(atoms[prevIdx(p)]!.items.map((x) => x.text).join(" "));
      set(i, cells && kindOfThem(a) ? (owns === "pre" ? "post" : "pre") : owns, p);
      // "top 5 targets of X": the targets are on the other side.
      const owner = prevIdx(p);
      const head = relationalOf(atoms[owner]);
      if (isPop(atoms[owner]) && (head === "target" || head === "source"))
        set(owner, head === "target" ? "post" : "pre");
    }
    // "X's outputs", "BC outputs", "8646… inputs"; but "BC inputs onto X" and "BC inputs of X" name
    // the partners, whose side is the other one.
    let k = n;
    if (lower(next) === "'s" || lower(next) === "s'") k = nextIdx(n);
    const noun = nounOf(atoms[k]) ?? relationalOf(atoms[k]);
    const afterNoun = atoms[nextIdx(k)];
    // "X's synapses onto 23P": X is presynaptic; "X's synapses from BC": postsynaptic.
    if (k !== n && (noun === "synapse" || noun === "connection") && !role.has(i)) {
      if (is(afterNoun, "rel", "r", "to")) set(i, "pre", n);
      else if (is(afterNoun, "rel", "r", "from")) set(i, "post", n);
    }
    if (noun && RELATIONAL[noun] && !role.has(i)) {
      const partnerSide: Role = noun === "input" || noun === "source" ? "pre" : "post";
      if (
        k === n &&
        (is(afterNoun, "rel", "r", "of") || is(afterNoun, "rel", "r", "to") || is(afterNoun, "rel", "r", "from")) &&
        isPop(atoms[nextIdx(nextIdx(k))])
      ) {
        set(i, is(afterNoun, "rel", "r", "from") ? "post" : is(afterNoun, "rel", "r", "to") ? "pre" : partnerSide);
      } else if (k === n) compounds.push({ i, noun: n, owner: RELATIONAL[noun]!, partner: partnerSide });
      else set(i, RELATIONAL[noun]!);
      if (k !== n) used.add(n);
    }
    // "BC → 23P", "BC synapses onto 23P", "23P inputs from BC"
    // (Not a place across a colon: in "V1 only: synapse count onto 5P-ET from MC", V1 is no sender.)
    const m = FLOW_WORDS.has(nounOf(next) ?? "") ? nextIdx(n) : n;
    const led = popOf(a)!.filters.every(isPlace) && atoms.slice(i + 1, m).some((x) => /^[:;–—]$/.test(lower(x)));
    if (!role.has(i) && !led && is(atoms[m], "rel", "r", "to") && !is(atoms[nextIdx(m)], "verb")) set(i, "pre");
    if (!role.has(i) && !led && is(atoms[m], "rel", "r", "from")) set(i, "post");
  });

  // A population with no relation word around it owns the question's relational noun: "how many
  // output synapses does X have?" (X is presynaptic), "inputs … X".
  const relational = new Set(
    atoms
      .map((a) => relationalOf(a))
      .filter((n) => n && n !== "partner")
      .map((n) => RELATIONAL[n!]),
  );
  atoms.forEach((a, i) => {
    const copula = is(atoms[i - 1], "verb", "v", "be") || is(atoms[i - 1], "glue", "g", "are");
    // ("which 23P has the most outputs": the one asked for owns them.)
    if (
      isPop(a) &&
      !role.has(i) &&
      relational.size === 1 &&
      !["target", "source", "partner"].includes(popOf(a)!.head ?? "") &&
      // ("BC outputs: top 3 target types": a population that says its own side is not the owner.)
      !popOf(a)!.side &&
      !(popOf(a)!.wh && !popOf(a)!.filters.length && !popOf(a)!.topk) &&
      !popOf(a)!.each &&
      !copula &&
      !compounds.some((c) => c.i === i) &&
      // ("top 3 types by share of MC outputs": the cells right before the noun own it, not a kind to rank by;
      // "what fraction of V1 neuron outputs stay in V1": nor a place said after them.)
      !(compounds.length && (!popOf(a)!.filters.length || is(atoms[prevIdx(i)], "rel", "r", "in")))
    ) {
      const hasVerb = atoms.some((v) => is(v, "verb", "v", "out") || is(v, "verb", "v", "in"));
      if (!hasVerb) set(i, [...relational][0]!);
    }
  });

  // ("8646… top-5 downstream by weight", "8646… upstream weight": the partners on that side of the root.)
  atoms.forEach((a, p) => {
    const up = is(a, "rel", "r", "upstream");
    if ((!up && !is(a, "rel", "r", "downstream")) || !/^(up|down)stream$/i.test(lower(a))) return;
    const root = atoms[p - 1];
    const after = atoms[nextIdx(p)];
    // (A rule before may have left the root's role undefined, which is no role.)
    if (!isPop(root) || !popOf(root)!.filters.some((f) => f.dim === "root_id") || role.get(p - 1)) return;
    if (isPop(after) || is(after, "rel", "r", "of")) return;
    role.set(p - 1, up ? "post" : "pre");
    used.add(p);
  });

  // ("synapses where 8646… is presynaptic", "an SST cell presynaptic and an L5 ET cell postsynaptic".)
  sideSaidAfter(atoms, role, used);

  // Verbs: the subject before, the object after (or a fronted "how many X" / "which X" before the subject).
  atoms.forEach((a, i) => {
    const v = as(a, "verb")?.v as string | undefined;
    if (v !== "out" && v !== "in" && v !== "connect") return;
    let s = prevIdx(i);
    while (s >= 0 && !isPop(atoms[s]) && !is(atoms[s], "verb")) s--;
    let o = i + 1;
    // ("do 5P-ET cells receive more synapses than 5P-IT cells": what follows "than" is compared, not the object.)
    while (
      o < atoms.length &&
      !isPop(atoms[o]) &&
      !is(atoms[o], "vs") &&
      !is(atoms[o], "verb", "v", "out") &&
      !is(atoms[o], "verb", "v", "in")
    )
      o++;
    let subject = isPop(atoms[s]) ? s : undefined;
    // ("which MC in each area makes the most output synapses": the cells before "in each area" make them, in
    // their area; the area had been the subject, and the MCs the other side.)
    const placeOf = subject !== undefined && popOf(atoms[s])!.each && is(atoms[s - 1], "rel", "r", "in");
    const place = placeOf && isPop(atoms[s - 2]) && popOf(atoms[s - 2])!.filters.length ? s : undefined;
    if (place !== undefined) subject = s - 2;
    // ("the distinct cells that 8646… synapses onto per cell type": a grouping after the verb is no object.)
    let object = isPop(atoms[o]) && !kindOfThem(atoms[o]!) ? o : undefined;
    // ("ranking the 4P cells by how many synapses they receive, which root id is first?": a "which" after a comma
    // asks a new clause, not what is received.)
    if (object !== undefined && popOf(atoms[o])!.wh && atoms.slice(i + 1, o).some((x) => /^[,;:]$/.test(lower(x))))
      object = undefined;
    // ("which gets more input synapses, 8646… or 8646…?": the cells after the comma are who "which" asks about.)
    if (subject === undefined && object !== undefined && whoAsks(atoms, i) && commaBefore(atoms, i, object))
      [subject, object] = [object, undefined];
    if (object === undefined && subject !== undefined) {
      // "how many 23P cells does X contact?", "what do MC cells target?"
      for (let f = subject - 1; f >= 0; f--) {
        // ("the 5P-IT cells that 8646… synapses onto": the cells before a relative "that" are the object.)
        // ("the neurons 8646… projects to": so are cells in the plural right before one root and its verb.)
        const relative =
          (f === subject - 2 && /^(that|which|whom)$/i.test(lower(atoms[subject - 1])) && is(atoms[i], "verb")) ||
          (f === subject - 1 &&
            i === subject + 1 &&
            oneRoot(popOf(atoms[subject])?.filters ?? []) &&
            Boolean(popOf(atoms[f])?.plural));
        // ("how many inhibitory synapses does 8646… receive": cells named before the synapses received send them.)
        const received =
          v === "in" && is(atoms[f - 1], "count") && FLOW_WORDS.has(nounOf(atoms[f + 1]) ?? "") && f + 2 <= subject;
        if (isPop(atoms[f]) && (popOf(atoms[f])!.wh || popOf(atoms[f])!.counted || relative || received)) {
          object = f;
          // ("list the 23P cells that 8646… contacts": the cells listed are asked as "which 23P cells".)
          if (relative && atoms.some((x) => is(x, "list"))) popOf(atoms[f])!.wh ??= "which";
          break;
        }
        // (Only a "what" right before "do/does X …": in "what's the size of the synapses X receives" the object
        // is "the synapses".)
        if (is(atoms[f], "wh", "w", "which") && !isPop(atoms[f]) && atoms.slice(f + 1, subject).every((x) => aux(x))) {
          // A bare "what" fronted: the thing asked for is the object, grouped as the answer needs.
          atoms[f] = { ...atoms[f]!, tag: { t: "pop", wh: "what", filters: [], thresholds: [] } };
          object = f;
          break;
        }
      }
    }
    verbs.push({
      index: i,
      v,
      ...(subject !== undefined ? { subject } : {}),
      ...(object !== undefined ? { object } : {}),
    });
    if (!perCellThreshold(i)) used.add(i);
    const toAfter = is(atoms[nextIdx(i)], "rel", "r", "to");
    if (v === "out" || (v === "connect" && toAfter)) {
      if (subject !== undefined) set(subject, "pre");
      if (object !== undefined) set(object, "post");
    } else if (v === "in") {
      if (subject !== undefined) set(subject, "post");
      // ("how many synapses is receiving the cell X": synapses receive nothing, so X is the one receiving.)
      const inverted = subject === undefined && FLOW_WORDS.has(nounOf(atoms[prevIdx(i)]) ?? "");
      if (object !== undefined) set(object, inverted ? "post" : "pre");
    } else {
      if (subject !== undefined) set(subject, "both");
      if (object !== undefined) set(object, "both");
    }
    if (place !== undefined && subject !== undefined && role.has(subject)) set(place, role.get(subject)!);
  });

  const bothWays = bothWaysSaid(atoms);
  if (bothWays) {
    for (const i of bothWays.named) role.set(i, "both");
    used.add(bothWays.at);
  }

  for (const c of compounds) {
    if (role.has(c.i)) continue;
    // A named neuron before "targets"/"inputs" owns them, whatever else is said.
    const named = popOf(atoms[c.i])!.filters.some((f) => f.dim === "root_id");
    // ("what fraction of all 23P inputs are BC → 23P": the same cells on that side already take nothing from them.)
    const taken =
      !named &&
      !sideBySide(atoms, compounds, c) &&
      ([...role.entries()].some(([j, r]) => j !== c.i && r === c.owner && !sameCells(atoms, j, c.i)) ||
        ownedPerCell(atoms, c));
    set(c.i, taken ? c.partner : c.owner);
  }

  // A verb with a number of synapses as its object says what a cell has, not a flow: "receive more than 100 inputs".
  const flow = saysFlow(
    atoms,
    (a, i) => flowVerbs(a) && !perCellThreshold(i),
    (i) => role.size > 0 && used.has(i),
  );
  return { role, used, flow, verbs };
}
