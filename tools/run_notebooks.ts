/**
 * Executes the workbook's notebooks headlessly in the Deno Jupyter kernel:
 *
 * ```sh
 * deno run -A tools/run_notebooks.ts [notebooks...] [-p NAME=VALUE ...] [--timeout SECONDS] [--out DIR]
 * ```
 *
 * Jupyter's own executor (nbclient, in Python) drives `deno jupyter --kernel`; see
 * `tools/run_notebooks.py --help` for the options, the parameters convention and the
 * report. This entry checks that Python can import nbclient, writes a kernelspec for the
 * running Deno binary into a temporary Jupyter path, runs the Python runner with it and
 * exits with its exit status.
 *
 * Environment: `WORKBOOK_PYTHON` names the Python 3 interpreter (default
 * `/usr/bin/python3`).
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { writeKernelSpec } from "./_kernelspec.ts";

const KERNEL_NAME = "deno-workbook-headless";
const RUNNER = fileURLToPath(new URL("./run_notebooks.py", import.meta.url));

/** Exit status for a command that cannot run at all (as opposed to a failing notebook). */
const EXIT_USAGE = 2;

async function canImportNbclient(python: string): Promise<boolean> {
  try {
    const { success } = await new Deno.Command(python, {
      args: ["-c", "import nbclient, nbformat"],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).output();
    return success;
  } catch {
    return false;
  }
}

async function main(args: string[]): Promise<number> {
  const python = Deno.env.get("WORKBOOK_PYTHON") ?? "/usr/bin/python3";
  if (!(await canImportNbclient(python))) {
    console.error(
      `Cannot run notebooks: ${python} cannot import nbclient. The notebooks are executed ` +
        "by Jupyter's nbclient, which needs a Python 3 interpreter with nbclient and " +
        "nbformat. On Debian or Ubuntu run `sudo apt-get install python3-nbclient " +
        "python3-nbconvert python3-ipykernel jupyter-client`; elsewhere run " +
        "`pip install nbclient ipykernel`. To use another interpreter, set WORKBOOK_PYTHON " +
        "to its path (for example the python3 of a virtual environment).",
    );
    return EXIT_USAGE;
  }

  const jupyterPath = await Deno.makeTempDir({ prefix: "workbook-jupyter-" });
  // Ctrl-C reaches the runner too; stay alive so the temporary folder is removed.
  const ignoreInterrupt = () => {};
  Deno.addSignalListener("SIGINT", ignoreInterrupt);
  try {
    await writeKernelSpec(join(jupyterPath, "kernels"), KERNEL_NAME, "Deno (workbook, headless)");
    const child = new Deno.Command(python, {
      args: [RUNNER, "--kernel", KERNEL_NAME, ...args],
      env: { JUPYTER_PATH: jupyterPath, JUPYTER_RUNTIME_DIR: join(jupyterPath, "runtime") },
      stdin: "null",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
    const { code } = await child.status;
    return code;
  } finally {
    Deno.removeSignalListener("SIGINT", ignoreInterrupt);
    await Deno.remove(jupyterPath, { recursive: true });
  }
}

Deno.exit(await main(Deno.args));
