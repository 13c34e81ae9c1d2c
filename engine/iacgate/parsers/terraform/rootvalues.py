"""Root module variable values, in Terraform's precedence (later wins).

Terraform's documented order: ``TF_VAR_`` environment variables, then ``terraform.tfvars``, then
``terraform.tfvars.json``, then ``*.auto.tfvars`` / ``*.auto.tfvars.json`` in lexical order of their
names, then ``-var-file`` and ``-var`` options. The command line keeps the two option kinds apart, so
``--var-file`` values come before ``--var`` values. A ``-var``/``TF_VAR_`` string is read as an HCL
expression when its variable's type is not a primitive, as Terraform does.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from iacgate.errors import ParseError
from iacgate.notifications import Notification
from iacgate.parsers.base import ReadRoots
from iacgate.parsers.terraform.config import ModuleConfig
from iacgate.parsers.terraform.expressions import Evaluator
from iacgate.parsers.terraform.functions import FunctionContext
from iacgate.parsers.terraform.instances import safe_value
from iacgate.parsers.terraform.load import lark_parse
from iacgate.parsers.terraform.syntax import Attribute, Expr
from iacgate.parsers.terraform.syntax_errors import hcl_error, json_error
from iacgate.parsers.terraform.template import parse_expression
from iacgate.parsers.terraform.values import EvalError, number, to_bool, to_number
from iacgate.textio import decode, read_bytes

_PRIMITIVE = {"string", "number", "bool", "any"}


class _ConstantScope:
    """tfvars hold constants only: no references, functions allowed."""

    def __init__(self) -> None:
        def refuse(path: str) -> str:
            raise EvalError("file() is not available in variable files")

        self.functions = FunctionContext(refuse, parse_expression)

    def root(self, name: str, ops: list[Expr], evaluator: Evaluator) -> tuple[Any, int]:
        raise EvalError(f"variables may not refer to {name}")


def _type_name(config: ModuleConfig, name: str) -> str:
    located = config.variables.get(name)
    if located is None or "type" not in located.block.attributes:
        return "any"
    expr = located.block.attributes["type"].expr
    return str(expr[1]) if expr[0] == "V" else "complex"


def convert(value: Any, type_name: str) -> Any:
    try:
        if type_name == "number" and isinstance(value, str):
            return to_number(value)
        if type_name == "bool" and isinstance(value, str):
            return to_bool(value)
        if type_name == "string" and isinstance(value, bool | int | float):
            return ("true" if value else "false") if isinstance(value, bool) else str(number(value))
    except EvalError:
        return value
    return value


def _syntax_note(problem: tuple[int, int, str], shown: str, what: str) -> Notification:
    line, column, message = problem
    return Notification("error", f"cannot parse {what}: {message}", shown, line, column)


def shown_path(path: Path, scan_root: Path) -> str:
    """How a user's input file is named in reports: relative to the scan root when inside it."""
    try:
        return path.resolve().relative_to(scan_root.resolve()).as_posix()
    except ValueError:
        return str(path)


def read_text(path: Path, shown: str, notes: list[Notification], what: str) -> str | None:
    """A user's or scanned input file's text (``what``: "variable file"), or None after an error note."""
    try:
        # Regular files only, bounded, as every scanned file: a FIFO named terraform.tfvars would block.
        return decode(read_bytes(path, shown), shown)
    except OSError as error:
        notes.append(Notification("error", f"cannot read {what}: {error.strerror or error}", shown))
    except ParseError as error:
        where = error.position
        notes.append(Notification("error", error.detail, shown, where.line, where.column))
    return None


def hcl_assignments(text: str, shown: str, notes: list[Notification], what: str) -> dict[str, Attribute]:
    """The ``name = value`` lines of a native-syntax file holding only those (tfvars, a backend
    configuration file), with their lines; {} after an error note naming the file and line."""
    try:
        from iacgate.parsers.terraform import hcltree  # lark, imported only when such a file is read

        attributes, _ = hcltree.body(lark_parse(text).children[0])
    except Exception as error:
        from lark.exceptions import UnexpectedInput

        if isinstance(error, UnexpectedInput):
            notes.append(_syntax_note(hcl_error(error, text), shown, what))
            return {}
        line = getattr(error, "line", 0)
        notes.append(Notification("error", f"cannot parse {what}: {type(error).__name__}", shown, line))
        return {}
    return dict(attributes)


def _file_values(path: Path, shown: str, notes: list[Notification]) -> dict[str, Any]:
    what = "variable file"
    text = read_text(path, shown, notes, what)
    if text is None:
        return {}
    if path.name.endswith(".json"):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as error:
            notes.append(_syntax_note(json_error(error, text), shown, what))
            return {}
        except RecursionError:
            notes.append(Notification("error", f"cannot parse {what}: nested too deeply", shown))
            return {}
        return dict(loaded) if isinstance(loaded, dict) else {}
    evaluator = Evaluator(_ConstantScope())
    return {
        name: safe_value(evaluator, attribute.expr, f"{shown} {name}")
        for name, attribute in hcl_assignments(text, shown, notes, what).items()
    }


def _from_text(text: str, type_name: str) -> Any:
    if type_name in _PRIMITIVE:
        return convert(text, type_name)
    try:
        return safe_value(Evaluator(_ConstantScope()), parse_expression(text), "variable value")
    except Exception:
        return text


def root_values(
    config: ModuleConfig,
    directory: Path,
    scan_root: Path,
    variables: Mapping[str, str],
    var_files: tuple[Path, ...],
    environment: Mapping[str, str],
    notes: list[Notification],
    roots: ReadRoots | None = None,
) -> dict[str, Any]:
    """``var_files`` are the user's (trusted); the automatic ones come from the scanned directory and are
    read only inside ``roots`` (a ``terraform.tfvars`` linked to ``.git/config`` is not read)."""
    values: dict[str, Any] = {}
    for key, text in environment.items():
        if key.startswith("TF_VAR_") and key[7:] in config.variables:
            values[key[7:]] = _from_text(text, _type_name(config, key[7:]))
    automatic = [directory / "terraform.tfvars", directory / "terraform.tfvars.json"]
    with contextlib.suppress(OSError):
        automatic += sorted(
            (
                path
                for path in directory.iterdir()
                if path.name.endswith((".auto.tfvars", ".auto.tfvars.json"))
            ),
            key=lambda path: path.name,
        )
    for path in [*automatic, *var_files]:
        if not path.is_file():
            if path in var_files:
                notes.append(Notification("error", f"variable file {path} not found"))
            continue
        shown = shown_path(path, scan_root)
        why = roots.refusal(path) if roots is not None and path not in var_files else None
        if why is not None:
            where = path.relative_to(scan_root).as_posix() if path.is_relative_to(scan_root) else path.name
            notes.append(Notification("warning", f"variable file {path.name} {why}; not read", where))
            continue
        for name, value in _file_values(path, shown, notes).items():
            if name in config.variables:
                values[name] = convert(value, _type_name(config, name))
    for name, text in variables.items():
        if name in config.variables:
            values[name] = _from_text(text, _type_name(config, name))
    return values
