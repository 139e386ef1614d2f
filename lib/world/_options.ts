import { raise } from "../_shared/validate.ts";

/**
 * Throws a RangeError when `options` has a key outside `known`, so that a typo
 * such as `{ numUser: 10 }` fails loudly instead of being ignored.
 */
export function assertKnownOptions(
  options: object | undefined,
  known: readonly string[],
  context: string,
  name = "options",
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object") {
    raise(
      "type",
      context,
      `${name} must be an object, got ${options === null ? "null" : typeof options}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const accepted = known.length === 0
        ? "none are accepted"
        : `known options are ${known.map((k) => JSON.stringify(k)).join(", ")}`;
      raise("range", context, `unknown option ${JSON.stringify(key)} in ${name}; ${accepted}`);
    }
  }
}
