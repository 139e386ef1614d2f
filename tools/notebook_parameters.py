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


DECLARED_VALUE = re.compile(
    r"^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+?)?\s*=\s*(.+?);?\s*(?://.*)?$"
)


def literal_value(text):
    """The Python value of a literal (JSON, single-quoted string, number with `_`), or None."""
    text = text.strip()
    if SINGLE_QUOTED.match(text):
        return text[1:-1]
    if NUMBER_WITH_SEPARATORS.match(text):
        return json.loads(text.replace("_", "")) if "." in text or "e" in text.lower() else int(
            text.replace("_", "")
        )
    try:
        return json.loads(text)
    except ValueError:
        return None


def declared_values(source):
    """Maps each name declared at the start of a line to its literal default (None if not a literal)."""
    values = {}
    for line in source.splitlines():
        match = DECLARED_VALUE.match(line)
        if match and match.group(1) not in values:
            values[match.group(1)] = literal_value(match.group(2))
    return values


def kind_of(value):
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


def check_value(path, name, text, default, bounds):
    """Raises UsageError when VALUE does not fit the declared default or the notebook's bounds.

    The rules: the same kind (number, string, boolean, array, object); an integer where the
    default is an integer; not negative where the default is not negative; and the bounds of
    the notebook's metadata "workbook": {"parameters": {NAME: {"min": …, "max": …}}}.
    """
    value = literal_value(text)
    where = f"Cannot run {path.name}: -p {name}={text}"
    if default is not None and kind_of(value) != kind_of(default):
        raise UsageError(f"{where} must be {kind_of(default)} like its default {json.dumps(default)}, got {kind_of(value)}")
    if kind_of(default) != "a number" or value is None:
        return
    if isinstance(default, int) and not (isinstance(value, int) or float(value).is_integer()):
        raise UsageError(f"{where} must be an integer like its default {default}")
    if default >= 0 and value < 0:
        raise UsageError(f"{where} must not be negative (its default is {default})")
    low, high = bounds.get("min"), bounds.get("max")
    if low is not None and value < low:
        raise UsageError(f"{where} must be at least {low}")
    if high is not None and value > high:
        raise UsageError(f"{where} must be at most {high}")


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
    source = cell_source(nb.cells[index])
    declared = declared_parameters(source)
    defaults = declared_values(source)
    bounds = nb.metadata.get("workbook", {}).get("parameters", {})
    lines = [INJECTED_HEADER]
    for name, value in parameters.items():
        if name not in declared:
            raise UsageError(
                f'Cannot run {path.name}: parameter "{name}" is not declared in the '
                f"parameters cell (declared: {', '.join(declared) or 'nothing'})"
            )
        check_value(path, name, value, defaults.get(name), bounds.get(name, {}))
        keyword, annotation = declared[name]
        typed = f"{name}: {annotation}" if annotation else name
        lines.append(f"{keyword} {typed} = {value};")
    injected = nbformat.v4.new_code_cell("\n".join(lines))
    injected.metadata["tags"] = ["injected-parameters"]
    if nb.get("nbformat_minor", 5) < 5:  # cell ids appear in nbformat 4.5
        injected.pop("id", None)
    nb.cells.insert(index + 1, injected)
    return index + 1


