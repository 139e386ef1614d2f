/**
 * Bundles the scripts and the Web Worker of the book with esbuild: the
 * experiments and the parts of `lib/` they import, for the browser. Deno-only
 * modules are mapped to browser stand-ins (the PNG renderer), and a `node:` import
 * or a `Deno.` reference in the output fails the build.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(HERE, "..", "..");

/** Modules of `lib/` that only run in Deno, and their browser stand-ins. */
const BROWSER_STANDINS: Record<string, string> = {
  [join(ROOT, "lib/plot/renderer.ts")]: join(HERE, "client/_no_renderer.ts"),
};

const workbookPlugin: esbuild.Plugin = {
  name: "workbook",
  setup(build) {
    build.onResolve({ filter: /^@lib\// }, (args) => ({
      path: standIn(join(ROOT, "lib", args.path.slice("@lib/".length))),
    }));
    build.onResolve({ filter: /renderer\.ts$/ }, (args) => {
      const path = join(args.resolveDir, args.path);
      return path in BROWSER_STANDINS ? { path: BROWSER_STANDINS[path] } : undefined;
    });
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.path} (imported by ${args.importer}) does not run in a browser` }],
    }));
  },
};

function standIn(path: string): string {
  return BROWSER_STANDINS[path] ?? path;
}

/** The bundles and the source files that went into them. */
export interface ClientBundle {
  /** The script of every page (figures, search). */
  page: string;
  /** The script of pages with live experiments (IIFE), with the worker's source inlined. */
  experiments: string;
  /** The worker script on its own (also inlined in `main`). */
  worker: string;
  /** Source files of `lib/` in the bundle, relative to the project. */
  libInputs: string[];
}

async function bundle(entry: string, define: Record<string, string>) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    metafile: true,
    legalComments: "none",
    define,
    plugins: [workbookPlugin],
    logLevel: "silent",
  });
  const text = result.outputFiles[0].text;
  return { text, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * Builds the page script, the experiments script and the worker.
 *
 * @throws {Error} When a bundled file imports a `node:` module or the output refers to `Deno`.
 */
export async function bundleClient(): Promise<ClientBundle> {
  try {
    const page = await bundle(join(HERE, "client/page.ts"), {});
    const worker = await bundle(join(HERE, "client/worker.ts"), {});
    const main = await bundle(join(HERE, "client/experiments.ts"), {
      BOOK_WORKER_SOURCE: JSON.stringify(worker.text),
    });
    const outputs = [["page script", page.text], ["experiments script", main.text], [
      "worker",
      worker.text,
    ]];
    for (const [name, text] of outputs) {
      const found = denoOnlyApis(text);
      if (found.length > 0) {
        throw new Error(
          `Cannot bundle the book's ${name}: it uses Deno-only APIs: ${found.join(", ")}`,
        );
      }
    }
    const libInputs = [...new Set([...main.inputs, ...worker.inputs])]
      .filter((p) => !p.includes("node_modules"))
      .map((p) => p.replace(/^.*?(?=lib\/)/, ""))
      .filter((p) => p.startsWith("lib/"))
      .sort();
    return { page: page.text, experiments: main.text, worker: worker.text, libInputs };
  } finally {
    await esbuild.stop();
  }
}

/** Deno-only APIs and Node built-ins referred to by a bundle's text. */
export function denoOnlyApis(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\bDeno\s*\.\s*([A-Za-z_]+)/g)) found.add(`Deno.${m[1]}`);
  for (const m of text.matchAll(/["'](node:[a-z_/]+)["']/g)) found.add(m[1]);
  for (const m of text.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g)) {
    found.add(`require("${m[1]}")`);
  }
  return [...found].sort();
}
