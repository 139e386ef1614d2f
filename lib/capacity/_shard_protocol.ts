/**
 * Messages between `runShardedJob` and its shard workers.
 *
 * @module
 */
import type { FlatTree } from "../models/forest/flat_tree.ts";

/** Loads a shard: its slice of the items and what to compute on them. */
export type ShardLoad =
  | { type: "load"; kind: "spin"; items: number; perItemMs: number }
  | {
    type: "load";
    kind: "forest";
    trees: FlatTree[];
    nOutputs: number;
    nFeatures: number;
    /** Rows of the slice, row-major. */
    data: Float64Array;
  };

/** Asks a loaded shard to score its slice once. */
export interface ShardScore {
  type: "score";
}

/** What a shard answers. */
export type ShardReply =
  | { type: "ready" }
  | { type: "scored"; computeMs: number; outputs: Float64Array }
  | { type: "error"; message: string };
