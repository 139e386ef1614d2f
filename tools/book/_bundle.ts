/**
 * Bundles the scripts and the Web Workers of the book with esbuild: the
 * experiments and the parts of `lib/` they import, for the browser. A `node:`
 * import, a static import of the Jupyter display module (with its PNG renderer)
 * or a `Deno.` reference in the output fails the build.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { dirname, join } from "node:path";
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
 * Data modules that only the Web Worker's experiments read. The page's script
 * never runs those experiments, so it gets a stand-in that fails if it is read;
 * the worker gets the data itself: a corpus bundled from its package files, or
 * digits read from a dataset in Deno now and written into the bundle.
 */
const CORPUS = join(HERE, "experiments/_sotu.ts");
const DIGITS = join(HERE, "experiments/_digits.ts");

const PAGE_STANDINS: Record<string, string> = {
  [CORPUS]: "export const ADDRESSES = new Proxy([], { get: fail });",
  [DIGITS]: "export function digitSets() { fail(); }",
};
const FAIL = `const fail = () => {
  throw new Error("Cannot read an experiment's data on the page: it is bundled into the Web Worker only");
};`;

/** `experiments/_digits.ts` for the browser: the same image sets, gzipped in base64. */
async function digitsModule(): Promise<string> {
  const { digitSets } = await import("./experiments/_digits.ts");
  const sets = await digitSets();
  const names = Object.keys(sets) as (keyof typeof sets)[];
  const parts = names.flatMap((k) => [sets[k].images, sets[k].labels]);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  const gzip = await new Response(
    new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip")),
  ).arrayBuffer();
  const shapes = names.map((k) => ({
    name: k,
    n: sets[k].labels.length,
    side: sets[k].side,
    classes: sets[k].classes,
  }));
  return `const GZIP = ${JSON.stringify(encodeBase64(new Uint8Array(gzip)))};
const SHAPES = ${JSON.stringify(shapes)};
let cached;
export function digitSets() {
  cached ??= (async () => {
    const packed = Uint8Array.from(atob(GZIP), (c) => c.charCodeAt(0));
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
    const buffer = await new Response(stream).arrayBuffer();
    const sets = {};
    let at = 0;
    for (const { name, n, side, classes } of SHAPES) {
      const images = new Float32Array(buffer.slice(at, at + 4 * n * side * side));
      at += images.byteLength;
      const labels = new Int32Array(buffer.slice(at, at + 4 * n));
      at += labels.byteLength;
      sets[name] = { images, labels, side, classes };
    }
    return sets;
  })();
  return cached;
}`;
}

function encodeBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** Gives the page's script stand-ins for the worker's data, and the worker its digits. */
function dataPlugin(side: "page" | "worker"): esbuild.Plugin {
  return {
    name: `data-${side}`,
    setup(build) {
      build.onResolve({ filter: /^\.\/_\w+\.ts$/ }, (args) => {
        const path = join(args.resolveDir, args.path);
        if (side === "page" && path in PAGE_STANDINS) return { path, namespace: "page-standin" };
        if (side === "worker" && path === DIGITS) return { path, namespace: "worker-digits" };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: "page-standin" }, (args) => ({
        contents: `${FAIL}\n${PAGE_STANDINS[args.path]}`,
        loader: "js",
      }));
      build.onLoad({ filter: /.*/, namespace: "worker-digits" }, async () => ({
        contents: await digitsModule(),
        loader: "js",
      }));
    },
  };
}

/**
 * tfjs's WebAssembly backend, in the browser: its Emscripten code has Node.js
 * branches (`require("fs")`), and the book's experiments run on tfjs's plain
 * JavaScript backend, which gives the same numbers in Deno and in a browser.
 */
const NO_WASM_BACKEND = `export function setWasmPaths() {
  throw new Error("Cannot use tfjs's WebAssembly backend in the book: its experiments run on the CPU backend");
}`;

/**
 * tfjs for the browser: what `@tensorflow/tfjs` registers and exports (gradients,
 * chained ops, the core, the layers API, the CPU backend) but the WebGL backend,
 * the graph-model converter and tf.data, which the experiments do not use (half a
 * megabyte less).
 */
const TFJS_FOR_BROWSER = `import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
export * from "@tensorflow/tfjs-core";
export * from "@tensorflow/tfjs-layers";
export * from "@tensorflow/tfjs-backend-cpu";`;
const TFJS_DIR = dirname(dirname(fileURLToPath(import.meta.resolve("@tensorflow/tfjs"))));

const workbookPlugin: esbuild.Plugin = {
  name: "workbook",
  setup(build) {
    build.onResolve({ filter: /^@tensorflow\/tfjs$/ }, (args) => ({
      path: args.path,
      namespace: "tfjs-for-browser",
    }));
    build.onLoad({ filter: /.*/, namespace: "tfjs-for-browser" }, () => ({
      contents: TFJS_FOR_BROWSER,
      loader: "js",
      resolveDir: TFJS_DIR,
    }));
    build.onResolve({ filter: /^@tensorflow\/tfjs-backend-wasm$/ }, (args) => ({
      path: args.path,
      namespace: "no-wasm-backend",
    }));
    build.onLoad({ filter: /.*/, namespace: "no-wasm-backend" }, () => ({
      contents: NO_WASM_BACKEND,
      loader: "js",
    }));
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
  /**
   * The script of pages with live experiments (IIFE): the controls, the
   * experiments that run on the page, and a loader of the Web Workers' scripts.
   * Experiments that run in a worker are not in it (nor their data, nor tfjs).
   */
  experiments: string;
  /** Source files (library and npm) of the experiments script, relative to the project. */
  experimentsInputs: string[];
  /** One Web Worker per worker experiment, by experiment id: its script and its source files. */
  workers: Record<string, { text: string; inputs: string[] }>;
  /** Source files of `lib/` in the bundles, relative to the project. */
  libInputs: string[];
}

const EXPERIMENTS_DIR = join(HERE, "experiments");
const REGISTRY = join(EXPERIMENTS_DIR, "mod.ts");

/** Where an experiment of the registry is defined: its file and export name. */
interface ExperimentSource {
  id: string;
  worker: boolean;
  file: string;
  name: string;
}

/** Finds, for every experiment of the registry (in its order), the file and export that define it. */
async function experimentSources(): Promise<ExperimentSource[]> {
  const { experiments } = await import("./experiments/mod.ts");
  const found = new Map<unknown, { file: string; name: string }>();
  for (const entry of Deno.readDirSync(EXPERIMENTS_DIR)) {
    if (!/^\d\d_\w+\.ts$/.test(entry.name)) continue;
    const file = join(EXPERIMENTS_DIR, entry.name);
    const module = await import(toFileUrl(file));
    for (const [name, value] of Object.entries(module)) found.set(value, { file, name });
  }
  return experiments.map((e) => {
    const at = found.get(e);
    if (!at) {
      throw new Error(
        `Cannot bundle the experiment ${e.id}: no tools/book/experiments/NN_*.ts exports it`,
      );
    }
    return { id: e.id, worker: e.worker === true, ...at };
  });
}

function toFileUrl(path: string): string {
  return new URL(`file://${path}`).href;
}

/**
 * The registry `experiments/mod.ts` as one bundle sees it: the experiments it
 * runs, imported from their files, and, for the page, stand-ins of the worker
 * experiments (so that their files, data and tfjs stay out of the page's script).
 */
function registryModule(runs: ExperimentSource[], standIns: ExperimentSource[]): string {
  const ids = new Map([...runs, ...standIns].map((s) => [s.id, s]));
  const lines = runs.map((s, i) => `import { ${s.name} as e${i} } from ${JSON.stringify(s.file)};`);
  lines.push(
    `export { defaultParams, formatNumber } from ${
      JSON.stringify(join(EXPERIMENTS_DIR, "types.ts"))
    };`,
  );
  const list = [...ids.values()].map((s) => {
    const i = runs.indexOf(s);
    if (i >= 0) return `e${i}`;
    return `{ id: ${JSON.stringify(s.id)}, worker: true, run() {
  throw new Error("Cannot run experiment ${s.id} on the page: it runs in its Web Worker");
} }`;
  });
  lines.push(`export const experiments = [${list.join(", ")}];`);
  lines.push(`export function experimentById(id) {
  const found = experiments.find((e) => e.id === id);
  if (!found) throw new RangeError("Cannot find experiment: no experiment has the id " + id);
  return found;
}`);
  return lines.join("\n");
}

/** Replaces the registry imported by a client script by {@link registryModule}. */
function registryPlugin(runs: ExperimentSource[], standIns: ExperimentSource[]): esbuild.Plugin {
  return {
    name: "registry",
    setup(build) {
      build.onResolve({ filter: /experiments\/mod\.ts$/ }, (args) => {
        if (join(args.resolveDir, args.path) !== REGISTRY) return undefined;
        return { path: REGISTRY, namespace: "registry" };
      });
      build.onLoad({ filter: /.*/, namespace: "registry" }, () => ({
        contents: registryModule(runs, standIns),
        loader: "js",
        resolveDir: EXPERIMENTS_DIR,
      }));
    },
  };
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
 * The script that hands a worker's source to the page (`assets/worker-<id>.js`):
 * a `<script>` element loads it, which also works from `file://`, where a page
 * cannot start a Web Worker from a file or fetch one; the page starts the worker
 * from a Blob URL of the source.
 */
export function workerScript(id: string, source: string): string {
  return `(globalThis.BOOK_WORKERS ??= {})[${JSON.stringify(id)}] = ${JSON.stringify(source)};\n`;
}

/**
 * Builds the page script, the experiments script and one Web Worker per worker
 * experiment (with only that experiment, its library files and its data).
 *
 * @throws {Error} When a bundled file imports a `node:` module or the output refers to `Deno`.
 */
export async function bundleClient(): Promise<ClientBundle> {
  const sources = await experimentSources();
  try {
    const page = await bundle(join(HERE, "client/page.ts"), {});
    const workers: ClientBundle["workers"] = {};
    for (const s of sources.filter((s) => s.worker)) {
      workers[s.id] = await bundle(join(HERE, "client/worker.ts"), {}, undefined, [
        registryPlugin([s], []),
        dataPlugin("worker"),
      ]);
    }
    const main = await bundle(join(HERE, "client/experiments.ts"), {}, undefined, [
      registryPlugin(sources.filter((s) => !s.worker), sources.filter((s) => s.worker)),
      dataPlugin("page"),
    ]);
    const outputs = [
      ["page script", page.text],
      ["experiments script", main.text],
      ...Object.entries(workers).map(([id, w]) => [`worker of ${id}`, w.text]),
    ];
    for (const [name, text] of outputs) {
      const found = denoOnlyApis(text);
      if (found.length > 0) {
        throw new Error(
          `Cannot bundle the book's ${name}: it uses Deno-only APIs: ${found.join(", ")}`,
        );
      }
    }
    const libInputs = libFiles([
      ...main.inputs,
      ...Object.values(workers).flatMap((w) => w.inputs),
    ]);
    const relative = (inputs: string[]) =>
      inputs.map((p) => p.replace(/^.*?(?=(lib|tools|node_modules)\/)/, ""));
    return {
      page: page.text,
      experiments: main.text,
      experimentsInputs: relative(main.inputs),
      workers: Object.fromEntries(
        Object.entries(workers).map((
          [id, w],
        ) => [id, { text: w.text, inputs: relative(w.inputs) }]),
      ),
      libInputs,
    };
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
