/**
 * Draws a Plotly spec into an element with the plotly.js the page loaded, at the
 * element's width, and counts the draws in `data-drawn` (read by the tests).
 *
 * @module
 */
/// <reference lib="dom" />

// deno-lint-ignore no-explicit-any
type Any = any;

function plotly(): Any {
  return (globalThis as Any).Plotly;
}

export function drawFigure(
  target: HTMLElement,
  spec: { data: unknown[]; layout: Any },
): Promise<void> {
  // The library lays out legends and titles for the figure's own width: keep it.
  return plotly().react(target, spec.data, spec.layout, { displaylogo: false })
    .then(() => {
      target.dataset.drawn = String(Number(target.dataset.drawn ?? "0") + 1);
    });
}
