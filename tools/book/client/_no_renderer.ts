/**
 * Browser stand-in for `lib/plot/renderer.ts`: in the book, figures are drawn by
 * plotly.js in the page, so no PNG is rendered. The bundler maps the renderer to
 * this file; it keeps the renderer's exports.
 *
 * @module
 */
import type { FigureSpec } from "../../../lib/plot/figure.ts";

/** No PNG in the browser. */
export function renderPng(_spec: FigureSpec): Promise<Uint8Array | undefined> {
  return Promise.resolve(undefined);
}

/** No browser to find from a browser. */
export function findBrowser(): string | undefined {
  return undefined;
}

/** Nothing to close. */
export function closeRenderer(): Promise<void> {
  return Promise.resolve();
}

/** Nothing to reset. */
export function _resetRendererNotice(): void {}
