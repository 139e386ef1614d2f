import assert from "node:assert/strict";
import { TABULAR_CATEGORY_EFFECTS, tabularTask } from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("tabularTask() follows the documented truth", () => {
  const task = tabularTask(300, { seed: 3, signal: 0.7 });
  task.rows.forEach(([amount, age, category, visits, flag], i) => {
    // z = s·(e_category + 1.2·flag·(±1 by age ≥ 45) + (1 or −0.5 by amount > 150) + 0.8·[visits ≥ 3] − 0.3)
    const z = 0.7 * (TABULAR_CATEGORY_EFFECTS[category] + 1.2 * flag * (age >= 45 ? 1 : -1) +
      (amount > 150 ? 1 : -0.5) + (visits >= 3 ? 0.8 : 0) - 0.3);
    assertClose(task.probability[i], 1 / (1 + Math.exp(-z)), { rel: 1e-12 });
  });
});

Deno.test("tabularTask() draws columns of the documented kinds", () => {
  const task = tabularTask(4000, { seed: 1, noise: 3 });
  assert.equal(task.rows.length, 4000);
  assert.ok(task.rows.every((r) => r.length === 8));
  const col = (k: number) => task.rows.map((r) => r[k]);
  assert.ok(col(0).every((v) => v > 0));
  assert.ok(col(1).every((v) => Number.isInteger(v) && v >= 18 && v <= 79));
  assert.ok(col(2).every((v) => Number.isInteger(v) && v >= 0 && v < 12));
  assert.ok(col(3).every((v) => Number.isInteger(v) && v >= 0));
  assert.ok(col(4).every((v) => v === 0 || v === 1));
  assert.ok(col(6).every((v) => Number.isInteger(v) && v >= 0 && v < 10));
  // Median of the log-normal amount is 100; the flag's share is 0.3 (4000 rows: sd ≈ 0.007).
  const amounts = col(0).sort((a, b) => a - b);
  assert.ok(Math.abs(Math.log(amounts[2000] / 100)) < 0.1, `median ${amounts[2000]}`);
  assertClose(col(4).reduce((a, b) => a + b, 0) / 4000, 0.3, { abs: 0.03 });
  assert.ok(task.y.every((v) => v === 0 || v === 1));
});

Deno.test("tabularTask() is reproducible from its seed", () => {
  assert.deepEqual(tabularTask(20, { seed: 5 }), tabularTask(20, { seed: 5 }));
  assert.notDeepEqual(tabularTask(20, { seed: 5 }).rows, tabularTask(20, { seed: 6 }).rows);
});

Deno.test("tabularTask() rejects invalid arguments", () => {
  assert.throws(() => tabularTask(0, { seed: 1 }), {
    name: "RangeError",
    message: "Cannot generate a tabular task: n must be at least 1, got 0",
  });
  assert.throws(() => tabularTask(5, { seed: 1, noise: -1 }), /noise must be at least 0, got -1/);
  assert.throws(() => tabularTask(5, { seed: 1, signal: -1 }), /signal must be at least 0/);
  assert.throws(() => tabularTask(5, {} as { seed: number }), TypeError);
});
