/**
 * Installs the Jupyter kernel "Deno (workbook)" for the user, for VS Code and JupyterLab:
 *
 * ```sh
 * deno run -A tools/install_kernel.ts
 * ```
 *
 * Writes `kernels/deno-workbook/kernel.json` into the user's Jupyter data folder
 * (`$JUPYTER_DATA_DIR`, else `~/.local/share/jupyter` on Linux or `$XDG_DATA_HOME/jupyter`,
 * `~/Library/Jupyter` on macOS, `%APPDATA%\jupyter` on Windows). The kernel runs the Deno
 * binary that runs this script and is interrupted by message, so "Interrupt" stops a
 * computing cell and keeps the kernel's state (the spec of `deno jupyter --install` uses a
 * signal, which kills the kernel). Measured with Deno 2.9.6: a cell waiting on `await`
 * does not stop on interrupt and the kernel stops answering until restarted.
 *
 * @module
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { writeKernelSpec } from "./_kernelspec.ts";

const NAME = "deno-workbook";
const DISPLAY_NAME = "Deno (workbook)";

function jupyterDataDir(): string {
  const env = (name: string) => Deno.env.get(name) || undefined;
  const explicit = env("JUPYTER_DATA_DIR");
  if (explicit) return explicit;
  if (Deno.build.os === "darwin") return join(homedir(), "Library", "Jupyter");
  if (Deno.build.os === "windows") {
    return join(env("APPDATA") ?? join(homedir(), "AppData", "Roaming"), "jupyter");
  }
  return join(env("XDG_DATA_HOME") ?? join(homedir(), ".local", "share"), "jupyter");
}

const file = await writeKernelSpec(join(jupyterDataDir(), "kernels"), NAME, DISPLAY_NAME);
console.log(`Installed the Jupyter kernel "${DISPLAY_NAME}" (${NAME}) in ${file}
It starts ${Deno.execPath()} jupyter --kernel; run this again after Deno is upgraded.

VS Code: open a notebook in notebooks/, then Select Kernel → Jupyter Kernel… → ${DISPLAY_NAME}.
JupyterLab: open a notebook, then Kernel → Change Kernel… → ${DISPLAY_NAME}.
Interrupt stops a computing cell (a loop, training) and keeps the kernel's variables. A cell
waiting on \`await\` cannot be interrupted: the kernel stops answering, so restart it instead.`);
