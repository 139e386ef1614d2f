/**
 * The sizes each cost form reads, its term g(sizes), and validation.
 *
 * @module
 */
import { assertFiniteNumber, assertPositive, raise } from "../_shared/validate.ts";
import { COST_FORMS, type CostForm, type CostObservation } from "./cost_forms.ts";

/** Sizes each form reads from an observation. */
export const _FIELDS: Record<CostForm, (keyof CostObservation)[]> = {
  "n": ["n"],
  "f": ["f"],
  "n*f": ["n", "f"],
  "n*f+n": ["n", "f"],
  "n*trees*depth": ["n", "trees", "depth"],
  "n*f*trees*depth": ["n", "f", "trees", "depth"],
  "layers": ["layers"],
  "n*layers": ["n", "layers"],
  "power": ["n"],
};

/** The term g(sizes) of a linear form (n for `"power"`, n·f for `"n*f+n"`, whose n is extra). */
export function _termOf(form: CostForm, o: CostObservation): number {
  const products = () => {
    let s = 0;
    for (let l = 0; l + 1 < o.layers!.length; l++) s += o.layers![l] * o.layers![l + 1];
    return s;
  };
  switch (form) {
    case "n":
    case "power":
      return o.n!;
    case "f":
      return o.f!;
    case "n*f":
    case "n*f+n":
      return o.n! * o.f!;
    case "n*trees*depth":
      return o.n! * o.trees! * o.depth!;
    case "n*f*trees*depth":
      return o.n! * o.f! * o.trees! * o.depth!;
    case "layers":
      return products();
    case "n*layers":
      return o.n! * products();
  }
}

/** Validates the observations for one form. */
export function _checkObservations(
  observations: readonly CostObservation[],
  form: CostForm,
  context: string,
) {
  if (!Array.isArray(observations)) raise("type", context, "observations must be an array");
  if (!COST_FORMS.includes(form)) {
    raise(
      "range",
      context,
      `form must be one of ${COST_FORMS.map((f) => `"${f}"`).join(", ")}, got ${
        JSON.stringify(form)
      }`,
    );
  }
  observations.forEach((o, i) => {
    assertPositive(o?.timeMs, `observations[${i}].timeMs`, context);
    for (const field of _FIELDS[form]) {
      const name = `observations[${i}].${field}`;
      if (field === "layers") {
        const w = o.layers;
        if (!Array.isArray(w) || w.length < 2 || !w.every((v) => Number.isFinite(v) && v > 0)) {
          raise("range", context, `${name} must list at least 2 positive layer widths`);
        }
      } else {
        assertFiniteNumber(o[field], name, context, { min: 0 });
        if (form === "power" && o[field] === 0) {
          raise("range", context, `${name} must be positive for a power law, got 0`);
        }
      }
    }
  });
}
