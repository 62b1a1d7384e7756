import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The compiled script `relative` to the calling module (`import.meta.url`), for a worker thread or
 * child process. Run from the TypeScript sources (under vitest) there is no .js beside the module,
 * so the build in dist/ is used: workers always run compiled code.
 */
export function compiledScript(moduleUrl: string, relative: string): URL {
  const beside = new URL(relative, moduleUrl);
  if (existsSync(fileURLToPath(beside))) return beside;
  const compiled = new URL(beside.href.replace(/\/src\/([^]*)$/, "/dist/src/$1"));
  if (!existsSync(fileURLToPath(compiled))) throw new Error(`${fileURLToPath(compiled)} is missing: run npm run build`);
  return compiled;
}
