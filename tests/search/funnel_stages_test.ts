import assert from "node:assert/strict";
import {
  createCorpus,
  funnelSearch,
  funnelStages,
  RANKING_FEATURE_NAMES,
  type RankingFeatures,
  tokenize,
} from "@lib/search/mod.ts";

const corpus = createCorpus([
  { title: "Richard Nixon", body: "We ended the war in Vietnam and opened China.", year: 1973 },
  { title: "Jimmy Carter", body: "The energy crisis is a war we must win at home.", year: 1979 },
  {
    title: "Gerald R Ford",
    body: "Inflation is public enemy number one, and energy too.",
    year: 1975,
  },
  {
    title: "Ronald Reagan",
    body: "Government is not the solution to our energy problem.",
    year: 1981,
  },
  { title: "Richard Nixon", body: "Energy independence by the end of this decade.", year: 1974 },
]);
const F = RANKING_FEATURE_NAMES.length;
// A ranker that mixes features so that its order differs from BM25's.
const score = (x: RankingFeatures) =>
  Array.from({ length: x.numRows }, (_, r) => x.values[r * F + 2] * 3 + x.values[r * F + 6]);

Deno.test("funnelStages() ranks the selected candidates as funnelSearch does", () => {
  for (const query of ["energy war", "Richard Nixon energy", "inflation", "china"]) {
    for (const candidates of [1, 2, 5]) {
      const q = tokenize(query);
      const stages = funnelStages(corpus, score, { candidates });
      const selected = stages.select(q);
      assert.ok(selected.length <= candidates);
      const ranked = stages.rank(q, selected);
      assert.deepEqual([...ranked].sort(), [...selected].sort()); // a reordering
      const k = Math.max(1, Math.min(3, selected.length));
      assert.deepEqual(
        [...ranked.slice(0, k)],
        [...funnelSearch(corpus, q, score, { candidates, k }).docIds].slice(0, k),
        `${query}, ${candidates} candidates`,
      );
    }
  }
});

Deno.test("funnelStages() ranks any candidate list, not only the selector's", () => {
  const stages = funnelStages(corpus, score);
  const ranked = stages.rank(tokenize("Richard Nixon"), [1, 4, 0]);
  // The title coverage feature puts Nixon's passages (0 and 4) first.
  assert.deepEqual(new Set(ranked.slice(0, 2)), new Set([0, 4]));
});

Deno.test("funnelStages() rejects bad input", () => {
  assert.throws(() => funnelStages(corpus, score, { candidates: 0 }), {
    message: "Cannot build funnelStages: candidates must be at least 1, got 0",
  });
  const bad = funnelStages(corpus, () => [1]);
  assert.throws(() => bad.rank(tokenize("energy"), [0, 1]), {
    message: "Cannot rank with funnelStages: score must return 2 scores, got 1",
  });
});
