/**
 * Internal: danfojs 1.1.2 `describe()` summarises every column whose dtype is
 * not `string`, so a `datetime` column (from `dateColumns` or a dataset with
 * dates) makes it throw inside mathjs ("Cannot calculate mean, unexpected type
 * of argument (type: Date …)"). This wraps it to leave `datetime` columns out,
 * as pandas does by default. Installed once by `@lib/data/mod.ts`.
 *
 * @module
 */
import { DataFrame } from "danfojs";
import type { Frame } from "./_frame.ts";

const FIXED = Symbol.for("lib/data.describeSkipsDates");

type Describe = (this: Frame) => Frame;

/** Makes `DataFrame.prototype.describe` skip `datetime` columns (idempotent). */
export function fixDescribe(): void {
  // `DataFrame` is danfojs' browser subclass; its parent is the base class whose
  // prototype carries `describe` for every frame, including `groupby` results.
  const base = Object.getPrototypeOf(DataFrame.prototype) as Record<PropertyKey, unknown>;
  if (base[FIXED]) return;
  const original = base.describe as Describe;
  const describe: Describe = function () {
    const keep = this.columns.filter((_, j) => this.dtypes[j] !== "datetime");
    if (keep.length === this.columns.length) return original.call(this);
    return original.call(this.loc({ columns: keep }));
  };
  Object.defineProperty(base, "describe", { value: describe, configurable: true, writable: true });
  Object.defineProperty(base, FIXED, { value: true });
}
