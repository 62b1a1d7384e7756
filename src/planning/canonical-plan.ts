/** A plan as text with its keys sorted, to compare two plans whatever order their keys came in. */
export function canonicalPlan(plan: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (!v || typeof v !== "object") return v;
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sort(x)]),
    );
  };
  return JSON.stringify(sort(plan));
}
