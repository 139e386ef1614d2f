/**
 * Reads the problems reported by `deno check` (text) and `deno lint --json`.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/** One problem at a place in a file. */
export interface Diagnostic {
  /** Absolute path of the file. */
  file: string;
  /** 1-based line number. */
  line: number;
  /** The problem, on one or more lines. */
  message: string;
  /** `TS2322`, a lint rule such as `no-unused-vars`, or `error`. */
  code: string;
}

// deno-lint-ignore no-control-regex -- ANSI colour codes start with ESC
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const TS_HEADLINE = /^(TS\d+) \[(?:ERROR|WARN)\]: (.*)$/;
const ERROR_HEADLINE = /^error: (.*)$/;
const LOCATION = /^\s*at (file:\/\/\S+?):(\d+):(\d+)\s*$/;
const UNDERLINE = /^\s*[~^]+\s*$/;

function toPath(url: string): string {
  return url.startsWith("file://") ? fileURLToPath(url) : url;
}

/**
 * Parses the text output of `deno check` (colours allowed). Each `TSxxxx [ERROR]:`
 * headline, with its continuation lines, becomes one diagnostic at the first `at` line
 * after it; the quoted source line and its underline are dropped; notes such as
 * "'b' is declared here." are left out. `error: …` headlines (syntax errors, missing
 * modules) become diagnostics with code `error`; `error: Type checking failed.` is not one.
 *
 * @param output The combined stdout and stderr of `deno check`.
 * @returns The problems in the order reported.
 */
export function parseCheckOutput(output: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let pending: { code: string; lines: string[] } | null = null;
  for (const raw of output.replace(ANSI, "").split("\n")) {
    const line = raw.replace(/\s+$/, "");
    const ts = TS_HEADLINE.exec(line);
    const error = ERROR_HEADLINE.exec(line);
    if (ts) {
      pending = { code: ts[1], lines: [ts[2]] };
      continue;
    }
    if (error) {
      pending = error[1] === "Type checking failed." ? null : { code: "error", lines: [error[1]] };
      continue;
    }
    if (!pending) continue;
    const location = LOCATION.exec(line);
    if (!location) {
      pending.lines.push(line);
      continue;
    }
    let body = pending.lines.slice(1);
    if (pending.code === "error") {
      body = [];
    } else if (body.length >= 2 && UNDERLINE.test(body[body.length - 1])) {
      body = body.slice(0, -2);
    }
    diagnostics.push({
      file: toPath(location[1]),
      line: Number(location[2]),
      message: [pending.lines[0], ...body.map((text) => text.trim()).filter(Boolean)].join(" "),
      code: pending.code,
    });
    pending = null;
  }
  return diagnostics;
}

interface LintJson {
  diagnostics: {
    filename: string;
    range: { start: { line: number } };
    message: string;
    code: string;
    hint?: string;
  }[];
  errors: { file_path: string; message: string }[];
}

/**
 * Parses the output of `deno lint --json`: rule violations and files that failed to parse.
 *
 * @param json The standard output of `deno lint --json`.
 * @returns The problems; a parse error has code `error` and its first message line.
 */
export function parseLintJson(json: string): Diagnostic[] {
  const report = JSON.parse(json) as LintJson;
  const rules = report.diagnostics.map((d) => ({
    file: toPath(d.filename),
    line: d.range.start.line,
    message: d.hint ? `${d.message} (${d.hint})` : d.message,
    code: d.code,
  }));
  const errors = report.errors.map((e) => {
    const text = e.message.replace(ANSI, "");
    const at = [...text.matchAll(/at (file:\/\/\S+?):(\d+):(\d+)/g)].pop();
    return {
      file: at ? toPath(at[1]) : e.file_path,
      line: at ? Number(at[2]) : 1,
      message: text.split("\n")[0],
      code: "error",
    };
  });
  return [...errors, ...rules];
}
