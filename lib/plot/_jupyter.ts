/**
 * Detection of the Deno Jupyter kernel. `Deno.jupyter` throws outside
 * `deno jupyter`, so every access goes through {@link _getJupyter}.
 *
 * @module
 */

/** A MIME bundle: media type → data (base64 for images, objects for JSON types). */
export type MimeBundle = Record<string, string | object>;

/** Options of the kernel's `display` call. */
export interface _DisplayOptions {
  raw?: boolean;
  update?: boolean;
  display_id?: string;
}

/** The part of `Deno.jupyter` this module uses. */
export interface _Jupyter {
  display(obj: unknown, options?: _DisplayOptions): Promise<void>;
}

/** Returns `Deno.jupyter` inside the kernel, `undefined` anywhere else (a browser too). */
export function _getJupyter(): _Jupyter | undefined {
  try {
    const deno = (globalThis as { Deno?: { jupyter?: _Jupyter } }).Deno;
    const jupyter = deno?.jupyter;
    return typeof jupyter?.display === "function" ? jupyter : undefined;
  } catch {
    return undefined;
  }
}

/** True when the code runs in the Deno Jupyter kernel. */
export function _inKernel(): boolean {
  return _getJupyter() !== undefined;
}
