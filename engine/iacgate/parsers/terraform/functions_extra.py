"""Encoding, hashing, network, file and the short-circuit functions (``try``, ``can``, ``coalesce``)."""

from __future__ import annotations

import base64
import copy
import datetime
import hashlib
import ipaddress
import json
import math
import posixpath
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.budget import Budget
from iacgate.parsers.terraform.policy_document import partial_policy
from iacgate.parsers.terraform.syntax import Expr
from iacgate.parsers.terraform.values import (
    EvalError,
    UnknownHit,
    concrete,
    first_unknown,
    json_text,
    number,
    to_number,
    to_string,
)

if TYPE_CHECKING:
    from iacgate.parsers.terraform.expressions import Evaluator


@dataclass
class FunctionContext:
    """What file functions need: a reader for paths relative to the root module (Terraform's working
    directory) that refuses anything outside the scanned tree, and the template parser."""

    read_text: Callable[[str], str]
    parse_template: Callable[[str], Expr]
    # What evaluation may still spend: one per root module, shared by the module instances it calls.
    budget: Budget = field(default_factory=Budget)


Function = Callable[[FunctionContext, list[Any]], Any]
Special = Callable[["Evaluator", tuple[Expr, ...]], Any]


def _from_json(value: Any) -> Any:
    if isinstance(value, float):
        if not math.isfinite(value):
            # Terraform's numbers go beyond a double: the value exists, iacgate cannot hold it.
            raise UnknownHit(Unknown("jsondecode(): a number beyond a double is not evaluated statically"))
        return number(value)
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    if isinstance(value, dict):
        return {key: _from_json(item) for key, item in value.items()}
    return value


def _jsondecode(_: FunctionContext, args: list[Any]) -> Any:
    try:
        return _from_json(json.loads(to_string(args[0])))
    except json.JSONDecodeError as error:
        raise EvalError(f"invalid JSON: {error.msg}") from None


def _cidrsubnet(_: FunctionContext, args: list[Any]) -> Any:
    network = ipaddress.ip_network(to_string(args[0]), strict=False)
    newbits, netnum = int(to_number(args[1])), int(to_number(args[2]))
    prefix = network.prefixlen + newbits
    if prefix > network.max_prefixlen or netnum >= 2**newbits:
        raise EvalError(f"not enough bits to add {newbits} and number {netnum} to {network}")
    base = int(network.network_address) + (netnum << (network.max_prefixlen - prefix))
    return str(ipaddress.ip_network((base, prefix)))


def _cidrhost(_: FunctionContext, args: list[Any]) -> Any:
    network = ipaddress.ip_network(to_string(args[0]), strict=False)
    host = int(to_number(args[1]))
    address = (int(network.broadcast_address) + 1 + host) if host < 0 else int(network.network_address) + host
    if not int(network.network_address) <= address <= int(network.broadcast_address):
        raise EvalError(f"host number {host} is outside {network}")
    return str(ipaddress.ip_address(address))


def _cidrsubnets(context: FunctionContext, args: list[Any]) -> Any:
    """Terraform's cidrsubnets(): consecutive subnets, each at least one and at most 32 bits longer,
    all inside the given prefix (running out of room is an error, not a subnet outside it)."""
    network = ipaddress.ip_network(to_string(args[0]), strict=False)
    out: list[str] = []
    current = int(network.network_address)
    end = int(network.broadcast_address)
    for bits in args[1:]:
        newbits = int(to_number(bits))
        if not 1 <= newbits <= 32:
            raise EvalError("each prefix extension must be between 1 and 32 bits")
        prefix = network.prefixlen + newbits
        if prefix > network.max_prefixlen:
            raise EvalError(f"would extend prefix to {prefix} bits, which is too long for {network}")
        size = 1 << (network.max_prefixlen - prefix)
        current = (current + size - 1) // size * size
        if current + size - 1 > end:
            raise EvalError(f"not enough remaining address space for a subnet with a prefix of {prefix} bits")
        out.append(str(ipaddress.ip_network((current, prefix))))
        current += size
    return out


def _go_clean(path: str) -> str:
    """Go's path.Clean: posixpath.normpath, except that a leading "//" is "/"."""
    cleaned = posixpath.normpath(path) if path else "."
    return "/" + cleaned.lstrip("/") if cleaned.startswith("//") else cleaned


def _basename(_: FunctionContext, args: list[Any]) -> Any:
    """Go's filepath.Base: trailing slashes dropped ("a/b/" is "b"), "" is ".", only slashes is "/"."""
    path = to_string(args[0])
    if not path:
        return "."
    stripped = path.rstrip("/")
    return stripped.rsplit("/", 1)[-1] if stripped else "/"


def _dirname(_: FunctionContext, args: list[Any]) -> Any:
    """Go's filepath.Dir: everything up to the last slash, cleaned ("/a" is "/", "a/b/" is "a/b")."""
    path = to_string(args[0])
    return _go_clean(path[: path.rfind("/") + 1])


def _digest(name: str, encode: Callable[[bytes], str]) -> Function:
    return lambda _c, args: encode(hashlib.new(name, to_string(args[0]).encode()).digest())


def _file(context: FunctionContext, args: list[Any]) -> Any:
    return context.read_text(to_string(args[0]))


def _file_digest(name: str, encode: Callable[[bytes], str]) -> Function:
    return lambda context, args: encode(hashlib.new(name, _file(context, args).encode()).digest())


def _templatefile(evaluator: Evaluator, arg_exprs: tuple[Expr, ...]) -> Any:
    if len(arg_exprs) != 2:
        raise EvalError("templatefile() takes a path and a map of variables")
    path = evaluator.value(arg_exprs[0])
    variables = evaluator.value(arg_exprs[1])
    for value in (path, variables):
        if isinstance(value, Unknown):
            return value
    if isinstance(evaluator.scope, _TemplateScope):
        # Terraform's templatefile() hides itself from templates: one template cannot call itself forever.
        raise EvalError("cannot recursively call templatefile from inside another templatefile call")
    context = evaluator.scope.functions
    return _render(evaluator, context.read_text(to_string(path)), variables)


def _is_reference(expr: Expr) -> bool:
    """``local.x``, ``var.x["k"]``, ``data.t.n.body``: a name and static steps, as Terraform requires of
    templatestring()'s template (a literal would already have been rendered as a template itself)."""
    while expr[0] in ("A", "I"):
        if expr[0] == "I" and expr[2][0] != "L":
            return False
        expr = expr[1]
    return bool(expr[0] == "V")


def _templatestring(evaluator: Evaluator, arg_exprs: tuple[Expr, ...]) -> Any:
    if len(arg_exprs) != 2:
        raise EvalError("templatestring() takes a template and a map of variables")
    if not _is_reference(arg_exprs[0]):
        raise EvalError("the template argument must be a direct reference to a string, not an expression")
    text = evaluator.value(arg_exprs[0])
    variables = evaluator.value(arg_exprs[1])
    for value in (text, variables):
        if isinstance(value, Unknown):
            return value
    if isinstance(evaluator.scope, _TemplateScope):
        raise EvalError("cannot call templatestring from inside a template")
    return _render(evaluator, to_string(text), variables)


def _render(evaluator: Evaluator, text: str, variables: Any) -> Any:
    """A template's value with only ``variables`` in scope (templatefile() and templatestring())."""
    template = evaluator.scope.functions.parse_template(text)
    names = concrete(variables)
    if not isinstance(names, dict):
        raise EvalError("templatefile() variables must be a map")
    from iacgate.parsers.terraform.expressions import Evaluator as Fresh

    # A template sees only the variables it is given, not the calling module's names.
    inner = Fresh(_TemplateScope(evaluator.scope), dict(names))
    return inner.value(template)


class _TemplateScope:
    def __init__(self, outer: Any) -> None:
        self.functions = outer.functions

    def root(self, name: str, ops: list[Expr], evaluator: Evaluator) -> tuple[Any, int]:
        raise EvalError(f"template variable {name!r} was not given to the template")


def _try(evaluator: Evaluator, arg_exprs: tuple[Expr, ...]) -> Any:
    for arg in arg_exprs:
        try:
            value = evaluator.value(arg)
        except EvalError:
            continue
        return value
    raise EvalError("try(): no argument could be evaluated")


def _can(evaluator: Evaluator, arg_exprs: tuple[Expr, ...]) -> Any:
    try:
        value = evaluator.value(arg_exprs[0])
    except EvalError:
        return False
    found = first_unknown(value)
    return found if found is not None else True


def _coalesce(evaluator: Evaluator, arg_exprs: tuple[Expr, ...]) -> Any:
    for arg in arg_exprs:
        value = evaluator.value(arg)
        if isinstance(value, Unknown):
            return value
        if value is not None and value != "":
            return value
    raise EvalError("coalesce(): no non-null, non-empty argument")


def _base64decode(_: FunctionContext, args: list[Any]) -> Any:
    try:
        return base64.b64decode(to_string(args[0]), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise EvalError("not valid base64 text") from None


def _jsonencode(_: FunctionContext, args: list[Any]) -> Any:
    """The JSON text; a policy document with pieces not known statically stays a document (``PartialPolicy``)
    so that rules read its known statements."""
    partial = partial_policy(args[0])
    return partial if partial is not None else json_text(args[0])


def apply_only(reason: str) -> Function:
    """A function whose value depends on the run (or that iacgate does not reproduce): ``Unknown``."""
    return lambda _context, _args: Unknown(reason)


def _csv_records(text: str) -> list[list[str]]:
    """Go's encoding/csv with its defaults (what csvdecode() reads with): RFC 4180 quoting, blank lines
    skipped, a quote inside an unquoted field or text after a closing quote an error, every record as
    long as the first."""
    text, at = text.replace("\r\n", "\n"), 0
    records: list[list[str]] = []
    while at < len(text):
        if text[at] == "\n":
            at += 1
            continue
        fields: list[str] = []
        while True:
            if at < len(text) and text[at] == '"':
                pieces: list[str] = []
                at += 1
                while True:
                    close = text.find('"', at)
                    if close < 0:
                        raise EvalError('extraneous or missing " in quoted-field')
                    pieces.append(text[at:close])
                    at = close + 1
                    if not text.startswith('"', at):
                        break
                    pieces.append('"')
                    at += 1
                if at < len(text) and text[at] not in ",\n":
                    raise EvalError('extraneous or missing " in quoted-field')
                fields.append("".join(pieces))
            else:
                end = at
                while end < len(text) and text[end] not in ",\n":
                    end += 1
                if '"' in text[at:end]:
                    raise EvalError('bare " in non-quoted-field')
                fields.append(text[at:end])
                at = end
            at += 1  # the comma or the newline after the field
            if at > len(text) or text[at - 1] != ",":
                break
        if records and len(fields) != len(records[0]):
            raise EvalError(f"record {len(records) + 1}: wrong number of fields")
        records.append(fields)
    return records


def _csvdecode(context: FunctionContext, args: list[Any]) -> Any:
    """A list of maps, one per record after the header line, keyed by the header's names."""
    text = to_string(args[0])
    context.budget.charge(len(text) // 64)
    records = _csv_records(text)
    if not records:
        raise EvalError("missing header line")
    header = records[0]
    if len(set(header)) != len(header):
        raise EvalError("duplicate column name in the header line")
    return [dict(zip(header, record, strict=True)) for record in records[1:]]


_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z", re.ASCII
)


def _timestamp(text: str) -> tuple[datetime.datetime, int]:
    """An RFC 3339 timestamp, as Terraform's time functions require: the instant in UTC to the microsecond
    and the nanoseconds Python's datetime drops."""
    found = _RFC3339.match(text)
    if found is None:
        raise EvalError(f"not a valid RFC3339 timestamp: {text!r}")
    fraction = (found.group(7) or ".")[1:].ljust(9, "0")[:9]
    zone = found.group(8).upper()
    try:
        date, clock = "-".join(found.group(1, 2, 3)), ":".join(found.group(4, 5, 6))
        moment = datetime.datetime.fromisoformat(f"{date}T{clock}{'+00:00' if zone == 'Z' else zone}")
    except ValueError:
        raise EvalError(f"not a valid RFC3339 timestamp: {text!r}") from None
    return moment.astimezone(datetime.UTC).replace(microsecond=0), int(fraction)


def _timecmp(_: FunctionContext, args: list[Any]) -> Any:
    left, right = _timestamp(to_string(args[0])), _timestamp(to_string(args[1]))
    return (left > right) - (left < right)


# go-cty-yaml's resolution of plain scalars (YAML 1.1 words included: yes/no/on/off/y/n).
_YAML_WORDS: dict[str, Any] = {
    **dict.fromkeys(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"], True),
    **dict.fromkeys(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"], False),
    **dict.fromkeys(["", "~", "null", "Null", "NULL"], None),
}
_YAML_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_YAML_STR = "tag:yaml.org,2002:str"
_NOT_RESOLVED = "yamldecode(): {} is not evaluated statically"


def _yaml_scalar(event: Any) -> Any:
    """A scalar as go-cty-yaml resolves it: quoted or block text, and ``!!str``, is a string; a plain
    scalar is a yes/no/on/off/true/false/null word, a decimal number (``_`` allowed after a digit or
    sign), or a string. What it resolves otherwise (timestamps, ``0b`` numbers, infinities, other tags)
    is left unknown rather than guessed."""
    text = event.value
    if event.tag == _YAML_STR or (event.tag in (None, "!") and not event.implicit[0]):
        return text
    if event.tag is not None:
        raise UnknownHit(Unknown(_NOT_RESOLVED.format(f"the tag {event.tag}")))
    if text in _YAML_WORDS:
        return _YAML_WORDS[text]
    first = text[:1]
    if first == ".":
        if _YAML_DECIMAL.match(text):
            return to_number(text)
        if text.lower() in (".inf", ".nan"):
            raise UnknownHit(Unknown(_NOT_RESOLVED.format(repr(text))))
        return text
    if first.isascii() and (first.isdigit() or first in "+-"):
        if re.match(r"[0-9]{4}-", text) or "inf" in text.lower() or "0b" in text:
            raise UnknownHit(Unknown(_NOT_RESOLVED.format(repr(text))))
        plain = text.replace("_", "")
        if _YAML_DECIMAL.match(plain):
            return to_number(plain.lstrip("+")) if "." in plain or "e" in plain.lower() else int(plain)
    return text


def _yamldecode(context: FunctionContext, args: list[Any]) -> Any:
    """One YAML document as go-cty-yaml reads it: maps (string keys) and sequences of resolved scalars.
    An alias is charged the size of what it repeats, so a billion-laughs document stops at the budget."""
    import yaml  # on use: a scan that decodes no YAML never imports PyYAML

    text = to_string(args[0])
    context.budget.charge(len(text) // 64)
    stack: list[tuple[Any, list[Any]]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    documents: list[Any] = []

    def add(value: Any, size: int, anchor: str | None) -> None:
        if anchor is not None:
            anchors[anchor] = (value, size)
        if not stack:
            documents.append(value)
            return
        container, pending = stack[-1]
        pending[1] += size
        if isinstance(container, list):
            container.append(value)
        elif pending[0] is _NO_KEY:
            if not isinstance(value, str):
                raise UnknownHit(Unknown(_NOT_RESOLVED.format("a key that is not a string")))
            if value == "<<" or value in container:
                raise UnknownHit(Unknown(_NOT_RESOLVED.format(f"the key {value!r} (merged or repeated)")))
            pending[0] = value
        else:
            container[pending[0]] = value
            pending[0] = _NO_KEY

    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.ScalarEvent):
                add(_yaml_scalar(event), 1, event.anchor)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    raise EvalError(f"unknown anchor {event.anchor!r}")
                value, size = anchors[event.anchor]
                context.budget.charge(size)
                add(copy.deepcopy(value), size, None)
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                if event.tag not in (None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
                    raise UnknownHit(Unknown(_NOT_RESOLVED.format(f"the tag {event.tag}")))
                container: list[Any] | dict[str, Any] = (
                    [] if isinstance(event, yaml.SequenceStartEvent) else {}
                )
                stack.append((container, [_NO_KEY, 1, event.anchor]))
                if len(stack) > _YAML_DEPTH:
                    # libyaml's own limit; the pure-Python parser has none, and copies recurse.
                    raise EvalError("invalid YAML: exceeded maximum nesting depth")
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                container, (_, size, anchor) = stack.pop()
                add(container, size, anchor)
    except yaml.YAMLError as error:
        raise EvalError(f"invalid YAML: {getattr(error, 'problem', None) or error}") from None
    if len(documents) > 1:
        raise EvalError("unexpected extra content after value")
    return documents[0] if documents else None


_NO_KEY = object()
_YAML_DEPTH = 1000


# IANA names of the encodings whose Go (x/text) and Python codecs agree; others stay unknown.
_TEXT_ENCODINGS = {
    "utf-8": "utf-8",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "iso-8859-1": "latin-1",
}


def _codec(name: str, function: str) -> str:
    codec = _TEXT_ENCODINGS.get(name.lower())
    if codec is None:
        raise UnknownHit(Unknown(f"{function}() with the encoding {name!r} is not evaluated statically"))
    return codec


def _textencodebase64(_: FunctionContext, args: list[Any]) -> Any:
    """The text in the named encoding, then base64 (UTF-16LE is PowerShell's -EncodedCommand)."""
    text, name = to_string(args[0]), to_string(args[1])
    try:
        encoded = text.encode(_codec(name, "textencodebase64"))
    except UnicodeEncodeError:
        raise EvalError(f"the string has characters that cannot be represented in {name}") from None
    return base64.b64encode(encoded).decode()


def _textdecodebase64(_: FunctionContext, args: list[Any]) -> Any:
    data, name = to_string(args[0]), to_string(args[1])
    codec = _codec(name, "textdecodebase64")
    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError:
        raise EvalError("the given value is not valid base64") from None
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        # Go's decoders replace what they cannot read; which replacement is not reproduced here.
        raise UnknownHit(Unknown(f"textdecodebase64(): bytes that are not valid {name}")) from None


def _pathexpand(_: FunctionContext, args: list[Any]) -> Any:
    path = to_string(args[0])
    if not path.startswith("~"):
        return path
    if path[1:2] not in ("", "/", "\\"):
        raise EvalError("cannot expand user-specific home dir")
    return Unknown("pathexpand() of ~ is the home directory of whoever runs Terraform")


EXTRA: dict[str, Function] = {
    "jsonencode": _jsonencode,
    "jsondecode": _jsondecode,
    "yamlencode": apply_only("yamlencode() output (go-cty-yaml's layout) is not reproduced statically"),
    "cidrsubnet": _cidrsubnet,
    "cidrsubnets": _cidrsubnets,
    "cidrhost": _cidrhost,
    "cidrnetmask": lambda _c, args: str(ipaddress.ip_network(to_string(args[0]), strict=False).netmask),
    "base64encode": lambda _c, args: base64.b64encode(to_string(args[0]).encode()).decode(),
    "base64decode": _base64decode,
    # Go's url.QueryEscape: a space is "+", only letters, digits and "-_.~" stay as they are.
    "urlencode": lambda _c, args: urllib.parse.quote_plus(to_string(args[0]), safe=""),
    "md5": _digest("md5", lambda digest: digest.hex()),
    "sha1": _digest("sha1", lambda digest: digest.hex()),
    "sha256": _digest("sha256", lambda digest: digest.hex()),
    "sha512": _digest("sha512", lambda digest: digest.hex()),
    "base64sha256": _digest("sha256", lambda digest: base64.b64encode(digest).decode()),
    "base64sha512": _digest("sha512", lambda digest: base64.b64encode(digest).decode()),
    "file": _file,
    "fileexists": lambda context, args: _exists(context, to_string(args[0])),
    "filebase64": lambda context, args: base64.b64encode(_file(context, args).encode()).decode(),
    "filemd5": _file_digest("md5", bytes.hex),
    "filesha1": _file_digest("sha1", bytes.hex),
    "filesha256": _file_digest("sha256", bytes.hex),
    "filesha512": _file_digest("sha512", bytes.hex),
    "filebase64sha256": _file_digest("sha256", lambda digest: base64.b64encode(digest).decode()),
    "filebase64sha512": _file_digest("sha512", lambda digest: base64.b64encode(digest).decode()),
    "abspath": apply_only("abspath() depends on the directory Terraform runs in"),
    "dirname": _dirname,
    "basename": _basename,
    "pathexpand": _pathexpand,
    "csvdecode": _csvdecode,
    "yamldecode": _yamldecode,
    "textencodebase64": _textencodebase64,
    "textdecodebase64": _textdecodebase64,
    "timecmp": _timecmp,
    "sensitive": lambda _c, args: args[0],
    "nonsensitive": lambda _c, args: args[0],
    "issensitive": apply_only("issensitive(): iacgate does not track which values are sensitive"),
}


def _exists(context: FunctionContext, path: str) -> bool:
    try:
        context.read_text(path)
    except EvalError:
        return False
    return True


SPECIAL: dict[str, Special] = {
    "try": _try,
    "can": _can,
    "coalesce": _coalesce,
    "templatefile": _templatefile,
    "templatestring": _templatestring,
}

__all__ = ["EXTRA", "SPECIAL", "FunctionContext", "UnknownHit", "apply_only"]
