import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { assertKnownOptions } from "./_options.ts";
import type { ShiftOptions, WorldOptions } from "./world_options.ts";

const KNOWN = [
  "numUsers",
  "numAuthors",
  "numItems",
  "numTopics",
  "numDays",
  "itemLifetimeDays",
  "newUserShare",
  "positionBiasPower",
  "seasonality",
  "shift",
  "baseLogit",
  "affinityScale",
  "pairNoiseSd",
  "freshnessDecay",
] as const;

/** Validates {@link WorldOptions} and fills in the defaults. */
export function resolveWorldOptions(options: WorldOptions, context: string) {
  assertKnownOptions(options, KNOWN, context);
  const {
    numUsers = 2000,
    numAuthors = 200,
    numItems = 5000,
    numTopics = 8,
    numDays = 30,
    itemLifetimeDays = 7,
    newUserShare = 0.1,
    positionBiasPower = 0.8,
    seasonality = {},
    shift,
    baseLogit = -2.5,
    affinityScale = 1.2,
    pairNoiseSd = 0.5,
    freshnessDecay = 0.15,
  } = options;
  assertInteger(numUsers, "numUsers", context, { min: 1 });
  assertInteger(numAuthors, "numAuthors", context, { min: 1 });
  assertInteger(numItems, "numItems", context, { min: 1 });
  assertInteger(numTopics, "numTopics", context, { min: 1, max: 64 });
  assertInteger(numDays, "numDays", context, { min: 1 });
  assertFiniteNumber(itemLifetimeDays, "itemLifetimeDays", context, { min: 1 / 24 });
  assertFiniteNumber(newUserShare, "newUserShare", context, { min: 0, max: 1 });
  assertFiniteNumber(positionBiasPower, "positionBiasPower", context, { min: 0 });
  assertFiniteNumber(baseLogit, "baseLogit", context);
  assertFiniteNumber(affinityScale, "affinityScale", context, { min: 0 });
  assertFiniteNumber(pairNoiseSd, "pairNoiseSd", context, { min: 0 });
  assertFiniteNumber(freshnessDecay, "freshnessDecay", context, { min: 0 });
  assertKnownOptions(seasonality, ["daily", "weekly"], context, "seasonality");
  const { daily = 0.3, weekly = 0.2 } = seasonality;
  assertFiniteNumber(daily, "seasonality.daily", context, { min: 0 });
  assertFiniteNumber(weekly, "seasonality.weekly", context, { min: 0 });
  const ones = new Array<number>(numTopics).fill(1);
  const { day: shiftDay = Infinity, interestDelta = ones.map(() => 0), topicWeights = ones } =
    resolveShift(shift, numTopics, numDays, context);
  return {
    numUsers,
    numAuthors,
    numItems,
    numTopics,
    numDays,
    itemLifetimeDays,
    newUserShare,
    positionBiasPower,
    baseLogit,
    affinityScale,
    pairNoiseSd,
    freshnessDecay,
    daily,
    weekly,
    ones,
    shiftDay,
    interestDelta,
    topicWeights,
  };
}

function resolveShift(
  shift: ShiftOptions | undefined,
  numTopics: number,
  numDays: number,
  context: string,
): Partial<ShiftOptions> {
  if (shift === undefined) return {};
  assertKnownOptions(shift, ["day", "interestDelta", "topicWeights"], context, "shift");
  assertInteger(shift.day, "shift.day", context, { min: 0, max: numDays });
  for (const name of ["interestDelta", "topicWeights"] as const) {
    const v = shift[name];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.length !== numTopics) {
      raise("range", context, `shift.${name} must be an array of numTopics=${numTopics} numbers`);
    }
    v.forEach((x, k) =>
      assertFiniteNumber(
        x,
        `shift.${name}[${k}]`,
        context,
        name === "topicWeights" ? { min: 0 } : {},
      )
    );
  }
  if (shift.topicWeights && !shift.topicWeights.some((w) => w > 0)) {
    raise("range", context, "shift.topicWeights must have at least one positive weight");
  }
  return shift;
}
