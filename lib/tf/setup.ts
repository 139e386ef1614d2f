import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { assertOneOf, raise } from "../_shared/validate.ts";
import { setWasmKernelPatches } from "./patches.ts";

/** Options of {@link setupTf}. */
export interface SetupTfOptions {
  /** Backend to run on; `"cpu"` is also the fallback when wasm cannot start. @default "wasm" */
  backend?: "wasm" | "cpu";
  /**
   * Multithreaded wasm. Only `false` is accepted: under Deno, tfjs takes the process for Node,
   * disables threads, and its worker loading (a `blob:` URL given to a Node worker) fails.
   * @default false
   */
  threads?: false;
  /** Register the corrected wasm kernels (see `setWasmKernelPatches`). @default true */
  patches?: boolean;
}

/** What {@link setupTf} set up. */
export interface TfSetup {
  /** The backend that runs. */
  backend: "wasm" | "cpu";
  /** Whether the wasm binary with SIMD instructions runs (false on cpu). */
  simd: boolean;
  /** Whether wasm runs multithreaded (always false, see {@link SetupTfOptions.threads}). */
  threads: boolean;
  /** Whether the corrected wasm kernels are registered. */
  patches: boolean;
}

const CONTEXT = "set up TensorFlow.js";
const NODE_BANNER_FLAG = "firstUse";
const STATE_KEY = Symbol.for("mlsd.tf.setup");

// Process-wide facts (tfjs itself is process-wide): whether the wasm paths were set, and why
// wasm failed to start if it did (tfjs-backend-wasm cannot retry after a failed start).
interface SetupState {
  pathsSet: boolean;
  wasmFailure?: string;
}

function state(): SetupState {
  const g = globalThis as unknown as Record<symbol, SetupState | undefined>;
  return (g[STATE_KEY] ??= { pathsSet: false });
}

/**
 * The folder holding tfjs-backend-wasm's `.wasm` files, as a `file:` URL string ending in `/`:
 * resolved from the installed package, so it does not depend on the working directory.
 *
 * @returns The folder URL.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wasmBinaryFolder } from "@lib/tf/mod.ts";
 * assert.match(wasmBinaryFolder(), /^file:.*tfjs-backend-wasm.*\/$/);
 * ```
 */
export function wasmBinaryFolder(): string {
  try {
    return new URL("./", import.meta.resolve("@tensorflow/tfjs-backend-wasm")).href;
  } catch {
    return new URL("../../node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url).href;
  }
}

// tfjs-backend-cpu prints "Hi, looks like you are running TensorFlow.js in Node.js ... install
// our node backend" on its first tensor write when the IS_NODE flag is set, which it is under
// Deno. tfjs-node cannot be installed here, so the advice is wrong: mark the banner as shown.
function silenceNodeBanner(): void {
  const cpu = tf.findBackend("cpu") as unknown as Record<string, unknown> | null;
  if (cpu !== null && NODE_BANNER_FLAG in cpu) cpu[NODE_BANNER_FLAG] = false;
}

function pointWasmAtNodeModules(): void {
  if (state().pathsSet) return;
  // Under Deno tfjs-backend-wasm runs its Node code path, which reads the file with `fs`;
  // Emscripten's loader accepts a `file://` URL string there (`isFileURI` → `new URL`).
  setWasmPaths(wasmBinaryFolder());
  state().pathsSet = true;
}

// Starts wasm; on failure prints the one-line notice (once per process) and returns false.
async function startWasm(): Promise<boolean> {
  if (state().wasmFailure !== undefined) return false;
  pointWasmAtNodeModules();
  // tfjs logs a failed initialisation with console.warn (message and stack); collect it so that
  // the fallback says one line.
  const messages: string[] = [];
  const warn = console.warn;
  console.warn = (...parts: unknown[]) => void messages.push(parts.map(String).join(" "));
  let ok = false;
  let reason = "";
  try {
    ok = await tf.setBackend("wasm");
    reason = messages.slice(1).join(" ").split("\n")[0] || messages[0] || "unknown error";
  } catch (error) {
    reason = String(error);
  } finally {
    console.warn = warn;
  }
  if (!ok) {
    state().wasmFailure = reason;
    console.warn(`TensorFlow.js: the wasm backend did not start (${reason}); using cpu.`);
  }
  return ok;
}

/**
 * Selects and initialises the TensorFlow.js backend for the book: wasm (single-threaded, SIMD)
 * with the `.wasm` files loaded from `node_modules`, corrected wasm kernels registered, and cpu
 * as fallback with a one-line notice. Works under `deno run`, `deno test` and the Jupyter kernel
 * (any working directory). Idempotent: calling it again returns the current setup, switching
 * backend or kernels only where the options differ. Also silences tfjs's banner recommending
 * the Node backend.
 *
 * @param options See {@link SetupTfOptions}.
 * @returns The backend that runs, and whether SIMD, threads and the kernel patches are on.
 * @throws {RangeError} If `backend` is not `"wasm"` or `"cpu"`, or `threads` is not `false`.
 * @throws {TypeError} If `patches` is not a boolean.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * const setup = await setupTf();
 * assert.equal(setup.backend, tf.getBackend());
 * assert.deepEqual(await setupTf(), setup);
 * ```
 */
export async function setupTf(options: SetupTfOptions = {}): Promise<TfSetup> {
  const { backend = "wasm", threads = false, patches = true } = options;
  assertOneOf(backend, ["wasm", "cpu"], "backend", CONTEXT);
  if (threads !== false) {
    raise(
      "range",
      CONTEXT,
      `threads must be false (multithreaded wasm does not start under Deno), got ${threads}`,
    );
  }
  if (typeof patches !== "boolean") {
    raise("type", CONTEXT, `patches must be a boolean, got ${typeof patches}`);
  }
  setWasmKernelPatches(patches);
  silenceNodeBanner();
  let running: "wasm" | "cpu" = "cpu";
  if (backend === "wasm") {
    const alreadyRunning = tf.getBackend() === "wasm" && state().wasmFailure === undefined;
    if (alreadyRunning || await startWasm()) running = "wasm";
  }
  if (running === "cpu" && tf.getBackend() !== "cpu") await tf.setBackend("cpu");
  await tf.ready();
  const simd = running === "wasm" && (await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) === true;
  return { backend: running, simd, threads: false, patches };
}
