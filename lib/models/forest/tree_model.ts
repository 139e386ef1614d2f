/**
 * The serialisable form of a fitted tree ensemble and its validation.
 *
 * @module
 */
import { raise } from "../../_shared/validate.ts";
import type { FlatTree } from "./flat_tree.ts";

/**
 * A fitted tree ensemble as plain data: what `toSpec()` returns and
 * `TreeClassifier.fromSpec` / `TreeRegressor.fromSpec` accept. It survives
 * `structuredClone` and `postMessage` (typed arrays only), which is how the
 * shard workers of `lib/capacity` receive a model.
 */
export interface TreeModelSpec {
  /** What the trees predict. */
  kind: "classifier" | "regressor";
  /** Features per row. */
  nFeatures: number;
  /** Numbers per leaf: classes K (classifier) or 1 (regressor). */
  nOutputs: number;
  /** The trees; predictions are the mean over them. */
  trees: FlatTree[];
}

/** Throws unless `spec` is a structurally valid {@link TreeModelSpec} of the given kind. */
export function _checkSpec(spec: TreeModelSpec, kind: TreeModelSpec["kind"], context: string) {
  if (spec == null || typeof spec !== "object") raise("type", context, "spec must be an object");
  if (spec.kind !== kind) {
    raise("range", context, `spec.kind must be "${kind}", got ${JSON.stringify(spec.kind)}`);
  }
  if (!Array.isArray(spec.trees) || spec.trees.length === 0) {
    raise("range", context, "spec.trees must be a non-empty array");
  }
  if (!Number.isInteger(spec.nFeatures) || spec.nFeatures < 1) {
    raise("range", context, `spec.nFeatures must be a positive integer, got ${spec.nFeatures}`);
  }
  for (const [t, tree] of spec.trees.entries()) {
    const n = tree?.nodeCount;
    const ok = Number.isInteger(n) && n >= 1 && tree.feature instanceof Int32Array &&
      tree.feature.length === n && tree.left.length === n && tree.right.length === n &&
      tree.threshold.length === n && tree.value.length === n * spec.nOutputs &&
      tree.nOutputs === spec.nOutputs;
    if (!ok) raise("range", context, `spec.trees[${t}] is not a valid flat tree`);
    for (let i = 0; i < n; i++) {
      const f = tree.feature[i];
      if (f >= spec.nFeatures) {
        raise("range", context, `spec.trees[${t}] tests feature ${f} of ${spec.nFeatures}`);
      }
      // Children come after their parent, so every walk ends at a leaf.
      if (f >= 0 && !(tree.left[i] > i && tree.right[i] > i && tree.right[i] < n)) {
        raise("range", context, `spec.trees[${t}] has invalid children at node ${i}`);
      }
    }
  }
}
