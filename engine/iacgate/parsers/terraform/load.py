"""Reading ``.tf`` and ``.tf.json`` files into ``syntax`` blocks, with a content-hash cache.

Parsing with python-hcl2 dominates a source scan (about 190 KB/s), so a parsed file is cached by the
sha256 of its text and the parser version: in memory for the process, and on disk under the user's
cache directory (``$IACGATE_CACHE_DIR``, else ``$XDG_CACHE_HOME/iacgate``, else ``~/.cache/iacgate``),
never inside the scanned tree. A pre-commit run re-parses only the files that changed. An entry on disk is
plain JSON (``syntax_codec``) behind a header naming the sha256 it was parsed from (``iacgate.cache``): one
that is another file's, another version's, or not a parse result is parsed again, never believed.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iacgate.cache import Entry, cache_base, read_json, rejected, write_bytes
from iacgate.cache import directory as cache_kind_directory
from iacgate.errors import ParseError, Position
from iacgate.parsers.terraform import grammar_cache, syntax_codec
from iacgate.parsers.terraform.grammar import REWRITES, RULE_REWRITES, linear_grammar
from iacgate.parsers.terraform.jsonsyntax import json_blocks
from iacgate.parsers.terraform.syntax import Block, ParsedFile
from iacgate.parsers.terraform.syntax_errors import hcl_error, json_error
from iacgate.textio import SourceFile

if TYPE_CHECKING:
    from lark import Lark, Tree


def _hcl_version() -> str:
    """python-hcl2's version, read from its version file: importing hcl2 (and lark) costs 0.1 s that a
    run whose files are all in the parse cache never needs."""
    spec = importlib.util.find_spec("hcl2")
    if spec is None or spec.origin is None:
        return "missing"
    try:
        text = Path(spec.origin).with_name("version.py").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    found = re.search(r"__version__\s*=\s*(?:version\s*=\s*)?[\"']([^\"']+)", text)
    return found.group(1) if found else hashlib.sha256(text.encode()).hexdigest()[:12]


# Bumped whenever what a parse caches changes, syntax error messages included; a change to the grammar's
# rewritten terminals changes it by itself.
_REWRITES = hashlib.sha256(json.dumps([REWRITES, RULE_REWRITES], sort_keys=True).encode()).hexdigest()[:12]
PARSER_VERSION = f"12-{_hcl_version()}-{_REWRITES}"
_MEMORY: dict[str, tuple[Block, ...] | tuple[int, int, str]] = {}
# Below this much uncached text a worker pool costs more to start than it saves (measured on 2 cores, the
# grammar cached: 53 KB in 3 files 0.40 s alone, 0.30 s with 2 workers; 200 KB 0.95 s against 0.50 s).
_PARALLEL_BYTES = 64_000
# The parse cache's directory and entry kind: a new parser version never reads an older one's entries.
_KIND = f"hcl-{PARSER_VERSION}"


@functools.cache
def _parser() -> Lark:
    """python-hcl2's grammar (heredocs found in linear time, see ``linear_grammar``) and post-lexer in a
    parser that does not propagate positions to every tree node: that costs 37% of parsing (0.29 of 0.78 s
    for 200 KB), and the lines we keep come from tokens (``hcltree._line``). The compiled grammar (2 s to
    build) is cached as plain data, not as Lark's pickle (``grammar_cache``)."""
    return grammar_cache.parser(hcl_grammar())


def hcl_grammar() -> str:
    """python-hcl2's grammar with heredocs found in linear time."""
    import hcl2.parser  # on use only, see _hcl_version

    grammar = Path(hcl2.parser.__file__).with_name("hcl2.lark").read_text(encoding="utf-8")
    return linear_grammar(grammar)


def lark_parse(text: str) -> Tree[Any]:
    return _parser().parse(text)


def cache_directory(scan_root: Path | None) -> Path | None:
    """The parse cache under the shared cache base, or None when caching is off or the base would lie
    inside the scanned tree."""
    base = cache_base()
    if base is None:
        return None
    if scan_root is not None and (base / _KIND).resolve().is_relative_to(scan_root.resolve()):
        return None
    return cache_kind_directory(_KIND)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _parse_text(text: str, json_syntax: bool) -> tuple[Block, ...] | tuple[int, int, str]:
    """Blocks, or (line, column, message) for a syntax error; never raises for bad input."""
    from lark.exceptions import UnexpectedInput

    from iacgate.parsers.terraform import hcltree  # lark, imported only when a file must be parsed

    try:
        if json_syntax:
            return json_blocks(text)
        # The grammar wants a line end after a last-line comment; one more line end moves no line.
        tree = lark_parse(text if text.endswith("\n") else text + "\n")
        attributes, blocks = hcltree.body(tree.children[0])
        for attribute in attributes.values():
            # Terraform: "Unsupported argument". Ignoring it would judge a file Terraform refuses.
            return (attribute.line, 0, f"argument {attribute.name!r} is not expected outside a block")
        return blocks
    except json.JSONDecodeError as error:
        return json_error(error, text)
    except UnexpectedInput as error:
        return hcl_error(error, text)
    except hcltree.Refused as refused:
        return (refused.line, 0, refused.message)
    except (ValueError, KeyError, IndexError, RecursionError) as error:
        return (0, 0, f"HCL syntax not understood: {error}")


def _parse_job(job: tuple[str, bool]) -> tuple[Block, ...] | tuple[int, int, str]:
    return _parse_text(*job)


def _entry(directory: Path | None, key: str) -> Entry | None:
    return Entry(directory / key[:2] / key, _KIND, key) if directory is not None else None


def _read_disk(directory: Path | None, key: str) -> syntax_codec.Parsed | None:
    """The parse result cached for the text whose sha256 is ``key``, if its entry says so and holds one."""
    entry = _entry(directory, key)
    data = read_json(entry)
    if data is None:
        return None
    try:
        return syntax_codec.decode(data)
    except (syntax_codec.Invalid, RecursionError) as error:
        rejected(entry, f"not a parse result ({error})")
        return None


def _write_disk(directory: Path | None, key: str, value: syntax_codec.Parsed) -> None:
    """Cache a parse result, only when its JSON form reads back as exactly the same value."""
    entry = _entry(directory, key)
    if entry is None:
        return
    try:
        text = json.dumps(syntax_codec.encode(value), separators=(",", ":"))
        exact = syntax_codec.decode(json.loads(text)) == value
    except (syntax_codec.Invalid, TypeError, ValueError, RecursionError):
        exact = False
    if exact:
        write_bytes(entry, text.encode())
    else:
        rejected(entry, "parse result not storable as JSON, not written")


def is_json_source(relative: str) -> bool:
    return relative.lower().endswith(".json")


def parse_files(
    sources: Sequence[SourceFile], scan_root: Path | None
) -> tuple[list[ParsedFile], list[ParseError]]:
    """Parse every source (cached, in parallel when a lot is new); errors name file, line and column."""
    directory = cache_directory(scan_root)
    results: dict[int, Any] = {}
    missing: list[tuple[int, str]] = []
    for number, source in enumerate(sources):
        key = _key(source.text) + ("j" if is_json_source(source.relative) else "")
        value = _MEMORY.get(key)
        if value is None:
            value = _read_disk(directory, key)
            if value is not None:
                _MEMORY[key] = value
        if value is None:
            missing.append((number, key))
        else:
            results[number] = value
    jobs = [(sources[number].text, is_json_source(sources[number].relative)) for number, _ in missing]
    if sum(len(text) for text, _ in jobs) >= _PARALLEL_BYTES and len(jobs) > 1 and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor  # multiprocessing: 15 ms of start-up, on use

        try:
            _parser()  # built (or read from its cache) once here: forked workers inherit it
            with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 2, 4)) as pool:
                values = list(pool.map(_parse_job, jobs, chunksize=max(1, len(jobs) // 16)))
        except (OSError, RuntimeError):
            values = [_parse_job(job) for job in jobs]
    else:
        values = [_parse_job(job) for job in jobs]
    for (number, key), value in zip(missing, values, strict=True):
        _MEMORY[key] = value
        _write_disk(directory, key, value)
        results[number] = value
    parsed: list[ParsedFile] = []
    errors: list[ParseError] = []
    for number, source in enumerate(sources):
        value = results[number]
        if value and isinstance(value[0], int):
            line, column, message = value
            errors.append(ParseError(Position(source.relative, line, column), message))
        else:
            parsed.append(ParsedFile(source.relative, value))
    return parsed, errors
