import { raise } from "../_shared/validate.ts";

/** A class label or group key: a string or a finite number. */
export type Key = string | number;

/**
 * Groups row indices by key, keys in order of first appearance. Missing keys
 * (`NaN`, `null`, `undefined`) and other types are errors.
 */
export function groupRows(
  values: unknown,
  name: string,
  context: string,
): { keys: Key[]; members: number[][]; n: number } {
  if (
    values == null || typeof values === "string" ||
    typeof (values as ArrayLike<unknown>).length !== "number"
  ) {
    raise("type", context, `${name} must be an array of strings or numbers`);
  }
  const list = values as ArrayLike<unknown>;
  if (list.length === 0) raise("range", context, `${name} must not be empty`);
  const index = new Map<Key, number>();
  const keys: Key[] = [];
  const members: number[][] = [];
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v === "number" ? !Number.isFinite(v) : v == null) {
      raise("range", context, `${name}[${i}] is missing or not finite, got ${v}`);
    }
    if (typeof v !== "number" && typeof v !== "string") {
      raise("type", context, `${name}[${i}] must be a string or a number, got ${typeof v}`);
    }
    let g = index.get(v);
    if (g === undefined) {
      g = keys.length;
      index.set(v, g);
      keys.push(v);
      members.push([]);
    }
    members[g].push(i);
  }
  return { keys, members, n: list.length };
}

/** Formats a key for an error message. */
export function showKey(key: Key): string {
  return typeof key === "string" ? JSON.stringify(key) : String(key);
}
