/**
 * Bundles the scripts and the Web Worker of the book with esbuild: the
 * experiments and the parts of `lib/` they import, for the browser. A `node:`
 * import, a static import of the Jupyter display module (with its PNG renderer)
 * or a `Deno.` reference in the output fails the build.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(HERE, "..", "..");

/**
 * The module a figure loads lazily to display itself in Jupyter (it holds the
 * Deno-only PNG renderer). In the book plotly.js draws the figures, so the lazy
 * import is left out of the bundle (it is never called in a browser).
 */
const JUPYTER_DISPLAY = join(ROOT, "lib/plot/bundle.ts");

/**
 * Data that only the Web Worker's experiments read (a corpus): the page's script
 * never runs those experiments, so it gets a stand-in that fails if it is read.
 */
const WORKER_ONLY = [join(HERE, "experiments/_sotu.ts")];

const WORKER_ONLY_STANDIN = `const fail = () => {
  throw new Error("Cannot read the corpus on the page: it is bundled into the Web Worker only");
};
export const ADDRESSES = new Proxy([], { get: fail });`;

const workerOnlyPlugin: esbuild.Plugin = {
  name: "worker-only",
  setup(build) {
    build.onResolve({ filter: /^\.\/_\w+\.ts$/ }, (args) => {
      const path = join(args.resolveDir, args.path);
      return WORKER_ONLY.includes(path) ? { path, namespace: "worker-only" } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: "worker-only" }, () => ({
      contents: WORKER_ONLY_STANDIN,
      loader: "ts",
    }));
  },
};

const workbookPlugin: esbuild.Plugin = {
  name: "workbook",
  setup(build) {
    build.onResolve({ filter: /^@lib\// }, (args) => ({
      path: join(ROOT, "lib", args.path.slice("@lib/".length)),
    }));
    build.onResolve({ filter: /bundle\.ts$/ }, (args) => {
      const path = join(args.resolveDir, args.path);
      if (path !== JUPYTER_DISPLAY) return undefined;
      if (args.kind === "dynamic-import") return { path: args.path, external: true };
      return {
        errors: [{
          text: `${args.path} (imported by ${args.importer}) renders PNGs in Deno only; ` +
            "import it lazily where a figure is displayed in Jupyter",
        }],
      };
    });
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.path} (imported by ${args.importer}) does not run in a browser` }],
    }));
  },
};

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

async function bundle(
  entry: string,
  define: Record<string, string>,
  stdin?: string,
  plugins: esbuild.Plugin[] = [],
) {
  const result = await esbuild.build({
    ...(stdin === undefined
      ? { entryPoints: [entry] }
      : { stdin: { contents: stdin, resolveDir: ROOT, sourcefile: entry } }),
    bundle: true,
    write: false,
    // A list of modules is bundled as an ES module, so that its exports are kept.
    format: stdin === undefined ? "iife" : "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    metafile: true,
    legalComments: "none",
    define,
    plugins: [...plugins, workbookPlugin],
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
    const main = await bundle(
      join(HERE, "client/experiments.ts"),
      { BOOK_WORKER_SOURCE: JSON.stringify(worker.text) },
      undefined,
      [workerOnlyPlugin],
    );
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
    const libInputs = libFiles([...main.inputs, ...worker.inputs]);
    return { page: page.text, experiments: main.text, worker: worker.text, libInputs };
  } finally {
    await esbuild.stop();
  }
}

function libFiles(inputs: string[]): string[] {
  return [...new Set(inputs)]
    .filter((p) => !p.includes("node_modules"))
    .map((p) => p.replace(/^.*?(?=lib\/)/, ""))
    .filter((p) => p.startsWith("lib/"))
    .sort();
}

/**
 * Bundles library modules for the browser as the book does (one script that
 * imports every export of each), to check that they are browser-safe.
 *
 * @param files Paths relative to the project, e.g. `"lib/plot/line.ts"`.
 * @returns The script and the library files that went into it.
 * @throws {Error} When a module (or one it imports) imports a `node:` module.
 */
export async function bundleModules(
  files: readonly string[],
): Promise<{ text: string; libInputs: string[] }> {
  try {
    const source = files.map((f, i) => `export * as m${i} from "./${f}";`).join("\n");
    const result = await bundle("modules.ts", {}, source);
    return { text: result.text, libInputs: libFiles(result.inputs) };
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
