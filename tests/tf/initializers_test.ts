import assert from "node:assert/strict";
import { createInitializers, type Initializer, setupTf, tf } from "@lib/tf/mod.ts";
import { createRng } from "@lib/random/mod.ts";

await setupTf();

const FAN_IN = 40, FAN_OUT = 30;
const draw = (init: Initializer) =>
  tf.tidy(() => Array.from(init.apply([FAN_IN, FAN_OUT]).dataSync()));

Deno.test("createInitializers() gives the same weights for the same seed and fresh ones per call", () => {
  const a = createInitializers({ seed: 1 }), b = createInitializers({ seed: 1 });
  const first = draw(a.glorotUniform());
  assert.deepEqual(first, draw(b.glorotUniform()));
  assert.notDeepEqual(first, draw(a.glorotUniform()));
  assert.notDeepEqual(first, draw(createInitializers({ seed: 2 }).glorotUniform()));
  const viaRng = createInitializers({ rng: createRng(1) });
  assert.deepEqual(draw(viaRng.glorotUniform()), first);
});

Deno.test("createInitializers() draws within the Glorot and He ranges", () => {
  const init = createInitializers({ seed: 3 });
  // Glorot & Bengio (2010): U(±√(6/(fan_in+fan_out))); He et al. (2015): U(±√(6/fan_in)).
  const glorot = Math.sqrt(6 / (FAN_IN + FAN_OUT)), he = Math.sqrt(6 / FAN_IN);
  assert.ok(draw(init.glorotUniform()).every((w) => Math.abs(w) <= glorot));
  assert.ok(draw(init.heUniform()).every((w) => Math.abs(w) <= he));
  // Normal variants are truncated at two standard deviations.
  assert.ok(draw(init.heNormal()).every((w) => Math.abs(w) <= 2 * Math.sqrt(2 / FAN_IN) + 1e-6));
  assert.ok(
    draw(init.glorotNormal()).every((w) =>
      Math.abs(w) <= 2 * Math.sqrt(2 / (FAN_IN + FAN_OUT)) + 1e-6
    ),
  );
  const seeds = [init.nextSeed(), init.nextSeed()];
  assert.ok(seeds.every((s) => Number.isInteger(s) && s >= 0) && seeds[0] !== seeds[1]);
});

Deno.test("createInitializers() requires a seed or a generator", () => {
  assert.throws(
    () => createInitializers({}),
    new TypeError(
      "Cannot create seeded initializers: pass a seed or rng in the options (randomness is always seeded)",
    ),
  );
});
