"""The compiled HCL grammar (a Lark LALR parser, 2-3 s to build) kept as a plain-JSON cache entry.

Lark's own grammar cache is a pickle, by default in the shared temporary directory where any local user
could plant one that runs code. Here Lark's serialised form (dicts, lists, strings and numbers, which
Lark rebuilds only into its own ``Rule`` and ``TerminalDef`` objects) is stored through ``iacgate.cache``
instead: a header binding it to the grammar text and the Lark and iacgate versions, a digest, and a
private directory. The grammar comes from iacgate's and python-hcl2's own files, not from scanned
content, so without a cache base (``IACGATE_CACHE_DIR=""``) it is kept in a per-user private directory
under the temporary directory. An entry is written only when the parser read back from it serialises
exactly as the one built; one that does not load is rebuilt.

The package also ships the compiled grammar for the python-hcl2 and Lark versions it was released with
(``data/hcl-grammar.json.xz``, written by ``make grammar``): a first run on a fresh machine, a CI runner
with an empty cache, reads it in about 0.1 s instead of building it for 2 s. It is used only when its key
(the grammar text and Lark's version) is the one this installation computes; otherwise the cache, or a
build, as above.
"""

from __future__ import annotations

import json
import lzma
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from iacgate.cache import Entry, debug, digest, directory, read_json, rejected, write_bytes

if TYPE_CHECKING:
    from lark import Lark

KIND = "hcl-grammar"
# The compiled grammar shipped with the package: {"key": ..., "payload": {"data", "memo"}}, xz-compressed.
SHIPPED = Path(__file__).with_name("data") / "hcl-grammar.json.xz"
# Options given when loading rather than stored (Lark's own list for its cache; the post-lexer is code).
_LOAD_OPTIONS = frozenset(
    {
        "postlex",
        "transformer",
        "lexer_callbacks",
        "use_bytes",
        "debug",
        "g_regex_flags",
        "regex",
        "propagate_positions",
        "tree_class",
        "_plugins",
    }
)


def parser(grammar: str) -> Lark:
    """An LALR parser of ``grammar`` with python-hcl2's post-lexer, from the cache when it holds one."""
    from hcl2.postlexer import PostLexer
    from lark import Lark, __version__

    key = digest(grammar, __version__, "lalr")
    shipped = _shipped(key)
    if shipped is not None:
        try:
            return _loaded(shipped)
        except Exception as error:  # a file of the package that does not load: build, as without one
            debug(f"{SHIPPED}: not a compiled grammar ({type(error).__name__}); built instead")
    found = directory(KIND, temporary=True)
    entry = Entry(found / key, KIND, key) if found is not None else None
    payload = read_json(entry)
    if payload is not None:
        try:
            return _loaded(payload)
        except Exception as error:  # whatever Lark makes of data it did not write: build instead
            rejected(entry, f"not a compiled grammar ({type(error).__name__})")
    built = Lark(grammar, parser="lalr", postlex=PostLexer())
    if entry is not None:
        _store(entry, built)
    return built


def _shipped(key: str) -> Any:
    """The payload of the package's compiled grammar if it was built for ``key``, else None."""
    try:
        document = json.loads(lzma.decompress(SHIPPED.read_bytes()))
    except (OSError, lzma.LZMAError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("key") != key:
        debug(f"{SHIPPED}: built for other python-hcl2 or Lark versions; the cache or a build is used")
        return None
    return document.get("payload")


def write_shipped(grammar: str) -> Path:
    """Build the parser of ``grammar`` and write it as the package's compiled grammar (``make grammar``):
    only what reads back exactly as built."""
    from hcl2.postlexer import PostLexer
    from lark import Lark, __version__

    serialised, _text, exact = _as_json(Lark(grammar, parser="lalr", postlex=PostLexer()))
    if not exact:
        raise ValueError("the compiled grammar does not read back as built")
    document = {"key": digest(grammar, __version__, "lalr"), "payload": serialised}
    SHIPPED.parent.mkdir(exist_ok=True)
    SHIPPED.write_bytes(lzma.compress(json.dumps(document, separators=(",", ":"), sort_keys=True).encode()))
    return SHIPPED


def _serialised(parser: Lark) -> dict[str, Any]:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"] = {name: value for name, value in data["options"].items() if name not in _LOAD_OPTIONS}
    return {"data": data, "memo": memo}


def _loaded(payload: Any) -> Lark:
    """The parser from its JSON form: JSON turned the state and memo numbers (object keys) into strings
    and two kinds of tuple into lists; the rest Lark reads back as it is."""
    from hcl2.postlexer import PostLexer
    from lark import Lark

    data, memo = payload["data"], payload["memo"]
    table = data["parser"]["parser"]
    table["states"] = {int(state): actions for state, actions in table["states"].items()}
    memo = {int(number): item for number, item in memo.items()}
    for item in memo.values():
        options = item.get("options")
        if isinstance(options, dict) and isinstance(options.get("empty_indices"), list):
            options["empty_indices"] = tuple(options["empty_indices"])
    load: Any = Lark._load_from_dict  # what Lark's standalone parsers load from (untyped)
    return cast("Lark", load(data, memo, postlex=PostLexer()))


def _as_json(built: Lark) -> tuple[dict[str, Any], str, bool]:
    """The parser's serialised form, as JSON text, and whether that text reads back exactly as built."""
    serialised = _serialised(built)
    text = json.dumps(serialised, separators=(",", ":"))
    return serialised, text, _serialised(_loaded(json.loads(text))) == serialised


def _store(entry: Entry, built: Lark) -> None:
    try:
        _serialised_form, text, exact = _as_json(built)
    except Exception as error:  # a Lark whose serialised form JSON does not carry: not cached
        rejected(entry, f"compiled grammar not storable as JSON ({type(error).__name__})")
        return
    if exact:
        write_bytes(entry, text.encode())
    else:
        rejected(entry, "compiled grammar does not read back as written, not stored")
