/**
 * Runs a script of `tools/` as a subprocess from the project root, for the tool tests.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/** The project root, where the tools are run from. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The fixture notebooks, relative to the project root. */
export const FIXTURES = "tests/fixtures/notebooks";

/** The exit code and decoded, colour-free output of a finished tool. */
export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Removes ANSI colour codes. */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex -- ANSI colour codes start with ESC
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

/**
 * Runs `deno run -A tools/<script> ...args` in the project root.
 *
 * @param script The file name inside `tools/`, such as `run_notebooks.ts`.
 * @param args The tool's arguments.
 * @param env Extra environment variables.
 * @returns The exit code and the output.
 */
export async function runTool(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ToolResult> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `tools/${script}`, ...args],
    cwd: ROOT,
    env,
    stdin: "null",
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: stripAnsi(decoder.decode(output.stdout)),
    stderr: stripAnsi(decoder.decode(output.stderr)),
  };
}

/** The last non-empty line of a text. */
export function lastLine(text: string): string {
  return text.trimEnd().split("\n").pop() ?? "";
}
