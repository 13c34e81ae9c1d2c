"""``data "aws_iam_policy_document"`` evaluated from source, as the AWS provider computes it.

The data source is a pure function of its arguments (``statement`` blocks, ``source_policy_documents``,
``override_policy_documents``, the older ``source_json``/``override_json``, ``version``, ``policy_id``),
so its ``json`` is known whenever they are. A document with unknown pieces (a statement's ``resources``
naming a bucket ARN known after apply) is returned as the policy object with those pieces ``Unknown``:
rules read it as they read a CloudFormation ``PolicyDocument``, and what is unknown stays unknown. A
source document that cannot be read adds an ``Unknown`` statement (its statements are not known); an
override document that cannot be read makes the whole value unknown (it may replace any statement).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.values import (
    EvalError,
    PartialPolicy,
    UnknownHit,
    concrete,
    first_unknown,
    to_string,
)

TYPE = "aws_iam_policy_document"
OUTPUTS = ("json", "minified_json")

# Statement arguments and the policy element each becomes; principals are handled apart.
_LISTS = (("actions", "Action"), ("not_actions", "NotAction"), ("resources", "Resource"))
_MORE = (("not_resources", "NotResource"),)
_PRINCIPALS = (("principals", "Principal"), ("not_principals", "NotPrincipal"))


def policy_json(attributes: Mapping[str, Any], name: str, address: str) -> Any:
    """The ``json``/``minified_json`` of a policy document data source with these arguments: a JSON
    string when every piece is known, the policy object with ``Unknown`` pieces otherwise, or ``Unknown``
    when its shape itself is unknown."""
    try:
        document = _document(attributes)
    except UnknownHit as hit:
        return Unknown(f"{address}.{name} depends on a value not known statically: {hit.unknown.reason}")
    except EvalError as error:
        return Unknown(f"{address}.{name} could not be evaluated: {error}")
    if first_unknown(document) is not None:
        return PartialPolicy(document)
    if name == "minified_json":
        return json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    return json.dumps(document, indent=2, ensure_ascii=False)


# The top-level keys of the JSON documents jsonencode() keeps as documents when pieces are not known
# statically: an IAM policy's Statement, an EMR security configuration's EncryptionConfiguration.
_DOCUMENT_KEYS = frozenset({"Statement", "EncryptionConfiguration"})


def partial_policy(value: Any) -> PartialPolicy | None:
    """``jsonencode()`` of a policy document with pieces not known statically (a statement's ``Resource``
    of ``"${aws_s3_bucket.b.arn}/*"``): the document with those pieces ``Unknown``, as the data source
    gives it, instead of a text unknown as a whole that hides every statement. So is an EMR security
    configuration naming a key created in the same plan (``AwsKmsKey = aws_kms_key.emr.arn``): its
    switches are known. ``None`` for anything else: a value known throughout (its text is known), or one
    that is not such a document."""
    value = concrete(value)
    if isinstance(value, PartialPolicy):
        return value
    if not isinstance(value, dict) or _DOCUMENT_KEYS.isdisjoint(value) or first_unknown(value) is None:
        return None
    return PartialPolicy(value)


def _document(attributes: Mapping[str, Any]) -> dict[str, Any]:
    statements: list[Any] = []
    for source in [
        *_documents(attributes.get("source_json")),
        *_documents(attributes.get("source_policy_documents")),
    ]:
        if isinstance(source, Unknown):
            statements.append(source)
        else:
            statements = _merged(statements, _statements_of(source))
    own = attributes.get("statement")
    if isinstance(own, Unknown):
        raise UnknownHit(own)
    statements = _merged(statements, [_statement(block) for block in own or () if isinstance(block, dict)])
    for override in [
        *_documents(attributes.get("override_json")),
        *_documents(attributes.get("override_policy_documents")),
    ]:
        if isinstance(override, Unknown):
            raise UnknownHit(override)
        statements = _merged(statements, _statements_of(override))
    document: dict[str, Any] = {"Version": _text(attributes.get("version")) or "2012-10-17"}
    policy_id = _text(attributes.get("policy_id"))
    if policy_id:
        document["Id"] = policy_id
    document["Statement"] = statements
    return document


def _documents(value: Any) -> list[Any]:
    """A document argument (one JSON string, or a list of them) as parsed documents or ``Unknown``."""
    if value is None or value == "":
        return []
    if isinstance(value, Unknown):
        return [value]
    items = value if isinstance(value, list) else [value]
    found: list[Any] = []
    for item in items:
        if item is None or item == "":
            continue
        if isinstance(item, Unknown | dict):  # a document of another data source with unknown pieces
            found.append(item)
            continue
        if not isinstance(item, str):
            raise EvalError("a policy document must be a JSON string")
        try:
            found.append(json.loads(item))
        except ValueError:
            raise EvalError("a policy document is not valid JSON") from None
    return found


def _statements_of(document: Any) -> list[Any]:
    if not isinstance(document, dict):
        raise EvalError("a policy document must be a JSON object")
    statements = document.get("Statement")
    if isinstance(statements, dict | Unknown):
        return [statements]
    return list(statements) if isinstance(statements, list) else []


def _merged(base: list[Any], newer: list[Any]) -> list[Any]:
    """``newer`` statements replace ``base`` statements with the same non-empty Sid; the rest append."""
    result = list(base)
    for statement in newer:
        sid = statement.get("Sid") if isinstance(statement, dict) else None
        if isinstance(sid, str) and sid:
            for number, existing in enumerate(result):
                if isinstance(existing, dict) and existing.get("Sid") == sid:
                    result[number] = statement
                    break
            else:
                result.append(statement)
        else:
            result.append(statement)
    return result


def _statement(block: Mapping[str, Any]) -> dict[str, Any]:
    statement: dict[str, Any] = {}
    sid = _text(block.get("sid"))
    if sid:
        statement["Sid"] = sid
    statement["Effect"] = _text(block.get("effect")) or "Allow"
    for argument, element in (*_LISTS, *_MORE):
        values = _strings(block.get(argument))
        if values is not None:
            statement[element] = values
    for argument, element in _PRINCIPALS:
        principals = _principals(block.get(argument))
        if principals is not None:
            statement[element] = principals
    conditions = _conditions(block.get("condition"))
    if conditions is not None:
        statement["Condition"] = conditions
    return statement


def _text(value: Any) -> Any:
    """A string argument after Terraform's conversion (a number or bool becomes its text)."""
    if value is None or isinstance(value, Unknown):
        return value
    return to_string(value)


def _strings(value: Any) -> Any:
    """A set-of-strings argument as the provider writes it: one value alone, several as a list; None
    when not set. Unknown elements stay unknown."""
    if value is None or isinstance(value, Unknown):
        return value
    items = [item if isinstance(item, Unknown) else to_string(item) for item in _list(value)]
    if not items:
        return None
    return items[0] if len(items) == 1 else items


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvalError("a list of strings is required")


def _principals(blocks: Any) -> Any:
    if blocks is None or isinstance(blocks, Unknown):
        return blocks
    principals: dict[str, Any] = {}
    for block in _list(blocks):
        if not isinstance(block, dict):
            continue
        kind = _text(block.get("type"))
        identifiers = _strings(block.get("identifiers"))
        if kind == "*" and identifiers == "*":
            return "*"  # the provider writes everyone as Principal "*"
        if isinstance(kind, Unknown):
            raise UnknownHit(kind)
        if kind is None:
            raise EvalError("principals needs a type")
        previous = principals.get(kind)
        if previous is None:
            principals[kind] = identifiers
        else:
            merged = [*_as_list(previous), *_as_list(identifiers)]
            principals[kind] = merged[0] if len(merged) == 1 else merged
    return principals or None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _conditions(blocks: Any) -> Any:
    if blocks is None or isinstance(blocks, Unknown):
        return blocks
    conditions: dict[str, dict[str, Any]] = {}
    for block in _list(blocks):
        if not isinstance(block, dict):
            continue
        test, variable = _text(block.get("test")), _text(block.get("variable"))
        for part in (test, variable):
            if isinstance(part, Unknown):
                raise UnknownHit(part)
        if not test or not variable:
            raise EvalError("condition needs test and variable")
        values = _strings(block.get("values"))
        entries = conditions.setdefault(test, {})
        previous = entries.get(variable)
        if previous is None:
            entries[variable] = values
        else:
            merged = [*_as_list(previous), *_as_list(values)]
            entries[variable] = merged[0] if len(merged) == 1 else merged
    return conditions or None


def replace_in_policy(subject: Any, search: Any, replacement: Any) -> Any:
    """Terraform's ``replace()`` over a policy document's JSON text, string by string, where the document
    or the replacement is partly unknown (terraform-aws-modules/s3-bucket fills ``_S3_BUCKET_ARN_``
    placeholders with ARNs known after apply): a string holding ``search`` becomes unknown when the
    replacement is, every other piece stays as it is. ``None`` when this does not apply (a pattern
    search, a text that is not a policy document): the caller evaluates ``replace()`` as usual."""
    if not isinstance(search, str) or not search or (search.startswith("/") and search.endswith("/")):
        return None
    if not isinstance(replacement, str | Unknown):
        return None
    if isinstance(subject, PartialPolicy):
        document: Any = subject
    elif isinstance(subject, str) and isinstance(replacement, Unknown):
        if search not in subject:
            return subject
        try:
            document = json.loads(subject)
        except ValueError:
            return None
        if not isinstance(document, dict) or "Statement" not in document:
            return None
    else:
        return None
    return PartialPolicy(_replaced(document, search, replacement))


def _replaced(value: Any, search: str, replacement: str | Unknown) -> Any:
    if isinstance(value, str):
        if search not in value:
            return value
        if isinstance(replacement, Unknown):
            return Unknown(f"replace() of {search!r} with a value not known statically: {replacement.reason}")
        return value.replace(search, replacement)
    if isinstance(value, dict):
        return {key: _replaced(item, search, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, search, replacement) for item in value]
    return value
