"""The compiled HCL grammar (a Lark LALR parser, 2-3 s to build) kept as a plain-JSON cache entry.

Lark's own grammar cache is a pickle, by default in the shared temporary directory where any local user
could plant one that runs code. Here Lark's serialised form (dicts, lists, strings and numbers, which
Lark rebuilds only into its own ``Rule`` and ``TerminalDef`` objects) is stored through ``iacgate.cache``
instead: a header binding it to the grammar text and the Lark and iacgate versions, a digest, and a
private directory. The grammar comes from iacgate's and python-hcl2's own files, not from scanned
content, so without a cache base (``IACGATE_CACHE_DIR=""``) it is kept in a per-user private directory
under the temporary directory. An entry is written only when the parser read back from it serialises
exactly as the one built; one that does not load is rebuilt.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, cast

from iacgate.cache import Entry, digest, directory, read_json, rejected, write_bytes

if TYPE_CHECKING:
    from lark import Lark

KIND = "hcl-grammar"
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

    found = directory(KIND, temporary=True)
    key = digest(grammar, __version__, "lalr")
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


def _store(entry: Entry, built: Lark) -> None:
    serialised = _serialised(built)
    try:
        text = json.dumps(serialised, separators=(",", ":"))
        exact = _serialised(_loaded(json.loads(text))) == serialised
    except Exception as error:  # a Lark whose serialised form JSON does not carry: not cached
        rejected(entry, f"compiled grammar not storable as JSON ({type(error).__name__})")
        return
    if exact:
        write_bytes(entry, text.encode())
    else:
        rejected(entry, "compiled grammar does not read back as written, not stored")
