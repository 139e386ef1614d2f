import mt19937 from "@stdlib/random-base-mt19937";
import normalFactory from "@stdlib/random-base-normal";
import binomialFactory from "@stdlib/random-base-binomial";
import poissonFactory from "@stdlib/random-base-poisson";
import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";

/**
 * A seeded pseudorandom number generator (Mersenne Twister MT19937 from
 * `@stdlib`), with the draws the book needs. Every draw advances one shared
 * stream, so a sequence of calls is reproducible from the seed alone.
 */
export interface Rng {
  /** The seed the generator was created with. */
  readonly seed: number;
  /** A uniform draw from [0, 1) with 53 bits of resolution. */
  random(): number;
  /** A uniform integer from [min, max) (`min` inclusive, `max` exclusive). */
  int(min: number, max: number): number;
  /** A uniform draw from [min, max). */
  uniform(min: number, max: number): number;
  /** A normal draw with the given mean and standard deviation (`sd = 0` gives `mean`). */
  normal(mean?: number, sd?: number): number;
  /** A binomial draw: successes in `n` trials of probability `p` (`n = 0` gives 0). */
  binomial(n: number, p: number): number;
  /** A Poisson draw with mean `lambda`. */
  poisson(lambda: number): number;
  /** A Bernoulli draw: `true` with probability `p`. */
  bernoulli(p: number): boolean;
  /**
   * A new generator whose seed is drawn from this one: an independent stream
   * for a sub-task, so that adding draws to one part leaves the other alone.
   */
  fork(): Rng;
}

/** The largest seed MT19937 accepts: 2³² − 1. */
export const MAX_SEED = 4294967295;

/**
 * Creates a seeded generator. The same seed gives the same sequence on every
 * machine (MT19937 is fully specified and implemented in JavaScript).
 *
 * @param seed An integer in [0, 2³² − 1].
 * @returns A {@link Rng}.
 * @throws {RangeError} If `seed` is not an integer in range.
 *
 * @example Same seed, same sequence
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "@lib/random/mod.ts";
 * const a = createRng(42), b = createRng(42);
 * assert.equal(a.random(), b.random());
 * assert.equal(a.int(0, 10), b.int(0, 10));
 * ```
 */
export function createRng(seed: number): Rng {
  const context = "create a random number generator";
  assertInteger(seed, "seed", context, { min: 0, max: MAX_SEED });
  // The published types omit `normalized` (a [0, 1) draw with 53-bit resolution) on factory results.
  // @stdlib's MT19937 rejects the seed 0 (it accepts only positive integers), so 0 is
  // passed as the two-word seed array [0, 0] (init_by_array): a stream of its own.
  const base = mt19937.factory({ seed: seed === 0 ? [0, 0] : [seed] }) as
    & ReturnType<typeof mt19937.factory>
    & { normalized: () => number };
  const uniform01 = base.normalized;
  const normal = normalFactory.factory({ prng: uniform01 });
  const binomial = binomialFactory.factory({ prng: uniform01 });
  const poisson = poissonFactory.factory({ prng: uniform01 });
  const rng: Rng = {
    seed,
    random: () => uniform01(),
    int(min: number, max: number): number {
      assertInteger(min, "min", "draw a random integer");
      assertInteger(max, "max", "draw a random integer");
      if (max <= min) {
        raise(
          "range",
          "draw a random integer",
          `max must be greater than min: min=${min}, max=${max}`,
        );
      }
      return min + Math.floor(uniform01() * (max - min));
    },
    uniform(min: number, max: number): number {
      assertFiniteNumber(min, "min", "draw a uniform number");
      assertFiniteNumber(max, "max", "draw a uniform number");
      if (max < min) {
        raise("range", "draw a uniform number", `max must be at least min: min=${min}, max=${max}`);
      }
      return min + uniform01() * (max - min);
    },
    normal(mean = 0, sd = 1): number {
      assertFiniteNumber(mean, "mean", "draw a normal number");
      assertFiniteNumber(sd, "sd", "draw a normal number", { min: 0 });
      // @stdlib's sampler returns NaN for sd = 0; the distribution is then the point `mean`.
      return sd === 0 ? mean : normal(mean, sd);
    },
    binomial(n: number, p: number): number {
      assertInteger(n, "n", "draw a binomial number", { min: 0 });
      assertFiniteNumber(p, "p", "draw a binomial number", { min: 0, max: 1 });
      // @stdlib's sampler returns NaN for n = 0; zero trials have zero successes.
      return n === 0 ? 0 : binomial(n, p);
    },
    poisson(lambda: number): number {
      assertFiniteNumber(lambda, "lambda", "draw a Poisson number", { min: 0 });
      return lambda === 0 ? 0 : poisson(lambda);
    },
    bernoulli(p: number): boolean {
      assertFiniteNumber(p, "p", "draw a Bernoulli outcome", { min: 0, max: 1 });
      return uniform01() < p;
    },
    fork: () => createRng(base() % (MAX_SEED + 1)),
  };
  return rng;
}

/** Options accepted by every stochastic function: a seed or a generator. */
export interface RandomOptions {
  /** Seed for a new generator. Ignored when `rng` is given. */
  seed?: number;
  /** A generator to draw from (advanced by the call). */
  rng?: Rng;
}

/**
 * Returns `options.rng`, or a new generator from `options.seed`; throws when
 * neither is given, so that no result is silently unseeded.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveRng } from "@lib/random/mod.ts";
 * assert.equal(resolveRng({ seed: 7 }, "shuffle").seed, 7);
 * assert.throws(() => resolveRng({}, "shuffle"), /seed or rng/);
 * ```
 */
export function resolveRng(options: RandomOptions | undefined, context: string): Rng {
  if (options?.rng !== undefined) {
    if (typeof options.rng?.random !== "function") {
      raise("type", context, "rng must be a generator made by createRng()");
    }
    return options.rng;
  }
  if (options?.seed !== undefined) return createRng(options.seed);
  raise("type", context, "pass a seed or rng in the options (randomness is always seeded)");
}
