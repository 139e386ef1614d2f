#!/usr/bin/env python3
"""Execute the workbook's notebooks top to bottom in the Deno Jupyter kernel.

Usually started through `deno task workbook` (tools/run_notebooks.ts), which writes a
temporary kernelspec for the current Deno binary and passes its name with --kernel.
Needs only the Python standard library, nbclient and nbformat.
"""

import argparse
import asyncio
import copy
import json
import os
import re
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

try:
    import nbformat
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    from notebook_client import WorkbookNotebookClient
    from notebook_parameters import (
        UsageError,
        cell_source,
        declared_parameters,
        find_parameters_cell,
        inject_parameters,
        parse_parameter,
    )
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.exit(
        f"Cannot run notebooks: {error}. Install nbclient: "
        "apt-get install python3-nbclient python3-nbconvert python3-ipykernel jupyter-client, "
        "or pip install nbclient ipykernel."
    )

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CLAIM_MIME = "application/vnd.workbook.claim+json"
DEFAULT_SWEEP = [{"SEED": 7}, {"SEED": 123}]
SOURCE_LINES_SHOWN = 6
TRACEBACK_LINES_SHOWN = 12

EPILOG = """\
parameters:
  The notebook's cell tagged "parameters" (cell metadata "tags": ["parameters"]) declares
  one constant per line, for example

      const SEED = 42;
      const N_USERS = 2_000;

  -p NAME=VALUE overrides NAME for this run: a new code cell tagged "injected-parameters"
  is inserted right after the parameters cell and declares NAME again with the same keyword
  (`const SEED = 7;`). The Deno kernel accepts a later cell redeclaring a const or let of
  the same kind, so every later cell sees the new value; the source notebook is not
  changed. VALUE is a literal: a number, a quoted string ('"text"' in the shell), true,
  false, null, or a JSON array/object. Every -p must name a constant declared in the
  parameters cell of every notebook run, otherwise nothing runs.

claims:
  A cell that ends with a claim from lib/claims shows "✓ statement" or "✗ …"; its output
  carries the verdict as application/vnd.workbook.claim+json. A ✗ fails the notebook,
  naming the cell, the statement, its evidence and the parameters of the run.

sweep:
  --sweep runs every notebook with its defaults and then with each set of overrides in
  its metadata "workbook": {"sweep": [{"SEED": 7}, …]} (default: SEED=7 and SEED=123
  when the parameters cell declares SEED). Executed copies of the extra runs go to
  DIR/sweep/NAME.NAME=VALUE….ipynb. A claim that fails under any seed fails the sweep.

output:
  One line per notebook: name, PASS or FAIL, wall time, code cells executed. A failure
  names the cell (cells counted from 1 over all cells of the source notebook, markdown
  included), shows its first lines and the error. The last line is "N passed, N failed".
  A cell that raises, times out, kills the kernel, or writes an error output fails the
  notebook; cells tagged "raises-exception" may raise. Exit status: 0 when every notebook
  passed, 1 when one failed, 2 when the command itself is wrong.

run times:
  Each run's wall time in seconds is also written to run_times.json next to its executed
  copy (DIR/run_times.json, DIR/sweep/run_times.json), keyed by the copy's file name; the
  other entries of the file are kept. The book shows these times.
"""


def describe_cell(executed_index, injected_index):
    """Names a cell of the executed copy by its 1-based number in the source notebook."""
    if injected_index is not None:
        if executed_index == injected_index:
            return f"the injected parameters cell (after cell {injected_index})"
        if executed_index > injected_index:
            executed_index -= 1
    return (
        f"cell {executed_index + 1} (cells counted from 1 over all cells, markdown included)"
    )


def error_outputs(cell):
    return [out for out in cell.get("outputs", []) if out.get("output_type") == "error"]


def display_path(path):
    """The path relative to the working directory when it lies inside it, else absolute."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def claim_records(cell):
    """The claim statements a cell's outputs carry, each {ok, text, evidence}."""
    records = []
    for out in cell.get("outputs", []):
        payload = out.get("data", {}).get(CLAIM_MIME)
        if isinstance(payload, str):
            payload = json.loads(payload)
        if isinstance(payload, dict):
            records.extend(payload.get("claims") or [payload])
    return records


def describe_claim(record):
    evidence = ", ".join(f"{k} = {v}" for k, v in (record.get("evidence") or {}).items())
    return f"✗ {record.get('text', '')}" + (f" — {evidence}" if evidence else "")


async def execute(client, nb, timeout):
    """Runs every cell; returns None, or the failure as a dict (cell index, error, note)."""
    try:
        await client.async_execute()
    except CellExecutionError as error:
        errors = error_outputs(nb.cells[client.current_cell_index])
        trace = errors[-1].get("traceback", []) if errors else []
        return {"index": client.current_cell_index, "ename": error.ename,
                "evalue": error.evalue, "trace": trace}
    except CellTimeoutError:
        return {"index": client.current_cell_index, "ename": "CellTimeoutError",
                "evalue": f"the cell did not finish within {timeout} s (--timeout)"}
    except Exception as error:  # the kernel died, failed to start, stopped answering, ...
        return {"index": client.current_cell_index, "ename": type(error).__name__,
                "evalue": str(error)}
    for index, cell in enumerate(nb.cells):
        errors = error_outputs(cell)
        if errors and "raises-exception" not in cell.metadata.get("tags", []):
            return {"index": index, "ename": errors[0].get("ename", "Error"),
                    "evalue": errors[0].get("evalue", ""),
                    "trace": errors[0].get("traceback", []),
                    "note": "the cell wrote an error output without raising"}
    for index, cell in enumerate(nb.cells):
        failed = [r for r in claim_records(cell) if not r.get("ok")]
        if failed:
            return {"index": index, "ename": "ClaimFailed",
                    "evalue": "; ".join(describe_claim(r) for r in failed),
                    "note": f"{len(failed)} claim{'s' if len(failed) > 1 else ''} "
                    "did not hold"}
    return None


async def run_notebook(job, args):
    """Executes one prepared notebook, writes its executed copy, prints its report."""
    nb, path, injected_index = job["nb"], job["path"], job["injected"]
    client = WorkbookNotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        idle_grace=args.idle_grace,
        idle_grace_max=args.idle_grace_max,
        iopub_timeout=int(args.idle_grace_max) + 5,
        resources={"metadata": {"path": str(path.parent)}},
    )
    if sys.stdout.isatty():
        print(f"{display_path(path)}{job['label']}  running …", flush=True)
    start = time.monotonic()
    failure = await execute(client, nb, args.timeout)
    elapsed = time.monotonic() - start

    copy_path = job["copy"]
    copy_path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(copy_path))
    record_run_time(copy_path, elapsed)

    executed = client.code_cells_executed - (1 if injected_index is not None else 0)
    held = sum(1 for cell in nb.cells for r in claim_records(cell) if r.get("ok"))
    claims = f", {held} claim{'s' if held != 1 else ''} held" if held else ""
    print(
        f"{display_path(path)}  {'FAIL' if failure else 'PASS'}  {elapsed:.1f} s  "
        f"{max(executed, 0)} code cells executed{claims}{job['label']}",
        flush=True,
    )
    if failure:
        print_failure(nb, path, copy_path, injected_index, failure)
    return failure is None


def record_run_time(copy_path, seconds):
    """Sets the copy's entry in run_times.json next to it (other entries are kept)."""
    times_path = copy_path.parent / "run_times.json"
    try:
        times = json.loads(times_path.read_text(encoding="utf-8"))
        if not isinstance(times, dict):
            times = {}
    except (OSError, ValueError):
        times = {}
    times[copy_path.name] = round(seconds, 1)
    # Written whole and renamed, so a reader never sees half a file.
    partial = times_path.with_name(f".run_times.{os.getpid()}.json")
    partial.write_text(json.dumps(times, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, times_path)


def print_failure(nb, path, copy_path, injected_index, failure):
    index, ename = failure["index"], failure["ename"]
    lines = []
    if index < 0:
        lines.append(f"  {display_path(path)} failed before any cell ran")
    else:
        lines.append(f"  {display_path(path)} failed at {describe_cell(index, injected_index)}")
        source = cell_source(nb.cells[index]).splitlines()
        for line in source[:SOURCE_LINES_SHOWN]:
            lines.append(f"    | {line}")
        if len(source) > SOURCE_LINES_SHOWN:
            lines.append(f"    | ... ({len(source) - SOURCE_LINES_SHOWN} more lines)")
    if "note" in failure:
        lines.append(f"  {failure['note']}")
    value = ANSI.sub("", str(failure["evalue"])).strip()
    lines.append(f"  error: {ename}: {value}" if value else f"  error: {ename}")
    frames = [ANSI.sub("", text) for text in failure.get("trace", [])]
    frames = [line.strip() for text in frames for line in text.splitlines() if line.strip()]
    if frames and frames[0].startswith(f"{ename}:"):
        frames = frames[1:]
    lines.extend(f"    {line}" for line in frames[:TRACEBACK_LINES_SHOWN])
    lines.append(f"  executed copy: {display_path(copy_path)}")
    print("\n".join(lines), flush=True)


def sweep_overrides(nb, path):
    """The extra parameter sets a notebook is swept with (see "sweep" in --help)."""
    sweep = nb.metadata.get("workbook", {}).get("sweep")
    if sweep is None:
        index = find_parameters_cell(nb)
        declared = declared_parameters(cell_source(nb.cells[index])) if index is not None else {}
        return DEFAULT_SWEEP if "SEED" in declared else []
    if not isinstance(sweep, list) or not all(isinstance(s, dict) and s for s in sweep):
        raise UsageError(
            f'Cannot run {path.name}: metadata "workbook" "sweep" must be a list of objects '
            'of parameter overrides, such as [{"SEED": 7}]'
        )
    return sweep


def run_label(overrides):
    return "".join(f", {name}={value}" for name, value in overrides.items())


def prepare(args):
    """Reads every notebook and applies the parameters; raises UsageError before any run."""
    parameters = dict(parse_parameter(text) for text in args.parameters)
    if args.sweep and parameters:
        raise UsageError("Cannot run notebooks: --sweep sets the parameters itself; drop -p")
    if args.notebooks:
        paths = [Path(name) for name in args.notebooks]
    else:
        paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
        if not paths:
            raise UsageError(
                f"Cannot run notebooks: no .ipynb files in {display_path(ROOT / 'notebooks')}"
            )
    jobs = []
    for path in paths:
        if not path.is_file():
            raise UsageError(f"Cannot run {display_path(path)}: file not found")
        try:
            source = nbformat.read(str(path), as_version=4)
        except Exception as error:
            raise UsageError(
                f"Cannot run {display_path(path)}: not a notebook ({error})"
            ) from None
        runs = [parameters]
        if args.sweep:
            runs += [
                {name: json.dumps(value) for name, value in overrides.items()}
                for overrides in sweep_overrides(source, path)
            ]
        for number, overrides in enumerate(runs):
            nb = copy.deepcopy(source) if len(runs) > 1 else source
            injected = inject_parameters(nb, path, overrides)
            name = path.name if number == 0 else path.stem + "".join(
                f".{k}={v}" for k, v in overrides.items()
            ) + path.suffix
            folder = args.out if number == 0 else args.out / "sweep"
            jobs.append({
                "nb": nb, "path": path.resolve(), "injected": injected,
                "label": run_label(overrides), "copy": folder / name,
            })
    names = [job["copy"] for job in jobs]
    duplicates = sorted({name.name for name in names if names.count(name) > 1})
    if duplicates:
        raise UsageError(
            f"Cannot run notebooks: two notebooks are named {duplicates[0]}, and their "
            f"executed copies would overwrite each other in {display_path(args.out)}"
        )
    return jobs


async def run_all(jobs, args):
    """Runs the jobs, at most --jobs at a time; returns how many passed."""
    limit = asyncio.Semaphore(args.jobs)

    async def one(job):
        async with limit:
            return await run_notebook(job, args)

    results = await asyncio.gather(*(one(job) for job in jobs))
    return sum(1 for ok in results if ok)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="deno task workbook",
        description="Execute notebooks top to bottom in the Deno Jupyter kernel and write "
        "executed copies. Default: every notebooks/*.ipynb, sorted by name.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("notebooks", nargs="*", help="notebooks to run")
    parser.add_argument(
        "-p", dest="parameters", action="append", default=[], metavar="NAME=VALUE",
        help="override a constant of the parameters cell (repeatable)",
    )
    parser.add_argument(
        "--timeout", type=int, default=120, metavar="SECONDS",
        help="time limit per cell (default: 120)",
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "out" / "notebooks", metavar="DIR",
        help="folder for the executed copies (default: out/notebooks)",
    )
    parser.add_argument(
        "--sweep", action="store_true",
        help="also run each notebook with the overrides of its sweep (see below)",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N",
        help="notebooks run at the same time, each in its own kernel (default: 1)",
    )
    internal = parser.add_argument_group("internal options (set by `deno task workbook`)")
    internal.add_argument(
        "--kernel", default="deno-workbook", metavar="NAME",
        help="kernelspec name (default: deno-workbook, installed by `deno task kernel`)",
    )
    internal.add_argument(
        "--idle-grace", type=float, default=0.05, metavar="SECONDS",
        help="after a cell reports idle, keep collecting outputs until none arrived for "
        "this long (default: 0.05)",
    )
    internal.add_argument(
        "--idle-grace-max", type=float, default=5.0, metavar="SECONDS",
        help=argparse.SUPPRESS,
    )
    args = parser.parse_intermixed_args(argv)
    if args.timeout <= 0 or args.idle_grace < 0 or args.jobs < 1:
        parser.error(
            "--timeout and --jobs must be positive and --idle-grace must not be negative"
        )
    return args


def main(argv):
    args = parse_args(argv)
    try:
        jobs = prepare(args)
    except UsageError as error:
        print(error, file=sys.stderr, flush=True)
        return 2
    passed = asyncio.run(run_all(jobs, args))
    failed = len(jobs) - passed
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.platform == "win32":  # pragma: no cover
        asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the reader went away (`... | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
