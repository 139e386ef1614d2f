import type { FigureSpec } from "../../lib/plot/mod.ts";

/** The project root (where deno.json is). */
export const ROOT = new URL("../../", import.meta.url).pathname;

/** Width and height from a PNG's IHDR chunk (PNG spec, section 11.2.2). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The 8-byte PNG signature (PNG spec, section 5.2). */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Runs `code` with `deno eval` in the project root and returns its exit code and output. */
export async function evalScript(
  code: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--quiet", code],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** A figure's spec after a JSON round trip (what the kernel and HTML receive). */
export function asJson(fig: FigureSpec): FigureSpec {
  return JSON.parse(JSON.stringify(fig));
}

/** Minimal valid titles. */
export const TITLES = { title: "T", xTitle: "x (units)", yTitle: "y (units)" } as const;
