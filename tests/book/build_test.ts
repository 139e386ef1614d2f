import assert from "node:assert/strict";
import { buildBook } from "../../tools/book/build.ts";

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
