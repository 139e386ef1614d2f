import assert from "node:assert/strict";
import { setupTf, tf, wasmBinaryFolder, wasmKernelPatchesEnabled } from "@lib/tf/mod.ts";

const deno = Deno.execPath();
const fixture = new URL("./_fixtures/setup_report.ts", import.meta.url);
const root = new URL("../../", import.meta.url);

/** Runs the fixture in a fresh process and returns its JSON report and its stderr. */
async function runFixture(args: string[], cwd: URL = root) {
  const config = new URL("deno.json", root).pathname;
  const { code, stdout, stderr } = await new Deno.Command(deno, {
    args: ["run", "-A", "--config", config, fixture.pathname, ...args],
    cwd: cwd.pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout), err = new TextDecoder().decode(stderr);
  assert.equal(code, 0, err);
  return { report: JSON.parse(out.trim().split("\n").at(-1)!), out, err };
}

Deno.test("setupTf() runs wasm with SIMD, single-threaded, patched, and is idempotent", async () => {
  const first = await setupTf();
  assert.deepEqual(first, { backend: "wasm", simd: true, threads: false, patches: true });
  assert.equal(tf.getBackend(), "wasm");
  assert.equal(wasmKernelPatchesEnabled(), true);
  assert.deepEqual(await setupTf(), first);
});

Deno.test("setupTf() switches backend and kernel patches when asked, and back", async () => {
  try {
    assert.deepEqual(await setupTf({ backend: "cpu" }), {
      backend: "cpu",
      simd: false,
      threads: false,
      patches: true,
    });
    assert.equal(tf.getBackend(), "cpu");
    assert.equal((await setupTf({ patches: false })).patches, false);
    assert.equal(wasmKernelPatchesEnabled(), false);
  } finally {
    await setupTf();
  }
  assert.equal(tf.getBackend(), "wasm");
  assert.equal(wasmKernelPatchesEnabled(), true);
});

Deno.test("setupTf() rejects unknown options with clear messages", async () => {
  await assert.rejects(
    () => setupTf({ backend: "webgl" as "cpu" }),
    new RangeError(
      'Cannot set up TensorFlow.js: backend must be one of "wasm", "cpu", got "webgl"',
    ),
  );
  await assert.rejects(
    () => setupTf({ threads: true as unknown as false }),
    new RangeError(
      "Cannot set up TensorFlow.js: threads must be false (multithreaded wasm does not start under Deno), got true",
    ),
  );
  await assert.rejects(
    () => setupTf({ patches: "yes" as unknown as boolean }),
    new TypeError("Cannot set up TensorFlow.js: patches must be a boolean, got string"),
  );
});

Deno.test("wasmBinaryFolder() points at the installed .wasm files", async () => {
  const folder = wasmBinaryFolder();
  assert.ok(folder.startsWith("file://") && folder.endsWith("/"));
  const stat = await Deno.stat(new URL("tfjs-backend-wasm-simd.wasm", folder));
  assert.ok(stat.size > 100_000);
});

Deno.test("a fresh process from the notebooks folder starts wasm without printing anything", async () => {
  const notebooks = new URL("notebooks/", root);
  const { report, err } = await runFixture([], notebooks);
  assert.equal(report.first.backend, "wasm");
  assert.deepEqual(report.again, report.first);
  assert.equal(report.sum, 2);
  assert.ok(report.cwd.endsWith("notebooks"));
  assert.equal(err, "");
});

Deno.test("on cpu, tfjs's banner recommending the Node backend is not printed", async () => {
  const { report, out, err } = await runFixture(["cpu"]);
  assert.equal(report.first.backend, "cpu");
  assert.doesNotMatch(out + err, /node backend|tfjs-node/);
});

Deno.test("when wasm cannot start, setupTf() falls back to cpu with one notice line", async () => {
  const { report, err } = await runFixture(["no-wasm"]);
  assert.deepEqual(report.first, { backend: "cpu", simd: false, threads: false, patches: true });
  assert.deepEqual(report.again, report.first);
  assert.equal(report.sum, 2);
  const lines = err.trim().split("\n");
  assert.equal(lines.length, 1, err);
  assert.match(
    lines[0],
    /^TensorFlow\.js: the wasm backend did not start \(.*WebAssembly disabled.*\); using cpu\.$/,
  );
});
