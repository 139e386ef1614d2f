// Prints the result of setupTf() as JSON after one tensor operation on each backend. With the
// argument "no-wasm", WebAssembly instantiation fails first, to exercise the cpu fallback.
import { setupTf, tf } from "@lib/tf/mod.ts";

if (Deno.args.includes("no-wasm")) {
  Object.assign(WebAssembly, {
    instantiate: () => Promise.reject(new Error("WebAssembly disabled for the test")),
  });
}
const backend = Deno.args.includes("cpu") ? "cpu" : "wasm";
const first = await setupTf({ backend });
const again = await setupTf({ backend });
const sum = tf.tidy(() => tf.add(tf.ones([2]), tf.ones([2])).dataSync()[0]);
console.log(JSON.stringify({ first, again, sum, cwd: Deno.cwd() }));
