import { assertNumberArray, assertSameLength, raise } from "../_shared/validate.ts";
import { DEVICES, type World } from "./types.ts";

type Check = (v: number) => boolean;

function integerBelow(limit: number): Check {
  return (v) => Number.isInteger(v) && v >= 0 && v < limit;
}

/**
 * Checks that the named log columns are numeric arrays of one length and that
 * each holds valid values for `world` (ids in range, 0/1 outcomes, finite times).
 */
export function assertLogColumns(
  world: World,
  log: object,
  names: readonly string[],
  context: string,
): void {
  const checks: Record<string, [Check, string]> = {
    userId: [integerBelow(world.numUsers), `an integer in [0, ${world.numUsers})`],
    itemId: [integerBelow(world.numItems), `an integer in [0, ${world.numItems})`],
    device: [integerBelow(DEVICES.length), `an integer in [0, ${DEVICES.length})`],
    position: [integerBelow(Infinity), "a non-negative integer"],
    engaged: [(v) => v === 0 || v === 1, "0 or 1"],
    time: [Number.isFinite, "finite"],
    sessionId: [integerBelow(Infinity), "a non-negative integer"],
  };
  if (log === null || typeof log !== "object") raise("type", context, "log must be an object");
  const columns = log as Record<string, unknown>;
  let first: ArrayLike<number> | undefined;
  for (const name of names) {
    const col = columns[name];
    if (col === undefined) raise("type", context, `log must have a column ${JSON.stringify(name)}`);
    assertNumberArray(col, name, context);
    if (first === undefined) first = col;
    else assertSameLength(first, col, [names[0], name], context);
    const [ok, what] = checks[name] ?? [() => true, ""];
    for (let r = 0; r < col.length; r++) {
      if (!ok(col[r])) raise("range", context, `${name}[${r}] must be ${what}, got ${col[r]}`);
    }
  }
}
