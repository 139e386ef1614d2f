import { pairNormal } from "./_hash.ts";
import type { World } from "./types.ts";

/**
 * The true logit split into a per-session part (user and context) and a
 * per-candidate part (item, affinity, freshness, taste), as closures over the
 * world's arrays so that the simulation loop allocates nothing.
 */
export function truthKernel(world: World) {
  const t = world.truth, K = world.numTopics;
  const z = t.userInterests, m = t.itemTopicMix, createdAt = world.items.createdAt;
  const shiftHour = t.shiftDay * 24;
  return {
    /** User and context part of the logit, constant within a session. */
    context(user: number, hour: number, weekday: number, device: number): number {
      return t.baseLogit + t.userEffect[user] + t.hourEffect[hour] + t.weekdayEffect[weekday] +
        t.deviceEffect[device];
    },
    /** Item part of the logit for `user` at `time` (hours since day 0). */
    item(user: number, item: number, time: number): number {
      let dot = 0;
      const zu = user * K, mi = item * K;
      for (let k = 0; k < K; k++) dot += z[zu + k] * m[mi + k];
      const shift = time >= shiftHour ? t.itemShiftAffinity[item] : 0;
      const ageDays = (time - createdAt[item]) / 24;
      return t.itemEffect[item] + t.affinityScale * dot + shift - t.freshnessDecay * ageDays +
        t.pairNoiseSd * pairNormal(user, item, t.pairNoiseSalt);
    },
  };
}
