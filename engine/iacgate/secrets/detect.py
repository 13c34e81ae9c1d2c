"""Detectors over scanned text: detect-secrets plugins (maintained as bc-detect-secrets), run line by line
on candidate lines only, never verifying anything over the network and never running scanned content.

Scanned content is hostile, so the cost is bounded by the input size: a line is only examined when a cheap
scan of the whole text finds a long token or a key header on it, and at most ``LINE_LIMIT`` characters are
given to a detector at once (the library's regular expressions then cost at most a constant per piece): a
longer line is cut between JSON members, and what is still longer is read in windows of ``LINE_LIMIT``
characters that overlap by ``WINDOW_OVERLAP``, so no secret on a long line is out of the detectors' sight.

What is reported (precision matters more than volume):
- known credential formats, each with its own structure check: AWS access key ids (and secret keys
  assigned to an AWS-like name), private key blocks, GitHub (classic and fine-grained), GitLab, Slack,
  Stripe, Twilio, SendGrid, npm and Azure storage keys, JWTs, URLs with a password
  (``user:password@host``) and connection strings with one (``Server=...;Password=...;``);
- a value assigned to a secret-like key (password, secret, token, api_key, ...) only when it is a quoted
  literal (not a reference, interpolation or dynamic reference), at least ``MIN_LENGTH`` characters, and
  of high entropy for its length, or, under a key whose name says it holds a secret (``DB_PASSWORD``, not
  ``password_length``), a password a person chose: at least ``PASSWORD_MIN_LENGTH`` characters without
  spaces, of three character classes (``password_like``); in HCL, a variable's ``default`` is judged under
  the variable's name.
A value that carries a documentation marker (``EXAMPLE``, as in AWS's own examples) is kept with
``example=True`` so that the rule can pass it rather than hide it.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from iacgate.comments import hcl_heredoc_lines
from iacgate.textio import LONE_CR, YAML_ONLY_BREAKS

LINE_LIMIT = 4096
# Longer than any credential a detector matches: each lies whole in one window of a long piece.
WINDOW_OVERLAP = 512
MIN_LENGTH = 16
# The shortest value under a secret-like key taken for a password a person chose (``password_like``).
PASSWORD_MIN_LENGTH = 8
# A token long enough to be a credential: a line without one holds none.
_LONG_TOKEN = re.compile(r"[^\s\"'`,;(){}\[\]<>]{16,}")
_REFERENCE = re.compile(
    r"\$\{|\{\{resolve:|^(?:var|local|data|module|each|count|self|path)\.|^arn:|^projects/|^https?://[^:@/]*/"
    r"|^/|^\*|\s"
)
# event.resultToken, self.config.apiKey: code reading a value, not a value.
_IDENTIFIER_PATH = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\Z")
_EXAMPLE = re.compile(r"EXAMPLE|example|DUMMY|dummy|PLACEHOLDER|placeholder|x{8,}|X{8,}|\*{4,}")
# Attributes the credential rules (SEC-CRED-*) judge whatever the value: not reported twice.
CREDENTIAL_ATTRIBUTES = frozenset(
    {
        "password",
        "master_password",
        "admin_password",
        "administrator_login_password",
        "administrator_password",
        "auth_token",
        "root_password",
        "sql_administrator_login_password",
        "master_user_password",
        "admin_user_password",
        # Write-only variants (Terraform 1.11+ providers): never stored in the state, judged all the same.
        "password_wo",
        "master_password_wo",
        "administrator_login_password_wo",
        "administrator_password_wo",
        "masteruserpassword",
        "adminuserpassword",
        "authtoken",
        "masterpassword",
        "administratorloginpassword",
        "adminpassword",
        "rootpassword",
    }
)
# The resource types whose credential attributes SEC-CRED-001/002/003 judge (their resource_types): in HCL an
# attribute of CREDENTIAL_ATTRIBUTES is left to them only inside such a resource; the same name elsewhere (a
# kubernetes_secret's data, a provider block, a local, a module argument) is searched like any other key.
CREDENTIAL_RESOURCE_TYPES = frozenset(
    {
        "aws_db_instance",
        "aws_directory_service_directory",
        "aws_dms_endpoint",
        "aws_docdb_cluster",
        "aws_docdb_elastic_cluster",
        "aws_elasticache_replication_group",
        "aws_elasticsearch_domain",
        "aws_mq_broker",
        "aws_opensearch_domain",
        "aws_rds_cluster",
        "aws_redshift_cluster",
        "aws_redshiftserverless_namespace",
        "azurerm_kubernetes_cluster",
        "azurerm_linux_virtual_machine",
        "azurerm_linux_virtual_machine_scale_set",
        "azurerm_mariadb_server",
        "azurerm_mssql_managed_instance",
        "azurerm_mssql_server",
        "azurerm_mysql_flexible_server",
        "azurerm_mysql_server",
        "azurerm_postgresql_flexible_server",
        "azurerm_postgresql_server",
        "azurerm_sql_server",
        "azurerm_synapse_workspace",
        "azurerm_virtual_machine",
        "azurerm_virtual_machine_scale_set",
        "azurerm_windows_virtual_machine",
        "azurerm_windows_virtual_machine_scale_set",
        "google_sql_database_instance",
        "google_sql_user",
    }
)
# The prefixes GitLab gives the tokens it issues (see iacgate.secrets.gitlab, which imports the library and
# so is only loaded with the other plugins).
GITLAB_PREFIXES = (
    "glpat-",
    "gloas-",
    "gldt-",
    "glrt-",
    "glcbt-",
    "glptt-",
    "glft-",
    "glimt-",
    "glagent-",
    "glsoat-",
    "glffct-",
    "GR1348941",
)
# (plugin module, class) of the known-format detectors used, each with the lowercase literals a line must
# hold for it to be asked at all (found with str.find over the lowercased text, at C speed) and, for
# literals that are common in IaC, a check of the line itself. Only the few lines that pass are given to
# the detectors, so their own expressions only ever see short, rare lines.
_FORMAT_PLUGINS: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    (
        "aws",
        "AWSKeyDetector",
        ("akia", "asia", "aroa", "aida", "a3t"),
        r"(?:AKIA|ASIA|AROA|AIDA|A3T)[A-Z0-9]{16}",
    ),
    (
        "aws",
        "AWSKeyDetector",
        ("aws",),
        r"(?i:aws.{0,20}?(?:key|pwd|pw|pass|token).{0,20}?[\"'][0-9a-z/+]{40}[\"'])",
    ),
    # Ours: the library's expressions without its reading of files from disk (iacgate.secrets.private_key).
    ("iacgate.secrets.private_key", "PrivateKeyDetector", ("private key", "putty-user-key"), None),
    # Ours: the library's GitHub and npm expressions report a group, not the token (secrets.whole_match).
    (
        "iacgate.secrets.whole_match",
        "GitHubTokenDetector",
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
        None,
    ),
    # bc-detect-secrets has no GitLab plugin: ours, written the library's way (iacgate.secrets.gitlab).
    ("iacgate.secrets.gitlab", "GitLabTokenDetector", tuple(p.lower() for p in GITLAB_PREFIXES), None),
    ("slack", "SlackDetector", ("xox", "hooks.slack.com"), None),
    ("stripe", "StripeDetector", ("k_live_",), None),
    ("twilio", "TwilioKeyDetector", ("ac", "sk"), r"\b(?:AC|SK)[a-z0-9]{32}"),
    ("sendgrid", "SendGridDetector", ("sg.",), r"SG\.[\w-]{16,}"),
    (
        "iacgate.secrets.whole_match",
        "NpmDetector",
        ("_authtoken", "npm_", "npm token", "npm-token", "npmtoken"),
        None,
    ),
    ("azure_storage_key", "AzureStorageKeyDetector", ("accountkey",), None),
    ("jwt", "JwtTokenDetector", ("eyj",), r"eyJ[\w-]{8,}\.[\w-]{8,}"),
    ("basic_auth", "BasicAuthDetector", ("://",), r"://[^\s@/]*:[^\s@/]*@"),
    # Ours: Password=...; in an ADO.NET/ODBC/JDBC connection string (iacgate.secrets.connection_string).
    (
        "iacgate.secrets.connection_string",
        "ConnectionStringDetector",
        ("password", "pwd"),
        r"(?i)(?:password|pwd)\s*=\s*[^$%{<\[*#(;\s\"'`]",
    ),
)
_KEYWORD_LITERALS = (
    "pass",
    "pwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "privatekey",
    "private_key",
    "credential",
)
_CHECKS = {index: re.compile(entry[3]) for index, entry in enumerate(_FORMAT_PLUGINS) if entry[3]}
# A connection string can be short (Host=db;Username=app;Pwd=Hunter2!;): without a long token, a line that
# holds a password among other connection members is still given to the detectors.
# A value long enough for password_like after a key: the keyword detector is asked about such a line too.
_SHORT_VALUE = re.compile(r"""[:=]\s*["']?[^\s"'`$]{8}""")
_SHORT_CONNECTION = re.compile(r"(?i)(?:^|[;\"'\s])(?:password|pwd)\s*=\s*[^$%{<\[*#(;\s\"'`][^;]*;")


@dataclass(frozen=True)
class Detection:
    """One secret found in a file. ``value`` never leaves the engine: reports show ``detector``, ``key``
    and ``line``; ``digest`` (a SHA-256 prefix) tells two detections of one value apart."""

    file: str
    line: int
    detector: str
    key: str | None
    digest: str
    example: bool
    value: str

    def __repr__(self) -> str:  # never the value, even in a traceback or a debug print
        return f"Detection({self.file}:{self.line} {self.detector} key={self.key!r} {self.digest})"


class _OnUse(types.ModuleType):
    """What detect-secrets' modules get as ``requests`` when iacgate imports them: the real module,
    imported on first use. The library uses its HTTP client only to verify a secret with its provider,
    which iacgate never asks for (no verification filter is on: scanned content must never direct network
    traffic), so in a scan the client is never loaded."""

    def __getattr__(self, name: str) -> Any:
        import importlib

        if sys.modules.get("requests") is self:
            del sys.modules["requests"]
        return getattr(importlib.import_module("requests"), name)


@contextmanager
def _without_http_client() -> Iterator[None]:
    """detect-secrets' modules imported with ``_OnUse`` as ``requests`` (which, with urllib3, was two thirds
    of importing them: about 0.1 s of every run that looks for secrets). A ``requests`` the process already
    holds is left as it is, and the stand-in is in ``sys.modules`` only while the detectors are imported:
    code importing ``requests`` later gets the real module, and code that got the stand-in meanwhile gets
    the real module's attributes through it."""
    if "requests" in sys.modules:
        yield
        return
    stand_in = sys.modules["requests"] = _OnUse("requests")
    try:
        yield
    finally:
        if sys.modules.get("requests") is stand_in:
            del sys.modules["requests"]


@cache
def _plugins() -> tuple[Any, ...]:
    # Imported on first use: scans without the secrets rules never pay for the library.
    import importlib

    found = []
    with _without_http_client():
        for module, name, _literals, _check in _FORMAT_PLUGINS:
            path = module if "." in module else f"detect_secrets.plugins.{module}"
            found.append(getattr(importlib.import_module(path), name)())
    return tuple(found)


@cache
def _keyword() -> Any:
    with _without_http_client():
        from detect_secrets.plugins.keyword import KeywordDetector

    return KeywordDetector()


def entropy(value: str) -> float:
    """Shannon entropy of ``value`` in bits per character."""
    counts: dict[str, int] = {}
    for char in value:
        counts[char] = counts.get(char, 0) + 1
    size = len(value)
    return -sum(count / size * math.log2(count / size) for count in counts.values())


def _classes(value: str) -> int:
    """How many of lower case, upper case, digits and other characters ``value`` holds."""
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


def high_entropy(value: str) -> bool:
    """Random-looking for its length: at least 16 characters, three character classes, and an entropy
    near the most a string of that length can have (a dictionary word with a digit is not)."""
    if len(value) < MIN_LENGTH:
        return False
    ceiling = math.log2(min(len(value), 64))
    return _classes(value) >= 3 and entropy(value) >= 0.8 * ceiling


def password_like(key: str | None, value: str) -> bool:
    """A secret a person chose (``P@ssw0rd1234!``, ``Winter2024!``): short and of low entropy, so
    ``high_entropy`` misses it. Only under a key whose name says it holds a secret (``secret_name``:
    ``DB_PASSWORD``, ``clientSecret``, not ``secret_name`` or ``password_length``), and only a value of at
    least ``PASSWORD_MIN_LENGTH`` characters, without spaces, of three character classes: the rules a
    password policy asks for, which names, words and sentences rarely meet."""
    from iacgate.casing import snake

    if key is None or len(value) < PASSWORD_MIN_LENGTH or any(c.isspace() for c in value):
        return False
    return secret_name(snake(key)) and _classes(value) >= 3


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _quoted(line: str, value: str) -> bool:
    return any(f"{quote}{value}{quote}" in line for quote in ('"', "'"))


def _lines_holding(low: str, literal: str, starts: list[int], into: dict[int, set[str]], name: str) -> None:
    at = low.find(literal)
    while at >= 0:
        number = bisect.bisect_right(starts, at) - 1
        into.setdefault(number, set()).add(name)
        # Next line: one mark per line is enough.
        following = starts[number + 1] if number + 1 < len(starts) else len(low)
        at = low.find(literal, max(following, at + 1))


def _lowered(text: str) -> str:
    """``text.lower()`` with exactly one character for each of ``text``'s, so that an offset found in it is
    the same offset in ``text``. U+0130 (İ) lowers to two characters: a file holding some of them before a
    secret would otherwise move every literal found after them onto a later line, out of the detectors'
    sight. Such a character is lowered to the first character of its lowercase instead."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # U+0130 is the only such character today: replaced at C speed, a file full of them costs no more.
    low = text.replace("\u0130", "i").lower()
    if len(low) == len(text):
        return low
    return "".join(char.lower()[:1] for char in text)


def _triggered_lines(text: str, raw_lines: list[str]) -> dict[int, set[str]]:
    """0-based line numbers worth a detector, with the detectors (``p<index>``, ``keyword``) to ask."""
    low = _lowered(text)
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    marked: dict[int, set[str]] = {}
    for index, (_module, _name, literals, _check) in enumerate(_FORMAT_PLUGINS):
        for literal in literals:
            _lines_holding(low, literal, starts, marked, f"p{index}")
    for literal in _KEYWORD_LITERALS:
        _lines_holding(low, literal, starts, marked, "keyword")
    lines: dict[int, set[str]] = {}
    for number, names in marked.items():
        line = raw_lines[number][:LINE_LIMIT]
        if not _LONG_TOKEN.search(line) and "PRIVATE KEY" not in line and not _SHORT_CONNECTION.search(line):
            if "keyword" not in names or not _SHORT_VALUE.search(line):
                continue
            names = {"keyword"}  # a short password under a secret-like key (password_like)
        kept = {
            name
            for name in names
            if name == "keyword" or (check := _CHECKS.get(int(name[1:]))) is None or check.search(line)
        }
        if kept:
            lines[number] = kept
    return lines


_GLUED_KEY = re.compile(r"(?<![\w.-])([A-Za-z_][A-Za-z0-9_]*)=[\"']?\Z")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\s*[:=](?=\s|[\"'<]|$)")
# Where a line longer than LINE_LIMIT is cut (minified JSON: a CloudFormation template or a stack export
# on one line): after a comma or an opening bracket that a key, string or value starts after.
_BREAK = re.compile(r"(?<=[,{\[])(?=\s*[\"{\[])")


def _windows(part: str) -> list[str]:
    """``part`` in pieces of at most LINE_LIMIT characters, each starting WINDOW_OVERLAP characters before
    the one before it ends: every stretch of up to WINDOW_OVERLAP characters lies whole in one of them."""
    if len(part) <= LINE_LIMIT:
        return [part]
    step = LINE_LIMIT - WINDOW_OVERLAP
    return [part[start : start + LINE_LIMIT] for start in range(0, len(part) - WINDOW_OVERLAP, step)]


def _pieces(raw_lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines a detector is given, each at most LINE_LIMIT long, and the 0-based source line of each: a
    long line is cut between JSON members, so a secret far along a minified file is seen with the key it
    is written under, and a piece still longer (a script in one JSON string, a long HCL line) is read in
    overlapping windows, never cut short."""
    if all(len(line) <= LINE_LIMIT for line in raw_lines):
        return raw_lines, list(range(len(raw_lines)))
    pieces: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(raw_lines):
        parts = _BREAK.split(line) if len(line) > LINE_LIMIT else [line]
        for part in parts:
            windows = _windows(part)
            pieces.extend(windows)
            numbers.extend([number] * len(windows))
    return pieces, numbers


def key_of(line: str, value: str = "") -> str | None:
    """The key a line assigns ``value`` to (HCL ``key = ``, YAML ``key:``, JSON ``"key":``): the last one
    written before the value, if any."""
    at = line.find(value) if value else -1
    keys = [match.group(1) for match in _KEY.finditer(line) if at < 0 or match.end() <= at]
    if keys:
        return str(keys[-1])
    # A shell or .env assignment right before the value: export DB_PASSWORD=value.
    glued = _GLUED_KEY.search(line[max(0, at - 128) : at]) if at > 0 else None
    return glued.group(1) if glued else None


# A dynamic reference or an interpolation inside a longer string: the keyword detector reads
# "secretsmanager:ledger/db:SecretString:password}}" as a value under the key "secretsmanager".
_EMBEDDED_REFERENCE = re.compile(r"\{\{resolve:[^}]*\}\}|\$\{[^}]*\}")


def _inside_reference(line: str, value: str) -> bool:
    """Whether every occurrence of ``value`` in ``line`` starts within a ``{{resolve:...}}`` or ``${...}``
    (the detector's value may run on past the closing braces, up to the next quote)."""
    spans = [match.span() for match in _EMBEDDED_REFERENCE.finditer(line)]
    if not spans:
        return False
    at = line.find(value)
    while at >= 0:
        if not any(start <= at < end for start, end in spans):
            return False
        at = line.find(value, at + 1)
    return True


@dataclass(frozen=True)
class _Context:
    """Where an HCL line is: the type of the ``resource`` block around it, and whether it lies in a heredoc
    (a string: a shell assignment there, ``DB_PASSWORD=...``, is a value without quotes)."""

    resource_type: str | None = None
    heredoc: bool = False


_NO_CONTEXT = _Context()
_RESOURCE_HEADER = re.compile(r'resource\s+"([A-Za-z0-9_-]+)"')


def _hcl_contexts(lines: list[str]) -> list[_Context]:
    """The context of each line of an HCL file: blocks open at the first column and close with a brace
    there (as ``terraform fmt`` writes them); heredocs as the comment lexer reads them
    (``comments.hcl_heredoc_lines``: one reading of where a heredoc starts and ends). A heredoc's lines,
    its closing marker included, leave the resource around it as it is."""
    heredoc = hcl_heredoc_lines(lines)
    contexts: list[_Context] = []
    resource: str | None = None
    for number, line in enumerate(lines, 1):
        if number in heredoc:
            contexts.append(_Context(resource, heredoc=True))
            continue
        if line[:1] not in ("", " ", "\t", "}", "#", "/"):
            header = _RESOURCE_HEADER.match(line)
            resource = header.group(1) if header else None
        contexts.append(_Context(resource))
        if line.startswith("}"):
            resource = None
    return contexts


# A resource's type in a template (Type: AWS::RDS::DBInstance) or a Pulumi state ("type": "aws:rds/...").
_TEMPLATE_TYPE = re.compile(r"""^\s*["']?Type["']?\s*:\s*["']?(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)""")
_PULUMI_TYPE = re.compile(r'"type"\s*:\s*"([A-Za-z][A-Za-z0-9-]*:[^"\s]*:[A-Za-z][A-Za-z0-9]*)"')
# A resource type no canonical name is known for: no credential rule judges it.
_OTHER_TYPE = "other"


def _canonical(native: str) -> str:
    # Imported here: the parsers import this module (CREDENTIAL_ATTRIBUTES).
    if native.startswith("AWS::"):
        from iacgate.parsers.cloudformation.names import type_table

        info = type_table().lookup(native)
        return info.canonical if info.known else _OTHER_TYPE
    from iacgate.parsers.pulumi.typemap import load_table

    return load_table().canonical(native) or _OTHER_TYPE


def _document_contexts(lines: list[str]) -> list[_Context]:
    """The context of each line of a template or a Pulumi file: the resource whose type was written last
    above it (templates and stack exports write a resource's type before its properties)."""
    contexts: list[_Context] = []
    resource: str | None = None
    for line in lines:
        found = _TEMPLATE_TYPE.match(line) or _PULUMI_TYPE.search(line)
        if found:
            resource = _canonical(found.group(1))
        contexts.append(_Context(resource))
    return contexts


def _left_to_credential_rules(line: str, key: str | None, hcl: bool, context: _Context) -> bool:
    """Whether a keyword hit under ``key`` is an attribute SEC-CRED-* judge: a credential attribute of a
    resource of a type they judge. In HCL, the resource block around it; in templates and stacks, the line's
    own key (a property, not a key inside a JSON string the line holds, ``SecretString: '{"password":
    ...}'``) in the resource last typed above it, or anywhere when no type was seen."""
    if key is None or key.lower().replace("-", "_") not in CREDENTIAL_ATTRIBUTES:
        return False
    if hcl:
        return not context.heredoc and context.resource_type in CREDENTIAL_RESOURCE_TYPES
    first = _KEY.search(line)
    if first is None or first.group(1) != key:
        return False
    return context.resource_type is None or context.resource_type in CREDENTIAL_RESOURCE_TYPES


_TOKEN_ENDS = frozenset(" \t\r\"'`,")


def _in_arn(line: str, value: str) -> bool:
    """Whether every occurrence of ``value`` in ``line`` is part of an ARN
    (``arn:${AWS::Partition}:secretsmanager:...:secret:prod/db-*``, read by the keyword detector as the
    value of a key ``secret``)."""
    at = line.find(value)
    if at < 0:
        return False
    while at >= 0:
        start = at
        while start > 0 and line[start - 1] not in _TOKEN_ENDS:
            start -= 1
        if not line.startswith("arn:", start):
            return False
        at = line.find(value, at + 1)
    return True


def _keyword_hits(
    relative: str, line: str, number: int, hcl: bool, context: _Context = _NO_CONTEXT
) -> Iterator[tuple[str, str | None, str]]:
    for found in _keyword().analyze_line(filename=relative, line=line, line_number=number):
        value = found.secret_value or ""
        if _inside_reference(line, value) or _in_arn(line, value):
            continue
        key = key_of(line, value)
        if _left_to_credential_rules(line, key, hcl, context):
            continue
        if hcl and not context.heredoc and not _quoted(line, value):
            continue  # an HCL expression (var.x, a function call), not a literal
        if _REFERENCE.search(value) or _IDENTIFIER_PATH.match(value):
            continue
        if high_entropy(value):
            yield "High-entropy string", key, value
        elif password_like(key, value):
            yield "Password-like string", key, value


# Lines as each format ends them (``textio``): a CRLF line keeps its CR, as before.
_BREAKS = re.compile(f"\n|{LONE_CR}")
_YAML_BREAKS = re.compile(f"\n|{LONE_CR}|{YAML_ONLY_BREAKS}")
_YAML_ONLY_BREAK = re.compile(YAML_ONLY_BREAKS)
_YAML_SUFFIXES = (".yaml", ".yml")


def source_lines_of(text: str, relative: str) -> list[str]:
    """The lines of ``text`` as its format counts them: a template whose lines end in CR alone (YAML reads
    it as lines) is not one long line whose secrets lie past LINE_LIMIT, reported on line 1."""
    yaml = relative.lower().endswith(_YAML_SUFFIXES)
    if "\r" not in text and not (yaml and _YAML_ONLY_BREAK.search(text)):
        return text.split("\n")
    return (_YAML_BREAKS if yaml else _BREAKS).split(text)


_PRIVATE_KEY = next(index for index, entry in enumerate(_FORMAT_PLUGINS) if entry[1] == "PrivateKeyDetector")


def _private_key_block(raw_lines: list[str], index: int) -> str:
    """A private key's header line with the lines of its body (``iacgate.secrets.private_key.block``)."""
    from iacgate.secrets.private_key import block

    return block(raw_lines, index, LINE_LIMIT)


# The names the secrets-and-state policies read as holding a secret (lib.secrets.secrets_secret_name): a
# secret word, and none of the words that only speak about a secret (its ARN, name, length, rotation...).
_SECRET_WORD = re.compile(
    r"(^|_)(password|passwd|passphrase|secret|token|api_?key|apikey|private_?key|access_?key|secret_?key"
    r"|client_?secret|auth_?token|connection_?string|conn_?str|sas_?token|credential)s?($|_)"
)
_META_WORD = re.compile(
    r"(^|_)(arn|arns|id|ids|name|names|length|ttl|enabled|enable|version|versions|kms|prefix|path|paths"
    r"|rotation|rotate|type|types|count|days|policy|special|min|max|override|create|manage|managed|use|is"
    r"|generate|recovery|expiration|expiry|duration|secret_?string_?version|file|filename|location|uri|url"
    r"|parameter|parameters|store|vault|resource|engine)($|_)"
)
_VARIABLE = re.compile(r'^variable\s+"([A-Za-z_][A-Za-z0-9_-]*)"')
_DEFAULT = re.compile(r"^(\s*(?:\{\s*)?)default(?=\s*=)")
_INLINE_DEFAULT = re.compile(r"([{\s])default(?=\s*=)")


def secret_name(name: str) -> bool:
    """Whether a variable or key name says it holds a secret (``db_password``, ``api_token``), as the
    policies read names: ``secret_arn``, ``password_length`` only speak about one."""
    snake = name.lower().replace("-", "_")
    return bool(_SECRET_WORD.search(snake)) and not _META_WORD.search(snake)


def _named_defaults(lines: list[str]) -> list[str]:
    """HCL: the ``default`` of a variable whose name says it holds a secret, written under the variable's
    name (``default = "..."`` in ``variable "api_token"`` reads ``api_token = "..."``), so that the keyword
    detector judges it as it judges the same value in a tfvars file or a plan's configuration."""
    renamed = lines
    variable: str | None = None
    for index, line in enumerate(lines):
        header = _VARIABLE.match(line)
        if header:
            variable = header.group(1) if secret_name(header.group(1)) else None
            if variable and "default" in line:  # variable "x" { default = "..." } on one line
                line = _INLINE_DEFAULT.sub(rf"\g<1>{variable}", line, count=1)
        elif line[:1] not in ("", " ", "\t"):
            variable = None  # the block's closing brace, or the next top-level block
        elif variable and "default" in line:
            line = _DEFAULT.sub(rf"\g<1>{variable}", line, count=1)
        if line is not lines[index]:
            renamed = renamed if renamed is not lines else list(lines)
            renamed[index] = line
    return renamed


_TEMPLATE_KEY = re.compile(r"""^(\s*)(["']?)([A-Za-z0-9_:.-]+)\2\s*:(?!:)""")


def _named_parameter_defaults(lines: list[str]) -> list[str]:
    """A template's (YAML, or JSON written one member a line): the ``Default`` of a parameter whose name says
    it holds a secret, written under the parameter's name (``Default: ...`` under ``ApiKey`` reads
    ``ApiKey: ...``), as ``_named_defaults`` does for Terraform variables."""
    from iacgate.casing import snake

    renamed = lines
    section: int | None = None  # the indentation of the Parameters key, inside its section
    member: int | None = None  # the indentation of the parameters' names
    parameter: str | None = None
    for index, line in enumerate(lines):
        found = _TEMPLATE_KEY.match(line)
        if not found:
            continue
        indent = len(found.group(1))
        key = found.group(3)
        if section is None or indent <= section:
            section = indent if key == "Parameters" else None
            member = parameter = None
            continue
        if member is None or indent <= member:
            member = indent
            parameter = key if secret_name(snake(key)) else None
            continue
        if parameter and key == "Default":
            start, end = found.span(3)
            renamed = renamed if renamed is not lines else list(lines)
            renamed[index] = line[:start] + parameter + line[end:]
    return renamed


def detect(text: str, relative: str) -> tuple[Detection, ...]:
    """Every secret in ``text`` (the file ``relative``), at most one per (detector, value): the first."""
    hcl = relative.endswith((".tf", ".tofu", ".tfvars"))
    written = source_lines_of(text, relative)
    named = written
    if hcl and "variable" in text:
        named = _named_defaults(written)
    elif not hcl and "Parameters" in text and "Default" in text:
        named = _named_parameter_defaults(written)
    if named is not written:
        written = named
        text = "\n".join(written)
    raw_lines, source_lines = _pieces(written)
    if raw_lines is not written or len(written) != text.count("\n") + 1:
        # The triggers are found on the text as cut, so that their line numbers are the pieces'.
        text = "\n".join(raw_lines)
    lines = _triggered_lines(text, raw_lines)
    contexts = (_hcl_contexts(written) if hcl else _document_contexts(raw_lines)) if lines else []
    # One detection per value and detector in a file (a Pulumi state repeats inputs as outputs).
    found: dict[tuple[str, str], Detection] = {}
    plugins = _plugins() if lines else ()
    for index, triggers in sorted(lines.items()):
        line = raw_lines[index][:LINE_LIMIT]
        number = source_lines[index] + 1
        hits: list[tuple[str, str | None, str]] = []
        for position, plugin in enumerate(plugins):
            if f"p{position}" not in triggers:
                continue
            given = _private_key_block(raw_lines, index) if position == _PRIVATE_KEY else line
            for secret in plugin.analyze_line(filename=relative, line=given, line_number=number):
                value = str(secret.secret_value or "")
                hits.append((str(secret.type), key_of(line, value), value))
        if not hits and "keyword" in triggers:
            context = contexts[source_lines[index] if hcl else index] if contexts else _NO_CONTEXT
            hits.extend(_keyword_hits(relative, line, number, hcl, context))
        for detector, key, value in hits:
            if not value:
                continue
            digest = _digest(value)
            found.setdefault(
                (detector, digest),
                Detection(relative, number, detector, key, digest, bool(_EXAMPLE.search(value)), value),
            )
    return tuple(found.values())
