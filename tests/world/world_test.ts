import assert from "node:assert/strict";
import { createWorld, DEVICES } from "@lib/world/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("createWorld() gives identical worlds for one seed and different ones for two", () => {
  const a = createWorld({ numUsers: 100, numItems: 500 }, { seed: 3 });
  const b = createWorld({ numUsers: 100, numItems: 500 }, { seed: 3 });
  const c = createWorld({ numUsers: 100, numItems: 500 }, { seed: 4 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.truth.userInterests, c.truth.userInterests);
  assert.notDeepEqual(a.items.createdAt, c.items.createdAt);
  // A generator works as well as a seed.
  assert.deepEqual(
    createWorld({ numUsers: 10 }, { rng: createRng(5) }).users,
    createWorld({ numUsers: 10 }, { seed: 5 }).users,
  );
});

Deno.test("createWorld() has the requested sizes and the default ones", () => {
  const w = createWorld({}, { seed: 1 });
  assert.deepEqual(
    [w.numUsers, w.numAuthors, w.numItems, w.numTopics, w.numDays],
    [2000, 200, 5000, 8, 30],
  );
  const small = createWorld({ numUsers: 7, numAuthors: 3, numItems: 11, numTopics: 2 }, {
    seed: 1,
  });
  assert.equal(small.users.signupDay.length, 7);
  assert.equal(small.authors.followers.length, 3);
  assert.equal(small.items.author.length, 11);
  assert.equal(small.truth.itemTopicMix.length, 22);
  assert.ok(small.items.author.every((a) => a >= 0 && a < 3));
  assert.ok(small.items.topic.every((k) => k < 2));
});

Deno.test("createWorld() keeps users unchanged when only the catalogue size changes", () => {
  const a = createWorld({ numUsers: 40, numItems: 100 }, { seed: 9 });
  const b = createWorld({ numUsers: 40, numItems: 900 }, { seed: 9 });
  assert.deepEqual(a.users, b.users);
  assert.deepEqual(a.truth.userInterests, b.truth.userInterests);
});

Deno.test("createWorld() items arrive over the timeline in id order with valid topic mixes", () => {
  const w = createWorld({ numItems: 2000, numDays: 10, itemLifetimeDays: 5 }, { seed: 2 });
  const { createdAt } = w.items;
  for (let i = 1; i < w.numItems; i++) assert.ok(createdAt[i] >= createdAt[i - 1]);
  assert.ok(createdAt[0] >= -5 * 24 && createdAt[w.numItems - 1] < 10 * 24);
  // Items keep arriving: every day of the timeline gets new posts (cold start).
  const perDay = new Set(Array.from(createdAt, (t) => Math.floor(t / 24)));
  for (let d = 0; d < 10; d++) assert.ok(perDay.has(d), `no post created on day ${d}`);
  const K = w.numTopics, mix = w.truth.itemTopicMix;
  for (let i = 0; i < w.numItems; i++) {
    let sum = 0, best = 0;
    for (let k = 0; k < K; k++) {
      sum += mix[i * K + k];
      if (mix[i * K + k] > mix[i * K + best]) best = k;
    }
    assertClose(sum, 1, { abs: 1e-12 });
    assert.equal(w.items.topic[i], best);
  }
});

Deno.test("createWorld() makes a share of users sign up during the timeline", () => {
  const w = createWorld({ numUsers: 4000, newUserShare: 0.25 }, { seed: 1 });
  const share = w.users.signupDay.filter((d) => d > 0).length / w.numUsers;
  // Binomial(4000, 0.25): SE = sqrt(0.25·0.75/4000) ≈ 0.0068; 4 SE.
  assertClose(share, 0.25, { abs: 4 * Math.sqrt(0.25 * 0.75 / 4000) });
  assert.ok(w.users.signupDay.every((d) => d < w.numDays));
  assert.ok(w.users.primaryDevice.every((d) => d < DEVICES.length));
});

Deno.test("createWorld() lets better authors have more followers", () => {
  const w = createWorld({ numAuthors: 2000 }, { seed: 1 });
  const q = w.truth.authorQuality, f = w.authors.followers;
  let num = 0, sq = 0, sf = 0;
  const mq = q.reduce((s, v) => s + v) / q.length;
  const lf = Array.from(f, (v) => Math.log1p(v)), mf = lf.reduce((s, v) => s + v) / lf.length;
  for (let a = 0; a < q.length; a++) {
    num += (q[a] - mq) * (lf[a] - mf);
    sq += (q[a] - mq) ** 2;
    sf += (lf[a] - mf) ** 2;
  }
  // log followers = 5 + 1.2·quality + N(0, 1) with quality ~ N(0, 0.5): correlation 0.6/√1.36 ≈ 0.51.
  assertClose(num / Math.sqrt(sq * sf), 0.51, { abs: 0.06 });
});

Deno.test("createWorld() seasonality option sets the daily and weekly logit effects", () => {
  const flat = createWorld({ numUsers: 5, seasonality: { daily: 0, weekly: 0 } }, { seed: 1 });
  assert.ok(flat.truth.hourEffect.every((v) => v === 0));
  assert.ok(flat.truth.weekdayEffect.every((v) => v === 0));
  const w = createWorld({ numUsers: 5, seasonality: { daily: 0.5, weekly: 0.4 } }, { seed: 1 });
  // sin(2π(h − 14)/24) peaks at h = 20; cos(2π(d − 5.5)/7) is largest at d = 5 and 6.
  assertClose(w.truth.hourEffect[20], 0.5);
  assertClose(w.truth.hourEffect[8], -0.5);
  assert.ok(w.truth.weekdayEffect[5] > w.truth.weekdayEffect[2]);
  assertClose(w.truth.weekdayEffect[5], 0.4 * Math.cos(Math.PI / 7));
});

Deno.test("createWorld() shift changes the topic mix of posts created from the shift day", () => {
  const topicWeights = [20, 1, 1, 1];
  const w = createWorld({
    numTopics: 4,
    numItems: 6000,
    numDays: 20,
    shift: { day: 10, topicWeights },
  }, { seed: 4 });
  const share = (from: number, to: number) => {
    let n = 0, k0 = 0;
    for (let i = 0; i < w.numItems; i++) {
      const t = w.items.createdAt[i];
      if (t >= from && t < to) {
        n++;
        if (w.items.topic[i] === 0) k0++;
      }
    }
    return k0 / n;
  };
  assert.ok(share(0, 240) < 0.4, `before: ${share(0, 240)}`);
  assert.ok(share(240, 480) > 0.6, `after: ${share(240, 480)}`);
});

Deno.test("createWorld() shift.interestDelta adds the shifted affinity from the shift day", () => {
  const w = createWorld({
    numTopics: 3,
    numItems: 50,
    affinityScale: 2,
    shift: { day: 5, interestDelta: [1, 0, -1] },
  }, { seed: 4 });
  const m = w.truth.itemTopicMix;
  for (let i = 0; i < 50; i++) {
    assertClose(w.truth.itemShiftAffinity[i], 2 * (m[i * 3] - m[i * 3 + 2]));
  }
  assert.equal(w.truth.shiftDay, 5);
  assert.equal(createWorld({ numUsers: 5 }, { seed: 1 }).truth.shiftDay, Infinity);
});

Deno.test("createWorld() rejects sizes below 1 with a message naming the option", () => {
  for (const name of ["numUsers", "numAuthors", "numItems", "numTopics", "numDays"]) {
    assert.throws(
      () => createWorld({ [name]: 0 }, { seed: 1 }),
      { name: "RangeError", message: `Cannot create a world: ${name} must be at least 1, got 0` },
    );
  }
  assert.throws(
    () => createWorld({ numUsers: -5 }, { seed: 1 }),
    /numUsers must be at least 1, got -5/,
  );
  assert.throws(
    () => createWorld({ numUsers: 2.5 }, { seed: 1 }),
    /numUsers must be an integer, got 2.5/,
  );
});

Deno.test("createWorld() rejects unknown options and bad knobs", () => {
  assert.throws(
    // @ts-expect-error: a typo on purpose
    () => createWorld({ numUser: 10 }, { seed: 1 }),
    {
      name: "RangeError",
      message:
        /^Cannot create a world: unknown option "numUser" in options; known options are "numUsers", /,
    },
  );
  assert.throws(
    // @ts-expect-error: a typo on purpose
    () => createWorld({ seasonality: { dayly: 1 } }, { seed: 1 }),
    /unknown option "dayly" in seasonality/,
  );
  assert.throws(
    () => createWorld({ newUserShare: 1.5 }, { seed: 1 }),
    /newUserShare must be at most 1/,
  );
  assert.throws(
    () => createWorld({ positionBiasPower: -1 }, { seed: 1 }),
    /positionBiasPower must be at least 0/,
  );
  assert.throws(
    () => createWorld({ seasonality: { daily: -1 } }, { seed: 1 }),
    /seasonality.daily must be at least 0/,
  );
  assert.throws(() => createWorld({}, {}), { name: "TypeError", message: /pass a seed or rng/ });
});

Deno.test("createWorld() validates the shift", () => {
  const shift = (s: object) => () =>
    createWorld({ numTopics: 3, numDays: 10, shift: s as never }, { seed: 1 });
  assert.throws(shift({ day: 11 }), /Cannot create a world: shift.day must be at most 10, got 11/);
  assert.throws(
    shift({ day: 2, interestDelta: [1, 2] }),
    /shift.interestDelta must be an array of numTopics=3 numbers/,
  );
  assert.throws(
    shift({ day: 2, topicWeights: [1, -1, 1] }),
    /shift.topicWeights\[1\] must be at least 0, got -1/,
  );
  assert.throws(
    shift({ day: 2, topicWeights: [0, 0, 0] }),
    /shift.topicWeights must have at least one positive weight/,
  );
  assert.throws(shift({ day: 2, when: 3 }), /unknown option "when" in shift/);
});
