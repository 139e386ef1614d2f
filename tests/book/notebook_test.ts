import assert from "node:assert/strict";
import { libraryImports, type Notebook, titleAndGoals } from "../../tools/book/_notebook.ts";
import { renderChapter } from "../../tools/book/_page.ts";
import type { Experiment } from "../../tools/book/experiments/mod.ts";

const notebook: Notebook = {
  cells: [
    { cell_type: "markdown", id: "a", source: ["# 9 · A chapter\n", "\n", "You will learn $x$."] },
    {
      cell_type: "code",
      id: "b",
      source:
        'import { ndcgAtK, type Rng as R } from "@lib/metrics/mod.ts";\nimport type { Figure } from "@lib/plot/figure.ts";\nimport { f } from "./local.ts";',
      metadata: { tags: ["parameters"] },
      outputs: [],
    },
    { cell_type: "markdown", id: "c", source: "## Section\n\ntext\n\n## Summary\n\nmore" },
    {
      cell_type: "code",
      id: "d",
      source: "1",
      metadata: { jupyter: { source_hidden: true } },
      outputs: [],
    },
  ],
};

Deno.test("titleAndGoals() reads the title and learning goals of the first markdown cell", () => {
  assert.deepEqual(titleAndGoals(notebook, "n"), {
    title: "9 · A chapter",
    goals: "You will learn $x$.",
  });
  assert.throws(() => titleAndGoals({ cells: [] }, "empty.ipynb"), {
    message: 'Cannot read empty.ipynb: its first markdown cell must start with a "# " title',
  });
});

Deno.test("libraryImports() lists the names imported from each lib module", () => {
  const used = libraryImports(notebook);
  assert.deepEqual([...used.keys()], ["metrics", "plot"]);
  assert.deepEqual([...used.get("metrics")!], ["ndcgAtK", "Rng"]);
});

Deno.test("renderChapter() places experiments after their cell, else at the end", () => {
  const experiment = (id: string, afterCell?: string, beforeHeading?: string): Experiment => ({
    id,
    chapter: "09",
    title: id,
    intro: "",
    afterCell,
    beforeHeading,
    controls: [],
    run: () => {
      throw new Error("not run at build time");
    },
  });
  const { body, headings } = renderChapter(
    { stem: "09", notebook, title: "9 · A chapter", goals: "" },
    [
      experiment("late"),
      experiment("early", "b"),
      experiment("lost", "no-such-cell"),
      experiment("summary", undefined, "Summary"),
    ],
    new Set(["metrics"]),
  );
  const at = (s: string) => body.indexOf(s);
  assert.ok(
    at('data-experiment="early"') > at('id="cell-b"') &&
      at('data-experiment="early"') < at('id="section"'),
  );
  assert.ok(at('data-experiment="late"') > at('id="cell-d"'));
  const summary = at('data-experiment="summary"');
  assert.ok(summary > at('id="section"') && summary < at('id="summary"'), "before its heading");
  assert.ok(at('data-experiment="lost"') > at('id="cell-d"'));
  assert.match(
    body,
    /<a class="api-link" href="api\/metrics\.html">&quot;@lib\/metrics\/mod\.ts&quot;<\/a>/,
  );
  assert.ok(!body.includes('href="api/plot.html"'), "modules without an API page are not linked");
  assert.match(body, /<details class="hidden-source">/);
  assert.match(body, /<span class="cell-label">parameters<\/span>/);
  assert.deepEqual(headings.map((h) => h.id), [
    "9-a-chapter",
    "section",
    "summary",
    "live-experiments",
  ]);
});
