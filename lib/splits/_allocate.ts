import { raise } from "../_shared/validate.ts";
import { type Rng, shuffle } from "../random/mod.ts";
import { showKey } from "./_groups.ts";

const EPS = 1e-9;

/**
 * Controlled rounding of the table $n_c \cdot r_p$ (classes × parts): returns
 * integer counts with row sums $n_c$, every entry the floor or ceiling of
 * $n_c r_p$, and every column sum the floor or ceiling of $n r_p$. Such a
 * rounding always exists (Bacharach 1966); it is found as a flow: each class
 * hands its rows left over after the floors to distinct parts with a fractional
 * quota, and each part accepts first up to the floor of its summed fractions,
 * then up to its share of the target size `sizes[p]` (the largest-remainder
 * size of the whole split), then up to the ceiling. So the part sizes equal
 * `sizes` whenever the table allows it. The order in which parts are tried is
 * drawn from `rng`, so which part gets a spare row is random.
 */
export function allocateStratified(
  classCounts: readonly number[],
  ratios: readonly number[],
  sizes: readonly number[],
  rng: Rng,
): number[][] {
  const C = classCounts.length, P = ratios.length;
  const counts: number[][] = [];
  const open: number[][] = []; // parts with a fractional quota, per class
  const spare: number[] = [];
  const partFrac = new Array<number>(P).fill(0);
  for (let c = 0; c < C; c++) {
    const row: number[] = [];
    const candidates: number[] = [];
    for (let p = 0; p < P; p++) {
      const q = classCounts[c] * ratios[p];
      const f = Math.floor(q + EPS);
      row.push(f);
      if (q - f > EPS) {
        candidates.push(p);
        partFrac[p] += q - f;
      }
    }
    counts.push(row);
    open.push(shuffle(candidates, { rng }));
    spare.push(classCounts[c] - row.reduce((a, b) => a + b, 0));
  }
  // Flow: taken[c][p] = 1 when class c gives one spare row to part p.
  const taken = counts.map(() => new Uint8Array(P));
  const load = new Array<number>(P).fill(0);
  const given = new Array<number>(C).fill(0);
  const floors = partFrac.map((y) => Math.floor(y + EPS));
  const ceils = partFrac.map((y) => Math.ceil(y - EPS));
  const targets = sizes.map((s, p) => {
    const base = counts.reduce((sum, row) => sum + row[p], 0);
    return Math.min(Math.max(s - base, floors[p]), ceils[p]);
  });
  for (const cap of [floors, targets, ceils, partFrac.map(() => Infinity)]) {
    for (let c = 0; c < C; c++) {
      while (given[c] < spare[c] && augment(c, cap, open, taken, load)) given[c]++;
    }
  }
  for (let c = 0; c < C; c++) for (let p = 0; p < P; p++) counts[c][p] += taken[c][p];
  return counts;
}

/** One augmenting path from class `start` to a part with room (breadth-first). */
function augment(
  start: number,
  cap: number[],
  open: number[][],
  taken: Uint8Array[],
  load: number[],
): boolean {
  const C = taken.length, P = cap.length;
  const fromClass = new Int32Array(P).fill(-1); // class that reached part p
  const fromPart = new Int32Array(C).fill(-1); // part whose row class c would take back
  const seenClass = new Uint8Array(C);
  seenClass[start] = 1;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const c = queue[head];
    for (const p of open[c]) {
      if (taken[c][p] || fromClass[p] !== -1) continue;
      fromClass[p] = c;
      if (load[p] < cap[p]) {
        // Walk back: class → part edges become taken, part → class edges released.
        let part = p;
        for (;;) {
          const cls = fromClass[part];
          taken[cls][part] = 1;
          if (cls === start) break;
          part = fromPart[cls];
          taken[cls][part] = 0;
        }
        load[p]++;
        return true;
      }
      for (let c2 = 0; c2 < C; c2++) {
        if (taken[c2][p] && !seenClass[c2]) {
          seenClass[c2] = 1;
          fromPart[c2] = p;
          queue.push(c2);
        }
      }
    }
  }
  return false;
}

/**
 * Shared by the stratified split and stratified k-fold: checks class sizes,
 * allocates counts per class and part, and deals each class's shuffled rows.
 */
export function stratifiedParts(
  keys: readonly (string | number)[],
  members: readonly number[][],
  ratios: readonly number[],
  sizes: readonly number[],
  rng: Rng,
  context: string,
  unit: "parts" | "folds",
  partCount: number,
): number[][] {
  members.forEach((rows, c) => {
    if (rows.length < partCount) {
      const what = rows.length === 1 ? "1 member" : `${rows.length} members`;
      raise(
        "range",
        context,
        `class ${showKey(keys[c])} has ${what}, fewer than the ${partCount} ${unit} ` +
          `(every class needs at least one member per ${unit === "parts" ? "part" : "fold"})`,
      );
    }
  });
  const counts = allocateStratified(members.map((m) => m.length), ratios, sizes, rng);
  const parts: number[][] = ratios.map(() => []);
  members.forEach((rows, c) => {
    const order = shuffle(rows, { rng });
    let start = 0;
    counts[c].forEach((count, p) => {
      for (let j = start; j < start + count; j++) parts[p].push(order[j]);
      start += count;
    });
  });
  return parts;
}
