import { raise } from "../_shared/validate.ts";

/**
 * Labels collected from annotators in long format: entry `j` says that
 * annotator `annotator[j]` gave item `item[j]` the class `label[j]`. Classes
 * are integers 0 … nClasses − 1. Real annotations can be put in this shape
 * directly; {@link simulateAnnotations} returns a superset.
 */
export interface AnnotationTable {
  /** Number of items. */
  nItems: number;
  /** Number of classes (≥ 2). */
  nClasses: number;
  /** Number of annotators. */
  nAnnotators: number;
  /** The item of each label. */
  item: ArrayLike<number>;
  /** The annotator of each label. */
  annotator: ArrayLike<number>;
  /** The class given. */
  label: ArrayLike<number>;
}

function checkCount(value: unknown, name: string, min: number, context: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    raise("range", context, `annotations.${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return value;
}

/** Validates an annotation table; returns its sizes. */
export function checkTable(table: AnnotationTable, context: string) {
  if (table == null || typeof table !== "object") {
    raise(
      "type",
      context,
      "annotations must be an object { nItems, nClasses, nAnnotators, item, annotator, label }",
    );
  }
  const nItems = checkCount(table.nItems, "nItems", 1, context);
  const nClasses = checkCount(table.nClasses, "nClasses", 2, context);
  const nAnnotators = checkCount(table.nAnnotators, "nAnnotators", 1, context);
  const columns = [
    ["item", nItems],
    ["annotator", nAnnotators],
    ["label", nClasses],
  ] as const;
  for (const [name] of columns) {
    const col = table[name];
    if (col == null || typeof col.length !== "number") {
      raise("type", context, `annotations.${name} must be an array of integers`);
    }
  }
  const m = table.item.length;
  if (table.annotator.length !== m || table.label.length !== m) {
    raise(
      "range",
      context,
      `annotations.item, annotator and label must have the same length, got ${m}, ` +
        `${table.annotator.length} and ${table.label.length}`,
    );
  }
  for (const [name, bound] of columns) {
    const col = table[name];
    for (let j = 0; j < m; j++) {
      if (!Number.isInteger(col[j]) || col[j] < 0 || col[j] >= bound) {
        raise(
          "range",
          context,
          `annotations.${name}[${j}] must be an integer in [0, ${bound}), got ${col[j]}`,
        );
      }
    }
  }
  return { nItems, nClasses, nAnnotators, m };
}

/** Validates true labels: integers in [0, nClasses). */
export function checkClassLabels(
  labels: unknown,
  name: string,
  nClasses: number,
  context: string,
): ArrayLike<number> {
  if (
    labels == null || typeof (labels as ArrayLike<number>).length !== "number" ||
    typeof labels === "string"
  ) {
    raise("type", context, `${name} must be an array of class indices`);
  }
  const list = labels as ArrayLike<number>;
  for (let i = 0; i < list.length; i++) {
    if (!Number.isInteger(list[i]) || list[i] < 0 || list[i] >= nClasses) {
      raise(
        "range",
        context,
        `${name}[${i}] must be an integer in [0, ${nClasses}), got ${list[i]}`,
      );
    }
  }
  return list;
}
