import assert from "node:assert/strict";
import { buildBook, plotlyFile } from "../../tools/book/build.ts";

Deno.test({
  name: "buildBook() stops, naming the notebook, when a notebook has no executed copy",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const out = await Deno.makeTempDir({ prefix: "book-" });
  const log = console.log;
  console.log = () => {};
  try {
    await assert.rejects(
      buildBook({ notebooks: ["notebooks/99_missing.ipynb"], out, executed: false }),
      {
        message:
          "Cannot build the book: 99_missing.ipynb has no executed copy in out/notebooks/ (see the runner's output above)",
      },
    );
  } finally {
    console.log = log;
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("plotlyFile() serves plotly.js's cartesian bundle unless a figure needs another trace", () => {
  const cartesian = plotlyFile(["scatter", "bar", "heatmap"]);
  assert.match(cartesian, /plotly-cartesian\.min\.js$/);
  assert.match(plotlyFile([]), /plotly-cartesian\.min\.js$/);
  const full = plotlyFile(["scatter", "scatter3d"]);
  assert.match(full, /plotly\.js-dist-min\/plotly\.min\.js$/);
  // The cartesian bundle registers the traces it is chosen for, and is the smaller file.
  const text = Deno.readTextFileSync(cartesian);
  for (const t of ["bar", "heatmap", "scatter"]) assert.ok(text.includes(`name:"${t}"`), t);
  assert.ok(Deno.statSync(cartesian).size < Deno.statSync(full).size / 2);
});
