/**
 * A number as shown in a message: at most four significant digits
 * (`3.052583499999514` → `"3.053"`, `100` → `"100"`).
 */
export function formatForMessage(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}
