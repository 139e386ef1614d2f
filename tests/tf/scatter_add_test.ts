import assert from "node:assert/strict";
import { setupTf, tensorScatterAdd, tf } from "@lib/tf/mod.ts";

await setupTf();

const PREFIX = "Cannot compute tensorScatterAdd: ";

/** Calls tensorScatterAdd on fresh tensors and disposes them, whatever happens. */
function scatter(
  tensor: () => tf.Tensor,
  indices: () => tf.Tensor,
  updates: () => tf.Tensor,
): void {
  tf.tidy(() => {
    tensorScatterAdd(tensor(), indices(), updates());
  });
}

const table = () => tf.zeros([3, 2]);
const rows = () => tf.tensor2d([[2], [0]], [2, 1], "int32");
const ones = () => tf.ones([2, 2]);

Deno.test("tensorScatterAdd() adds whole rows and single elements", () => {
  const out = tf.tidy(() => [
    tensorScatterAdd(table(), rows(), ones()).arraySync(),
    tensorScatterAdd(table(), tf.tensor2d([[1, 1], [1, 1]], [2, 2], "int32"), tf.ones([2]))
      .arraySync(),
  ]);
  assert.deepEqual(out, [[[1, 1], [0, 0], [1, 1]], [[0, 0], [0, 2], [0, 0]]]);
});

Deno.test("tensorScatterAdd() rejects arguments that are not tensors", () => {
  const notTensor = () => [[0, 0]] as unknown as tf.Tensor;
  const cases: [string, () => void][] = [
    ["tensor", () => scatter(notTensor, rows, ones)],
    ["indices", () => scatter(table, notTensor, ones)],
    ["updates", () => scatter(table, rows, notTensor)],
  ];
  for (const [name, call] of cases) {
    assert.throws(call, {
      name: "TypeError",
      message: `${PREFIX}${name} must be a tf.Tensor`,
    });
  }
});

Deno.test("tensorScatterAdd() rejects a tensor that is not float32 or int32", () => {
  assert.throws(
    () => scatter(() => tf.zeros([3, 2], "bool"), rows, () => tf.ones([2, 2], "bool")),
    {
      name: "TypeError",
      message: `${PREFIX}tensor must be float32 or int32, got bool`,
    },
  );
});

Deno.test("tensorScatterAdd() rejects a scalar tensor", () => {
  assert.throws(() => scatter(() => tf.scalar(0), rows, () => tf.ones([2])), {
    name: "TypeError",
    message: `${PREFIX}tensor must have rank 1 or more, got a scalar`,
  });
});

Deno.test("tensorScatterAdd() rejects indices that are not int32", () => {
  assert.throws(() => scatter(table, () => tf.tensor2d([[2], [0]], [2, 1]), ones), {
    name: "TypeError",
    message: `${PREFIX}indices must be int32, got float32`,
  });
});

Deno.test("tensorScatterAdd() rejects indices that are not rank 2", () => {
  assert.throws(() => scatter(table, () => tf.tensor1d([2, 0], "int32"), ones), {
    name: "TypeError",
    message: `${PREFIX}indices must be a rank-2 tensor [n, r], got shape [2]`,
  });
});

Deno.test("tensorScatterAdd() rejects updates of another dtype than tensor", () => {
  assert.throws(() => scatter(table, rows, () => tf.ones([2, 2], "int32")), {
    name: "TypeError",
    message: `${PREFIX}updates must have tensor's dtype float32, got int32`,
  });
});

Deno.test("tensorScatterAdd() rejects index rows longer than tensor's rank or empty", () => {
  assert.throws(() => scatter(table, () => tf.zeros([2, 3], "int32"), () => tf.ones([2])), {
    name: "RangeError",
    message: `${PREFIX}indices must address 1 to 2 leading axes of tensor, got r = 3`,
  });
  assert.throws(() => scatter(table, () => tf.zeros([2, 0], "int32"), ones), {
    name: "RangeError",
    message: `${PREFIX}indices must address 1 to 2 leading axes of tensor, got r = 0`,
  });
});

Deno.test("tensorScatterAdd() rejects updates whose shape does not match indices and tensor", () => {
  assert.throws(() => scatter(table, rows, () => tf.ones([3, 2])), {
    name: "RangeError",
    message: `${PREFIX}updates must have shape [2,2] for indices [2,1] and tensor [3,2], got [3,2]`,
  });
  assert.throws(() => scatter(table, rows, () => tf.ones([2, 2, 1])), {
    name: "RangeError",
    message:
      `${PREFIX}updates must have shape [2,2] for indices [2,1] and tensor [3,2], got [2,2,1]`,
  });
});

Deno.test("tensorScatterAdd() leaks no tensors when it rejects its arguments", () => {
  const before = tf.memory().numTensors;
  assert.throws(() => scatter(table, rows, () => tf.ones([3, 2])), RangeError);
  assert.equal(tf.memory().numTensors, before);
});
