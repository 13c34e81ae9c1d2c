"""Rego modules moved under a namespace of their own, so several pack versions can share one OPA server.

The OPA engine uploads the packs once per content digest and leaves them for the next scan. Two versions
of a pack define the same packages (``data.iacgate.rules...``) and would merge into one another on a
shared server, so every uploaded module is rewritten below ``data.<namespace>``: its ``package`` line, and
each ``data.<root>`` reference whose root is a package root of the uploaded set (``import data.iacgate.lib``
becomes ``import data.<namespace>.iacgate.lib``; the alias is still ``lib``). References to other roots
(documents an operator loaded on the server) are left as written.

The rewrite works on the tokens of the strict lexer the safety check uses (``rego_lexer.py``), so a name
inside a string or a comment is never touched. A module reading ``data`` as a whole (``data[x]``) is
refused: under a namespace it would read something else.
"""

from __future__ import annotations

from iacgate.evaluate.rego_lexer import LexError, Tokens, tokens


class NamespaceError(ValueError):
    """A module that cannot be moved under a namespace; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def package_root(package: str) -> str:
    return package.split(".", 1)[0]


def namespaced(source: str, namespace: str, roots: frozenset[str]) -> str:
    """``source`` with its package and its references to ``roots`` under ``data.<namespace>``."""
    try:
        found = tokens(source)
    except LexError as exc:
        raise NamespaceError(exc.line, exc.message) from None
    pieces = [source[: found.leading]]
    for index in range(len(found)):
        whole = found.found[index][0]
        if _moved(found, index, roots):
            whole = f"{namespace}.{whole}"
        pieces.append(whole)
    return "".join(pieces)


def _moved(found: Tokens, index: int, roots: frozenset[str]) -> bool:
    """Whether the token at ``index`` is the first name of a path that goes under the namespace."""
    if not found.is_ident(index):
        return False
    name = found.ident(index)
    if name == "data" and not found.is_op(index - 1, ".") and not found.is_op(index + 1, "."):
        raise NamespaceError(
            found.line(index), "the policy reads data as a whole, which cannot be moved under a namespace"
        )
    previous = index - 1
    if found.is_ident(previous) and found.ident(previous) == "package" and not found.is_op(previous - 1, "."):
        return True
    return (
        name in roots
        and found.is_op(previous, ".")
        and found.is_ident(index - 2)
        and found.ident(index - 2) == "data"
        and not found.is_op(index - 3, ".")
    )
