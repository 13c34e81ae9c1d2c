"""Which builtins a policy may name: an allowlist, decided on the token stream before any policy loads.

Scanning must never touch the network or leak the environment (``opa.runtime()`` returns the process
environment, credentials included), and a verdict must not depend on the clock or on chance, whichever
engine runs the policy and whoever wrote it. Refusal is decided on tokens (``rego_lexer.py``), not on text:
``opa . runtime()``, ``opa["runtime"]()``, a name split over lines, a call, a value (``f := opa.runtime``)
and either side of ``with ... as ...`` are all the same reference.

A reference is an identifier followed by ``.name`` or ``["name"]`` parts. It is refused when:

- its root is a namespace holding a refused builtin the embedded engine resolves even bare (``opa``,
  ``rand``, ``uuid``, ``io``, ``internal``, ``time``, ``crypto``; measured: ``f := opa`` reaches the
  namespace in rego-cpp), unless it names an allowed builtin (``time.parse_rfc3339_ns``);
- or it goes on from any other builtin namespace (``http.send``, ``net.cidr_contains``, ``object.foo``)
  into a name that is not an allowed builtin: builtins not on the list are refused by default.

Policies are not parsed for scopes, so a local variable or rule named like a refused namespace (``opa``,
``time``; or ``net.x`` for a variable ``net``) is refused too: rename it. References rooted at ``data`` or
``input``, user functions and variables with other names are never builtins and are not restricted.
``print`` is allowed (its output goes to stderr under debugging, never into a report); ``trace`` too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from iacgate.errors import PackError
from iacgate.evaluate.rego_lexer import LexError, Tokens, tokens

# Deterministic builtins without I/O, by their dotted names (names without a dot are never restricted:
# OPA has no I/O or clock builtin without one). Left out on purpose: the clock (time.now_ns), chance
# (rand.*, uuid.*), the host (opa.runtime), the network (http.send, net.*, providers.aws.sign_req),
# JSON schemas (their $ref may be fetched), certificate and token checks that read the clock or sign with
# random nonces (crypto.x509.*, io.jwt.*), private keys, and the engines' internals.
ALLOWED_BUILTINS = frozenset(
    {
        "array.concat",
        "array.reverse",
        "array.slice",
        "base64.decode",
        "base64.encode",
        "base64.is_valid",
        "base64url.decode",
        "base64url.encode",
        "base64url.encode_no_pad",
        "bits.and",
        "bits.lsh",
        "bits.negate",
        "bits.or",
        "bits.rsh",
        "bits.xor",
        "crypto.hmac.equal",
        "crypto.hmac.md5",
        "crypto.hmac.sha1",
        "crypto.hmac.sha256",
        "crypto.hmac.sha512",
        "crypto.md5",
        "crypto.sha1",
        "crypto.sha256",
        "glob.match",
        "glob.quote_meta",
        "graph.reachable",
        "graph.reachable_paths",
        "graphql.is_valid",
        "graphql.parse",
        "graphql.parse_and_verify",
        "graphql.parse_query",
        "graphql.parse_schema",
        "graphql.schema_is_valid",
        "hex.decode",
        "hex.encode",
        "json.filter",
        "json.is_valid",
        "json.marshal",
        "json.marshal_with_options",
        "json.patch",
        "json.remove",
        "json.unmarshal",
        "numbers.range",
        "numbers.range_step",
        "object.filter",
        "object.get",
        "object.keys",
        "object.remove",
        "object.subset",
        "object.union",
        "object.union_n",
        "regex.find_all_string_submatch_n",
        "regex.find_n",
        "regex.globs_match",
        "regex.is_valid",
        "regex.match",
        "regex.replace",
        "regex.split",
        "regex.template_match",
        "rego.metadata.chain",
        "rego.metadata.rule",
        "rego.parse_module",
        "semver.compare",
        "semver.is_valid",
        "strings.any_prefix_match",
        "strings.any_suffix_match",
        "strings.count",
        "strings.render_template",
        "strings.replace_n",
        "strings.reverse",
        "time.add_date",
        "time.clock",
        "time.date",
        "time.diff",
        "time.format",
        "time.parse_duration_ns",
        "time.parse_ns",
        "time.parse_rfc3339_ns",
        "time.weekday",
        "units.parse",
        "units.parse_bytes",
        "urlquery.decode",
        "urlquery.decode_object",
        "urlquery.encode",
        "urlquery.encode_object",
        "yaml.is_valid",
        "yaml.marshal",
        "yaml.unmarshal",
    }
)

# Namespaces holding a refused builtin that the embedded engine resolves from the bare name.
REFUSED_EVEN_BARE = frozenset({"opa", "rand", "uuid", "io", "internal", "time", "crypto"})
# Every builtin namespace: a reference going on from one must name an allowed builtin.
NAMESPACES = frozenset(
    {name.split(".", 1)[0] for name in ALLOWED_BUILTINS} | REFUSED_EVEN_BARE | {"http", "net", "providers"}
)
# Not builtins, but spelled like references under a builtin namespace.
_KEYWORD_REFERENCES = frozenset({"rego.v1"})
# What may end the term a ``.name`` continues: a name that is not a keyword, ``)`` or ``]``. Anything else
# (a keyword, a literal, ``}``) leaves the name after the dot to be checked as a root of its own.
_TERM_ENDS = (")", "]")
_KEYWORDS = frozenset(
    {"as", "contains", "default", "else", "every", "false", "if", "import", "in", "not", "null"}
    | {"package", "some", "true", "with"}
)


@dataclass(frozen=True)
class Refusal:
    """A reference a policy may not make, where it starts."""

    line: int
    name: str
    reason: str


def references(stream: Tokens) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The token index and parts of each reference rooted at a builtin namespace (``opa["runtime"]``
    gives ``("opa", "runtime")``); references rooted elsewhere cannot name a builtin and are not returned.

    An identifier after ``.`` continues the reference before it only when a term ends there (a name
    that is not a keyword, ``)`` or ``]``); otherwise it is taken as a root of its own, so that nothing is
    skipped on a guess. The path of the ``package`` clause that opens the file names the policy, not a
    reference.
    """
    for start in stream.idents_in(NAMESPACES):
        before = start - 1
        if stream.is_op(before, ".") and (
            (stream.is_ident(before - 1) and stream.ident(before - 1) not in _KEYWORDS)
            or stream.is_op(before - 1, *_TERM_ENDS)
        ):
            continue
        if before == 0 and stream.ident(0) == "package":
            continue
        parts = [stream.ident(start)]
        index = start + 1
        while True:
            if stream.is_op(index, ".") and stream.is_ident(index + 1):
                parts.append(stream.ident(index + 1))
                index += 2
                continue
            key = stream.string_value(index + 1) if stream.is_op(index, "[") else None
            if key is not None and stream.is_op(index + 2, "]"):
                parts.append(key)
                index += 3
                continue
            break
        yield start, tuple(parts)


def judge(parts: tuple[str, ...]) -> str | None:
    """Why a reference is refused, or ``None`` when it is fine."""
    root = parts[0]
    if root not in NAMESPACES:
        return None
    names = [".".join(parts[: length + 1]) for length in range(len(parts))]
    if any(name in ALLOWED_BUILTINS or name in _KEYWORD_REFERENCES for name in names):
        return None
    if len(parts) == 1 and root not in REFUSED_EVEN_BARE:
        return None
    what = f"the namespace of refused builtins {root}" if len(parts) == 1 else "not an allowed builtin"
    return (
        f"{what} (scanning never reaches the network, the host, the clock or chance: only deterministic "
        f"builtins are allowed; a variable or rule named {root} must be renamed)"
    )


def refusals(source: str) -> list[Refusal]:
    """Every refused reference in a policy, in order; text the lexer does not accept is one refusal
    without a name."""
    try:
        stream = tokens(source)
    except LexError as exc:
        return [Refusal(exc.line, "", exc.message)]
    found: list[Refusal] = []
    for index, parts in references(stream):
        reason = judge(parts)
        if reason is not None:
            found.append(Refusal(stream.line(index), ".".join(parts), reason))
    return found


# A rule named after a root document (``data := 5``, ``input[x] := y``): OPA refuses it, and rego-cpp 1.5.2
# aborts the whole process on ``data``.
_RESERVED_RULE = re.compile(
    r"^(?:default[ \t]+)?(data|input)\b[ \t]*"
    r"(?::=|=(?!=)|\[|\(|\{|contains\b|if\b|\.[ \t]*[A-Za-z_]\w*[ \t]*(?::=|=(?!=)|\[|\{|contains\b|if\b))",
    re.MULTILINE,
)


def check_policies(files: Iterable[tuple[Path, str]]) -> None:
    """Raise ``PackError`` naming the file, line and name of the first refused reference, or of a rule
    named after a root document."""
    for path, source in files:
        reserved = _RESERVED_RULE.search(code_only(source))
        if reserved is not None:
            line = source.count("\n", 0, reserved.start()) + 1
            raise PackError(
                f"{path}:{line}: policy defines a rule named {reserved.group(1)}, which Rego reserves for "
                "its root document"
            )
        found = refusals(source)
        if not found:
            continue
        first = found[0]
        if first.name:
            raise PackError(
                f"{path}:{first.line}: policy uses {first.name}, which is refused: {first.reason}"
            )
        raise PackError(f"{path}:{first.line}: policy cannot be checked for refused builtins: {first.reason}")


def code_only(source: str) -> str:
    """The source with comments and string literals blanked out, lines kept where they were (for the
    module-closure analysis, which errs on the side of including)."""
    return _STRING_OR_COMMENT.sub(_blank, source)


def comments_blanked(source: str) -> str:
    """The source with comments blanked out and string literals kept."""
    return _STRING_OR_COMMENT.sub(lambda m: _blank(m) if m.group(0).startswith("#") else m.group(0), source)


_STRING_OR_COMMENT = re.compile(r'"(?:\\.|[^"\\\n])*"|`[^`]*`|#[^\n]*')


def _blank(match: re.Match[str]) -> str:
    # Keep newlines so line numbers of what follows stay right.
    text = match.group(0)
    return "\n".join(" " * len(line) for line in text.split("\n")) if "\n" in text else " " * len(text)
