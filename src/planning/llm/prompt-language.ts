import { CellClass, SOURCE_QUANTITIES, type Quantity, type Source } from "../plan.js";
import { DIMS, QUANTITY } from "../../querying/compile/dims.js";
import type { Geometry } from "../../answers/geometry.js";
import { FORMS, ROW_DIMS, STRATEGIES } from "../plan-check.js";

/**
 * The parts of the plan guide that are generated rather than written, so that the model reads the
 * language the compiler implements: the dimensions (from the compiler's catalogue, dims.ts), the
 * forms of condition each takes (those plan-check.ts holds a model's plan to), and the quantities
 * each source can measure. test/llm-examples.test.ts compiles every pair the table offers.
 */

const LEVEL: Record<string, string> = {
  cell: "a cell (its nucleus)",
  root: "a root id (a reconstructed neuron or fragment)",
};

const AREAS = ["V1", "RL", "AL", "LM"];

/** How the plan writes each form of condition. */
const FORM_WORDS: Record<string, string> = { "a range": "min/max", near: "near+within" };

/** What a condition on the dimension may name: its values, or its unit. */
function valuesOf(dim: string, geometry?: Geometry): string {
  const info = DIMS[dim as keyof typeof DIMS];
  if (dim === "class") return CellClass.options.join(", ");
  if (dim === "cell_type") return "a cell-type value of the vocabulary";
  if (dim === "mtype") return "an m-type value of the vocabulary";
  if (dim === "area") return `${AREAS.join(", ")} (higher visual areas: RL, AL, LM)`;
  if (dim === "layer") {
    const names = geometry?.layers.map((l) => l.name) ?? [];
    return `${names.join(", ")}; L6 is L6a and L6b together`;
  }
  if (STRATEGIES[dim]) return STRATEGIES[dim]!.join(", ");
  if (info.kind === "id") return "the id's digits, as a string";
  if (info.kind === "flag") return "true or false";
  if (info.kind === "angle" || info.unit === "°") return "degrees";
  if (dim === "osi" || dim === "dsi" || dim === "cc") return "a number from 0 to 1";
  return info.unit ?? "a number";
}

/** The table of dimensions: name, what it is, whose it is, the condition it takes, values or unit. */
export function renderDimensions(geometry?: Geometry): string {
  const rows = Object.entries(DIMS).map(([dim, info]) => {
    const sources = Object.entries(ROW_DIMS)
      .filter(([, dims]) => dims.includes(dim))
      .map(([s]) => `a row of ${s}`);
    const whose = info.level === "row" ? sources.join(", ") : LEVEL[info.level]!;
    const forms = FORMS[info.kind]!.map((f) => FORM_WORDS[f] ?? f).join(" or ");
    return `| ${dim} | ${info.label} | ${whose} | ${forms} | ${valuesOf(dim, geometry)} |`;
  });
  return ["| dim | what | of | condition | values or unit |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** The table of quantities a measure takes (`of`), with their units and the sources that have them. */
export function renderQuantities(): string {
  const rows = (Object.keys(QUANTITY) as Quantity[]).map((q) => {
    const sources = (Object.keys(SOURCE_QUANTITIES) as Source[]).filter((s) => SOURCE_QUANTITIES[s].includes(q));
    return `| ${q} | ${QUANTITY[q].label} | ${QUANTITY[q].unit || "no unit"} | ${sources.join(", ")} |`;
  });
  return ["| of | what | unit | sources |", "|---|---|---|---|", ...rows].join("\n");
}
