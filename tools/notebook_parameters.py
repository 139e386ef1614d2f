"""Parameters of a notebook run (papermill convention, adapted to the Deno kernel).

The code cell tagged "parameters" declares one constant per line (`const SEED = 42;`).
An override `-p SEED=7` becomes a new code cell tagged "injected-parameters", inserted
right after the parameters cell, that declares the name again with the same keyword and
type annotation (`const SEED = 7;`). The Deno kernel evaluates cells like REPL lines and
accepts a later `const` (or `let`, `var`) redeclaring a name of the same kind; measured
with Deno 2.9.6: later cells, and functions defined earlier, see the new value. A
different keyword (`let` then `const`) is a SyntaxError, hence "the same keyword".
"""

import json
import re

import nbformat


class UsageError(Exception):
    """A problem with the command line or the notebooks, found before anything runs."""


IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")
DECLARATION = re.compile(r"^\s*(?:export\s+)?(const|let|var)\s+([A-Za-z_$][\w$]*)")
SINGLE_QUOTED = re.compile(r"^'(?:[^'\\\n]|\\.)*'$")
NUMBER_WITH_SEPARATORS = re.compile(r"^-?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?(?:[eE][+-]?\d+)?$")
INJECTED_HEADER = "// Parameters of this run (they override the parameters cell above)"


def cell_source(cell):
    """The source of a cell as one string (nbformat allows a list of lines)."""
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def find_parameters_cell(nb):
    """Index of the first code cell tagged "parameters", or None."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return index
    return None


def declared_parameters(source):
    """Maps each name declared at the start of a line to (keyword, type annotation or "")."""
    declared = {}
    for line in source.splitlines():
        match = DECLARATION.match(line)
        if not match:
            continue
        keyword, name = match.groups()
        typed = r"^\s*(?:export\s+)?(?:const|let|var)\s+" + re.escape(name)
        annotation = re.match(typed + r"\s*:\s*([^=]+?)\s*=(?!>)", line)
        declared.setdefault(name, (keyword, annotation.group(1) if annotation else ""))
    return declared


def parse_parameter(text):
    """Splits "NAME=VALUE" and checks that VALUE is a literal; returns (name, value)."""
    name, sep, value = text.partition("=")
    name, value = name.strip(), value.strip()
    if not sep or not IDENTIFIER.match(name):
        raise UsageError(f"Cannot parse -p {text}: expected NAME=VALUE, for example -p SEED=7")
    try:
        json.loads(value)
    except ValueError:
        if not SINGLE_QUOTED.match(value) and not NUMBER_WITH_SEPARATORS.match(value):
            raise UsageError(
                f"Cannot parse -p {text}: VALUE must be a literal such as 42, 0.5, true, "
                f"\"text\" or [1, 2]; quote strings for the shell, e.g. -p {name}='\"fast\"'"
            ) from None
    return name, value


def inject_parameters(nb, path, parameters):
    """Inserts the override cell after the parameters cell; returns its index or None."""
    if not parameters:
        return None
    index = find_parameters_cell(nb)
    if index is None:
        names = ", ".join(parameters)
        raise UsageError(
            f'Cannot run {path.name}: it has no code cell tagged "parameters", so -p {names} '
            f'cannot be applied (tag the cell of constants with "parameters")'
        )
    declared = declared_parameters(cell_source(nb.cells[index]))
    lines = [INJECTED_HEADER]
    for name, value in parameters.items():
        if name not in declared:
            raise UsageError(
                f'Cannot run {path.name}: parameter "{name}" is not declared in the '
                f"parameters cell (declared: {', '.join(declared) or 'nothing'})"
            )
        keyword, annotation = declared[name]
        typed = f"{name}: {annotation}" if annotation else name
        lines.append(f"{keyword} {typed} = {value};")
    injected = nbformat.v4.new_code_cell("\n".join(lines))
    injected.metadata["tags"] = ["injected-parameters"]
    if nb.get("nbformat_minor", 5) < 5:  # cell ids appear in nbformat 4.5
        injected.pop("id", None)
    nb.cells.insert(index + 1, injected)
    return index + 1


