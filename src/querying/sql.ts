import type { SqlParam } from "./protocol.js";

/** A fragment of SQL with its parameters: user values only ever travel as parameters. */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: SqlParam[] = [],
  ) {}

  /** The same text with extra parameters appended (for placeholders written into the text). */
  with(params: SqlParam[]): Sql {
    return new Sql(this.text, [...this.params, ...params]);
  }

  static join(parts: Sql[], separator: string): Sql {
    return new Sql(
      parts.map((p) => p.text).join(separator),
      parts.flatMap((p) => p.params),
    );
  }
}

/** Builds SQL from a template: `${Sql}` inlines a fragment, any other value becomes a `?` parameter. */
export function sql(strings: TemplateStringsArray, ...values: (Sql | SqlParam | SqlParam[])[]): Sql {
  let text = strings[0]!;
  const params: SqlParam[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else if (Array.isArray(value)) {
      text += value.map(() => "?").join(", ");
      params.push(...value);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[i + 1]!;
  });
  return new Sql(text, params);
}

export const raw = (text: string) => new Sql(text);
