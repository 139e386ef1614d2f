/**
 * Pure formatting of a progress state as a terminal line and as HTML.
 *
 * @module
 */

/** Extra key–value pairs shown after the counts, e.g. `{ epoch: 3, loss: 0.41 }`. */
export type _Info = { [key: string]: number | string };

/** A snapshot of a progress bar. */
export interface _ProgressState {
  label: string;
  done: number;
  total: number;
  elapsedMs: number;
  info: _Info;
  finished: boolean;
}

/** Formats milliseconds as `0.4s`, `12.3s`, `2m05s` or `1h02m`. */
export function _formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.floor(s % 60)).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/** Formats an info value: integers as they are, other numbers to 4 significant digits. */
export function _formatValue(value: number | string): string {
  if (typeof value === "string") return value;
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6)
    ? value.toExponential(3)
    : String(+value.toPrecision(4));
}

function fraction(state: _ProgressState): number {
  return state.total === 0 ? 1 : Math.min(1, Math.max(0, state.done / state.total));
}

function infoText(info: _Info): string {
  return Object.entries(info).map(([k, v]) => `${k}=${_formatValue(v)}`).join(" ");
}

function timeText(state: _ProgressState): string {
  const f = fraction(state);
  const elapsed = _formatDuration(state.elapsedMs);
  if (state.finished) return `${elapsed} total`;
  if (f <= 0 || f >= 1) return `${elapsed} elapsed`;
  return `${elapsed} elapsed, ~${_formatDuration(state.elapsedMs * (1 - f) / f)} left`;
}

/** One line of text: `train [#####-----] 5/10 50% 1.2s elapsed, ~1.2s left | loss=0.41`. */
export function _progressText(state: _ProgressState, width = 20): string {
  const filled = Math.round(fraction(state) * width);
  const bar = "#".repeat(filled) + "-".repeat(width - filled);
  const pct = `${Math.floor(fraction(state) * 100)}%`;
  const info = infoText(state.info);
  const line = `${state.label} [${bar}] ${state.done}/${state.total} ${pct} ${timeText(state)}`;
  return info === "" ? line : `${line} | ${info}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The same state as a small HTML bar (inline styles, no scripts). */
export function _progressHtml(state: _ProgressState): string {
  const pct = (fraction(state) * 100).toFixed(1);
  const colour = state.finished ? "#2ca02c" : "#1f77b4";
  const info = Object.entries(state.info)
    .map(([k, v]) => `<b>${escapeHtml(k)}</b> ${escapeHtml(_formatValue(v))}`).join(" · ");
  return `<div style="font-family:sans-serif;font-size:13px;max-width:640px">` +
    `<div style="display:flex;gap:8px;align-items:center">` +
    `<span>${escapeHtml(state.label)}</span>` +
    `<div style="flex:1;height:12px;background:#e5e5e5;border-radius:3px;overflow:hidden">` +
    `<div style="width:${pct}%;height:100%;background:${colour}"></div></div>` +
    `<span>${state.done}/${state.total}</span></div>` +
    `<div style="color:#555">${escapeHtml(timeText(state))}${info === "" ? "" : ` · ${info}`}` +
    `</div></div>`;
}
