import assert from "node:assert/strict";
import {
  bundleClient,
  bundleModules,
  denoOnlyApis,
  workerScript,
} from "../../tools/book/_bundle.ts";
import { experiments } from "../../tools/book/experiments/mod.ts";

Deno.test({
  name: "bundleClient() bundles the experiments for the browser with no Deno-only APIs",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const bundle = await bundleClient();
  const workers = Object.entries(bundle.workers);
  for (const text of [bundle.page, bundle.experiments, ...workers.map(([, w]) => w.text)]) {
    assert.deepEqual(denoOnlyApis(text), []);
    assert.ok(!text.includes("playwright"), "the PNG renderer stays out of the bundle");
  }
  // The library itself is in the bundle (not a copy): the experiments' modules are listed.
  for (
    const file of [
      "lib/metrics/threshold_search.ts",
      "lib/capacity/sla.ts",
      "lib/experiment/peeking.ts",
    ]
  ) {
    assert.ok(bundle.libInputs.includes(file), file);
  }
  assert.ok(!bundle.libInputs.includes("lib/plot/renderer.ts"));
  assert.ok(!bundle.libInputs.includes("lib/plot/bundle.ts"));
  // One worker per worker experiment, holding that experiment only.
  assert.deepEqual(
    workers.map(([id]) => id).sort(),
    experiments.filter((e) => e.worker).map((e) => e.id).sort(),
  );
  const inputs = (id: string) => bundle.workers[id].inputs;
  assert.ok(inputs("transfer-size").includes("tools/book/experiments/06_transfer_learning.ts"));
  assert.ok(!inputs("transfer-size").includes("tools/book/experiments/05_embeddings.ts"));
  // The page's thread runs no tfjs: it is in chapter 6's worker only.
  const tfjs = (files: string[]) => files.some((f) => f.includes("@tensorflow/tfjs-core/"));
  assert.ok(!tfjs(bundle.experimentsInputs), "no tfjs in the experiments script");
  assert.ok(tfjs(inputs("transfer-size")));
  assert.ok(!tfjs(inputs("exploration-rate")), "a worker without tfjs does not load it");
  // The page runs the light experiments itself, and none of the worker ones.
  assert.ok(bundle.experimentsInputs.includes("tools/book/experiments/01_setup.ts"));
  for (const file of ["05_embeddings.ts", "06_transfer_learning.ts", "03_data_collection.ts"]) {
    assert.ok(!bundle.experimentsInputs.includes(`tools/book/experiments/${file}`), file);
  }
  // Chapter 5's corpus is in its worker only, once: a phrase of the 2016 address.
  const phrase = "Tonight marks the eighth year";
  assert.equal(bundle.workers["word-neighbours"].text.split(phrase).length, 2);
  assert.ok(!bundle.experiments.includes(phrase));
  assert.ok(!bundle.workers["transfer-size"].text.includes(phrase));
  // Chapter 6's digits are written into its worker (gzipped), and the dataset reader is not.
  assert.ok(!bundle.libInputs.includes("lib/data/datasets.ts"), "no dataset reader in the browser");
  assert.match(bundle.workers["transfer-size"].text, /DecompressionStream\("gzip"\)/);
  assert.ok(bundle.libInputs.includes("lib/transfer/experiment.ts"));
});

Deno.test("workerScript() hands the worker's source to the page under its id", () => {
  const source = 'self.onmessage = () => postMessage("</script>");';
  const scope: { BOOK_WORKERS?: Record<string, string> } = {};
  new Function("globalThis", workerScript("an-id", source))(scope);
  assert.deepEqual(scope.BOOK_WORKERS, { "an-id": source });
});

/** Modules of lib/plot that display in Jupyter or render PNGs, so run in Deno only. */
const DENO_ONLY_PLOT = ["bundle.ts", "mod.ts", "renderer.ts", "show.ts"];

Deno.test({
  name:
    "every module of lib/plot but the Jupyter display bundles for the browser with no Deno APIs",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const files = [...Deno.readDirSync(new URL("../../lib/plot/", import.meta.url))]
    .map((e) => e.name)
    .filter((name) => name.endsWith(".ts") && !DENO_ONLY_PLOT.includes(name))
    .sort()
    .map((name) => `lib/plot/${name}`);
  assert.ok(files.includes("lib/plot/figure.ts") && files.length >= 15, String(files.length));
  const { text, libInputs } = await bundleModules(files);
  assert.deepEqual(denoOnlyApis(text), []);
  for (const file of files) assert.ok(libInputs.includes(file), file);
  // Figures load the renderer lazily, on display in Jupyter: it is not in the bundle.
  assert.ok(
    !libInputs.includes("lib/plot/renderer.ts") && !libInputs.includes("lib/plot/bundle.ts"),
  );
  assert.ok(!text.includes("playwright"));
  // The lazy import is the one place the display module is named.
  assert.deepEqual(text.match(/import\([^)]*\)/g), ['import("./bundle.ts")']);
});

Deno.test({
  name: "bundleModules() fails on a module that imports node: or the display module statically",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  await assert.rejects(() => bundleModules(["lib/plot/renderer.ts"]), /node:module/);
  await assert.rejects(
    () => bundleModules(["lib/plot/show.ts"]),
    /does not run in a browser|Deno only/,
  );
});

Deno.test("denoOnlyApis() finds Deno globals, node: modules and require calls", () => {
  assert.deepEqual(
    denoOnlyApis(`Deno.readFileSync("x"); import a from "node:fs"; require("fs"); Deno . env`),
    ["Deno.env", "Deno.readFileSync", "node:fs", 'require("fs")'],
  );
  assert.deepEqual(denoOnlyApis("const denominator = 1; // no Deno here"), []);
});
