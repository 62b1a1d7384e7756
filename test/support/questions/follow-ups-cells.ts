import { expect } from "vitest";
import type { FollowUp } from "./bench.js";

const DEPTH = "(pt_position_y * 4.0 / 1000 - 400)";

/** Follow-ups (follow-ups.ts) after questions about cells, types and one root. */
export const CELL_FOLLOW_UPS: FollowUp[] = [
  {
    it: "answers 'where are they?' and 'their nucleus volumes' about the last answer's cells",
    steps: [
      {
        it: "",
        q: "How many basket cells are there?",
        expect: "scalar",
        gold: "SELECT count(*) FROM ct WHERE cell_type = 'BC'",
      },
      {
        it: "",
        q: "where are they?",
        expect: "set",
        chart: "scatter",
        gold: "SELECT pt_root_id FROM ct WHERE cell_type = 'BC' AND pt_root_id != 0",
      },
      {
        it: "",
        q: "and their mean nucleus volume?",
        expect: "scalar",
        gold: "SELECT avg(nuc.volume) FROM ct JOIN nuc ON nuc.id = ct.target_id WHERE ct.cell_type = 'BC'",
      },
    ],
  },
  {
    it: "keeps counting cells when only the type changes",
    steps: [
      {
        it: "",
        q: "How many basket cells are there?",
        expect: "scalar",
        gold: "SELECT count(*) FROM ct WHERE cell_type = 'BC'",
      },
      { it: "", q: "and Martinotti cells?", expect: "scalar", gold: "SELECT count(*) FROM ct WHERE cell_type = 'MC'" },
      { it: "", q: "what about VIP?", expect: "scalar", gold: "SELECT count(*) FROM ct WHERE cell_type = 'BPC'" },
    ],
  },
  {
    it: "plots the last per-type count as a bar chart",
    steps: [
      {
        it: "",
        q: "how many cells per cell type?",
        expect: "pairs",
        gold: "SELECT cell_type, count(*) FROM ct GROUP BY 1",
      },
      { it: "", q: "plot that", expect: "pairs", chart: "bar", gold: "SELECT cell_type, count(*) FROM ct GROUP BY 1" },
    ],
  },
  {
    it: "looks up another root id, then its m-type",
    steps: [
      {
        it: "",
        q: "What is the cell type of {R_MC}?",
        expect: "scalar",
        gold: "SELECT cell_type FROM ct WHERE pt_root_id = {R_MC}",
      },
      {
        it: "",
        q: "and {R_23P}?",
        expect: "scalar",
        gold: "SELECT cell_type FROM ct WHERE pt_root_id = {R_23P}",
        check: (a) => expect(a.text).toMatch(/23P/),
      },
      {
        it: "",
        q: "what about its m-type?",
        expect: "scalar",
        gold: "SELECT cell_type FROM mt WHERE pt_root_id = {R_23P}",
        check: (a) => expect(a.text).toMatch(/m-type/),
      },
    ],
  },
  {
    it: "splits a proofreading count by cell type",
    steps: [
      {
        it: "",
        q: "how many neurons have a proofread axon",
        expect: "scalar",
        gold: "SELECT count(DISTINCT pt_root_id) FROM proof WHERE status_axon = 't'",
      },
      {
        it: "",
        q: "per cell type",
        expect: "pairs",
        gold:
          "SELECT r.cell_type, count(DISTINCT p.pt_root_id) FROM proof p JOIN root_type r " +
          "ON r.pt_root_id = p.pt_root_id WHERE p.status_axon = 't' GROUP BY 1",
      },
    ],
  },
  {
    it: "reads a complete new question in a thread as new, not as a follow-up",
    steps: [
      {
        it: "",
        q: "how many outputs does {R_MC} have",
        expect: "scalar",
        gold: "SELECT count(*) FROM syn WHERE pre_pt_root_id = {R_MC}",
      },
      {
        it: "",
        q: "How many MC cells are there?",
        expect: "scalar",
        gold: "SELECT count(*) FROM ct WHERE cell_type = 'MC'",
      },
      {
        it: "",
        q: "nucleus volume of {R_23P}?",
        expect: "scalar",
        gold: "SELECT volume FROM nuc WHERE pt_root_id = {R_23P}",
      },
      {
        it: "",
        q: "m-type of {R_BC}?",
        expect: "scalar",
        gold: "SELECT cell_type FROM mt WHERE pt_root_id = {R_BC}",
        check: (a) => expect(a.text).toMatch(/m-type/),
      },
    ],
  },
  {
    it: "carries only the kind pointed at: 'that layer' is the last question's layer, not its cells",
    steps: [
      {
        it: "",
        q: "how many BCs in L5?",
        expect: "scalar",
        gold: `SELECT count(*) FROM ct WHERE cell_type = 'BC' AND ${DEPTH} >= 453.6 AND ${DEPTH} < 687.6`,
      },
      {
        it: "",
        q: "and how many cells in that layer?",
        expect: "scalar",
        gold: `SELECT count(*) FROM ct WHERE ${DEPTH} >= 453.6 AND ${DEPTH} < 687.6`,
      },
      { it: "", q: "how many MCs in that area?", expect: "clarify", text: /"that area"/ },
    ],
  },
];
