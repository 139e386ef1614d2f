/**
 * The Jupyter kernelspec for the Deno kernel, shared by `tools/install_kernel.ts` (for
 * VS Code and JupyterLab) and `tools/run_notebooks.ts` (for headless runs).
 *
 * The spec starts the Deno binary that runs this script (`Deno.execPath()`, the real
 * binary even when `deno` is an npm wrapper script) and interrupts by message: the spec
 * written by `deno jupyter --install` interrupts with a signal, which kills the kernel.
 *
 * @module
 */
import { join } from "node:path";

/** The JSON of a `kernel.json` file, as read by jupyter_client. */
export interface KernelSpec {
  /** The command that starts the kernel; `{connection_file}` is filled in by Jupyter. */
  argv: string[];
  /** The name shown in kernel pickers. */
  display_name: string;
  /** The language of the notebooks, for syntax highlighting. */
  language: string;
  /** How Jupyter interrupts a running cell. */
  interrupt_mode: "message" | "signal";
  /** Free-form metadata. */
  metadata: Record<string, unknown>;
}

/**
 * Builds the kernelspec that starts `deno jupyter --kernel` with the running Deno binary.
 *
 * @param displayName The name shown in kernel pickers.
 * @returns The kernelspec object, ready for `JSON.stringify`.
 */
export function denoKernelSpec(displayName: string): KernelSpec {
  return {
    argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: displayName,
    language: "typescript",
    interrupt_mode: "message",
    metadata: {},
  };
}

/**
 * Writes `<kernelsDir>/<name>/kernel.json`, creating the folders.
 *
 * @param kernelsDir A Jupyter `kernels` folder, such as `~/.local/share/jupyter/kernels`.
 * @param name The kernel's name (the folder name), such as `deno-workbook`.
 * @param displayName The name shown in kernel pickers.
 * @returns The path of the written `kernel.json`.
 */
export async function writeKernelSpec(
  kernelsDir: string,
  name: string,
  displayName: string,
): Promise<string> {
  const dir = join(kernelsDir, name);
  await Deno.mkdir(dir, { recursive: true });
  const file = join(dir, "kernel.json");
  await Deno.writeTextFile(file, JSON.stringify(denoKernelSpec(displayName), null, 2) + "\n");
  return file;
}
