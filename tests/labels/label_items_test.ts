import assert from "node:assert/strict";
import {
  dawidSkene,
  itemsForBudget,
  labelingReport,
  labelItems,
  majorityVote,
  simulateAnnotations,
} from "@lib/labels/mod.ts";

const crowd = [0.6, 0.7, 0.8].map((accuracy, i) => ({
  name: `crowd ${i}`,
  accuracy,
  costPerLabel: 1,
}));
const yTrue = Array.from({ length: 40 }, (_, i) => i % 2);

Deno.test("labelItems() equals simulateAnnotations followed by the chosen aggregation", () => {
  const table = simulateAnnotations(yTrue, crowd, { perItem: 3, nClasses: 2, seed: 5 });
  const vote = majorityVote(table, { seed: 5 }).labels;
  const ds = dawidSkene(table).labels;
  const a = labelItems(yTrue, { annotators: crowd, perItem: 3, aggregation: "majority" }, {
    seed: 5,
  });
  const b = labelItems(yTrue, { annotators: crowd, perItem: 3, aggregation: "dawidSkene" }, {
    seed: 5,
  });
  assert.deepEqual([...a.labels], [...vote]);
  assert.deepEqual([...b.labels], [...ds]);
  assert.deepEqual(a.report, labelingReport(yTrue, vote, table));
});

Deno.test("labelItems() charges perItem labels per item", () => {
  const out = labelItems(yTrue, { annotators: crowd, perItem: 2, aggregation: "majority" }, {
    seed: 1,
  });
  assert.equal(out.report.labelsPerItem, 2);
  assert.equal(out.report.totalCost, 2 * yTrue.length);
});

Deno.test("labelItems() rejects a bad strategy", () => {
  assert.throws(
    () =>
      labelItems(yTrue, { annotators: crowd, perItem: 4, aggregation: "majority" }, { seed: 1 }),
    /Cannot label items: strategy.perItem must be at most 3, got 4/,
  );
  assert.throws(
    () =>
      labelItems(yTrue, {
        annotators: crowd,
        perItem: 1,
        aggregation: "mode" as "majority",
      }, { seed: 1 }),
    /Cannot label items: strategy.aggregation must be one of/,
  );
  assert.throws(
    () => labelItems(yTrue, null as never, { seed: 1 }),
    /Cannot label items: strategy must be an object/,
  );
});

Deno.test("itemsForBudget() divides the budget by the cost per item, capped by the pool", () => {
  const specialist = { name: "specialist", accuracy: 0.97, costPerLabel: 10 };
  const one = { annotators: [specialist], perItem: 1, aggregation: "majority" as const };
  assert.equal(itemsForBudget(250, one, 1000), 25); // 250 / 10
  assert.equal(itemsForBudget(99, one, 1000), 9);
  assert.equal(itemsForBudget(1e6, one, 1000), 1000);
  const three = { annotators: crowd, perItem: 3, aggregation: "majority" as const };
  assert.equal(itemsForBudget(250, three, 1000), 83); // floor(250 / 3)
  assert.equal(itemsForBudget(0, three, 1000), 0);
});

Deno.test("itemsForBudget() rejects bad input", () => {
  const free = {
    annotators: [{ name: "free", accuracy: 1, costPerLabel: 0 }],
    perItem: 1,
    aggregation: "majority" as const,
  };
  const three = { annotators: crowd, perItem: 3, aggregation: "majority" as const };
  assert.throws(() => itemsForBudget(-1, three, 10), /budget must be a finite number ≥ 0, got -1/);
  assert.throws(() => itemsForBudget(10, three, 1.5), /available must be an integer, got 1.5/);
  assert.throws(() => itemsForBudget(10, free, 10), /must cost more than 0 per item, got 0/);
});
