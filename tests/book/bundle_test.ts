import assert from "node:assert/strict";
import { bundleClient, denoOnlyApis } from "../../tools/book/_bundle.ts";

Deno.test({
  name: "bundleClient() bundles the experiments for the browser with no Deno-only APIs",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const bundle = await bundleClient();
  for (const text of [bundle.page, bundle.experiments, bundle.worker]) {
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
  assert.ok(bundle.experiments.includes(JSON.stringify(bundle.worker).slice(1, 200)));
});

Deno.test("denoOnlyApis() finds Deno globals, node: modules and require calls", () => {
  assert.deepEqual(
    denoOnlyApis(`Deno.readFileSync("x"); import a from "node:fs"; require("fs"); Deno . env`),
    ["Deno.env", "Deno.readFileSync", "node:fs", 'require("fs")'],
  );
  assert.deepEqual(denoOnlyApis("const denominator = 1; // no Deno here"), []);
});
