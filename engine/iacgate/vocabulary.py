"""Rules speak Terraform; a finding speaks the format it was found in.

A rule is written once, with Terraform's attribute and type names (``encrypted``, ``kms_key_id``,
``aws_flow_log``). A finding on a CloudFormation resource must name CloudFormation's (``Encrypted``,
``KmsKeyId``, ``AWS::EC2::FlowLog``), one on a Pulumi resource Pulumi's (``kmsKeyId``,
``aws:ec2/flowLog:FlowLog``): this module renders a rule's message and remediation in the finding's
format. Which words are names:

- a Terraform type (``aws_*``, ``azurerm_*``, ``google_*``...) the format has an equivalent of;
- a snake_case word or dotted path whose words are property names of the format (CloudFormation's from its
  resource schemas, ``parsers/data/cloudformation_names.json``; Pulumi's are camelCase of Terraform's);
- a single word only where it stands as an attribute: before ``=``, ``block`` or, when it is the
  attribute the finding is about, before ``is``/``holds``/``has``.

Values (``alias/aws/s3``, ``TLS_1_0``, ``redirect-to-https``, parameter names such as ``rds.force_ssl``)
are not names and stay as written. ``x = v`` becomes ``X: v`` and "``x`` block" "``X`` property".
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from iacgate.casing import snake
from iacgate.graph.model import PathElement, path_text

CLOUDFORMATION = "cloudformation"
PULUMI = "pulumi"

_TYPE = re.compile(r"^(?:aws|azurerm|azuread|azapi|google|random|tls)_[a-z0-9_]+$")
# A lowercase word or dotted path, not glued to a value's punctuation (aws:kms, alias/aws/s3, TLS-1-2).
_TOKEN = re.compile(
    r"(?<![\w.:/@*$-])[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*)*(?![\w:/@*-])"
)
# Attribute names continuing a dotted path: ".id" of "artifact_store.encryption_key.id".
_TAIL = r"((?:\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*)*)"
_ASSIGN = re.compile(r"\s*=\s")
_BLOCK = re.compile(r" blocks?\b(?! device)")
_SUBJECT = re.compile(r" (?:is|are|holds|has|names|must)\b")


@dataclass(frozen=True)
class CloudFormationNames:
    spelled: Mapping[str, str]
    mechanical: frozenset[str]
    per_type: Mapping[str, Mapping[str, str]]
    # native type -> canonical attribute -> what the template writes for it (reverse renames, and names
    # for Terraform attributes CloudFormation models elsewhere, from cloudformation_types.json "speaks").
    aliases: Mapping[str, Mapping[str, str]]
    types: Mapping[str, str]
    # Properties whose keys are the user's or the service's (Parameters, Variables, PolicyDocument):
    # below them nothing is a CloudFormation property name.
    verbatim: frozenset[str]

    def known(self, name: str) -> bool:
        return name in self.spelled or name in self.mechanical


@dataclass(frozen=True)
class PulumiNames:
    aliases: Mapping[str, Mapping[str, str]]
    types: Mapping[str, tuple[str, ...]]
    verbatim: frozenset[str]


def _data(name: str) -> Any:
    return json.loads(resources.files("iacgate.parsers").joinpath("data", name).read_text("utf-8"))


@cache
def cloudformation_names() -> CloudFormationNames:
    names = _data("cloudformation_names.json")
    table = _data("cloudformation_types.json")
    entries: Mapping[str, Mapping[str, Any]] = table["types"]
    aliases: dict[str, dict[str, str]] = {}
    by_canonical: dict[str, list[str]] = {}
    for native, entry in entries.items():
        renames: Mapping[str, str] = entry.get("renames", {})
        speaks: Mapping[str, str] = entry.get("speaks", {})
        aliases[native] = {canonical: spelled for spelled, canonical in renames.items()} | dict(speaks)
        by_canonical.setdefault(str(entry["type"]), []).append(native)
    # One native name per Terraform type: the plain resource, not a SAM or legacy alias of it.
    types = {
        canonical: min(natives, key=lambda n: (n.startswith("AWS::Serverless::"), len(n), n))
        for canonical, natives in by_canonical.items()
    }
    return CloudFormationNames(
        spelled=names["names"],
        mechanical=frozenset(names["mechanical"]),
        per_type=names["types"],
        aliases=aliases,
        types=types,
        verbatim=frozenset(snake(name) for name in table.get("verbatim_properties", ())),
    )


@cache
def pulumi_names() -> PulumiNames:
    table = _data("pulumi_types.json")
    renames: Mapping[str, Mapping[str, str]] = table["renames"]
    tokens: Mapping[str, str] = table["types"]
    types: dict[str, list[str]] = {}
    for token, canonical in tokens.items():
        types.setdefault(canonical, []).append(token)
    return PulumiNames(
        aliases={
            token: {canonical: spelled.rsplit(".", 1)[-1] for spelled, canonical in table.items()}
            for token, table in renames.items()
        },
        verbatim=frozenset(table.get("map_properties", ())),
        types={
            canonical: tuple(sorted(found, key=lambda t: (len(t), t))) for canonical, found in types.items()
        },
    )


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass(frozen=True)
class Speaker:
    """Renders text about one resource (its format and native type) in that format's vocabulary."""

    format: str
    native_type: str

    @property
    def translates(self) -> bool:
        return self.format in (CLOUDFORMATION, PULUMI)

    def type_name(self, canonical: str) -> str | None:
        """The format's name of a Terraform type, or None when the format has no such type."""
        if self.format == CLOUDFORMATION:
            return cloudformation_names().types.get(canonical)
        if self.format == PULUMI:
            tokens = pulumi_names().types.get(canonical, ())
            package = self.native_type.split(":", 1)[0]
            same = [token for token in tokens if token.split(":", 1)[0] == package]
            return (same or list(tokens))[0] if tokens else None
        return canonical

    def name(self, canonical: str, *, anywhere: bool = False) -> str | None:
        """The format's spelling of one attribute name; None when it is not a name of the format (a word
        that only looks like one). ``anywhere``: the caller knows it is a name (it is in the path)."""
        if self.format == CLOUDFORMATION:
            names = cloudformation_names()
            alias = names.aliases.get(self.native_type, {}).get(canonical)
            if alias:
                return alias
            own = names.per_type.get(self.native_type, {}).get(canonical)
            if own:
                return own
            if canonical in names.spelled:
                return names.spelled[canonical]
            if anywhere or canonical in names.mechanical:
                return _pascal(canonical)
            return None
        if self.format == PULUMI:
            alias = pulumi_names().aliases.get(self.native_type, {}).get(canonical)
            if alias or anywhere or "_" in canonical or cloudformation_names().known(canonical):
                return _camel(alias or canonical)
            return None
        return canonical

    @property
    def verbatim(self) -> frozenset[str]:
        """Attributes whose keys are not the format's names (a parameter group's parameters)."""
        if self.format == CLOUDFORMATION:
            return cloudformation_names().verbatim
        if self.format == PULUMI:
            return pulumi_names().verbatim
        return frozenset()

    def path(self, path: Sequence[PathElement]) -> str:
        """An attribute path as the format writes it: ``LaunchTemplateData.BlockDeviceMappings[0]``."""
        out = ""
        kept = False
        for element in path:
            if isinstance(element, int):
                out += f"[{element}]"
                continue
            spelled = element if kept else self.name(element, anywhere=True) or element
            kept = kept or element in self.verbatim
            out += f".{spelled}" if out else spelled
        return out

    def text(self, text: str, path: Sequence[PathElement] = (), values: Collection[str] = ()) -> str:
        """A message or remediation with every Terraform name in it rendered in this format. ``values``:
        the resource's string values; a word that is one of them (``log_connections``) is not a name."""
        if not self.translates or not text:
            return text
        whole = path_text(path) if len(path) > 1 else ""
        if whole and whole in text:
            # The finding's own path written out ("cannot decide, listener[0].lb_protocol is unknown") is
            # rendered as a path, element by element, not word by word; so are the names that continue it
            # ("artifact_store.encryption_key.id" about the missing id of the path's block).
            return self._path_text(text, whole, path, values)
        names = [element for element in path if isinstance(element, str)]
        cut = next((index for index, name in enumerate(names) if name in self.verbatim), len(names))
        # Below a verbatim attribute (a parameter group's parameters) the path names values, not names.
        subjects = set(names[: cut + 1])
        values = {*values, *names[cut + 1 :]}
        out: list[str] = []
        last = 0
        for match in _TOKEN.finditer(text):
            word = match.group(0)
            # What follows the word is matched in place (no copy of the rest of the text per word).
            end = match.end()
            assign, block = _ASSIGN.match(text, end), _BLOCK.match(text, end)
            rendered = (
                None if word in values else self._token(word, text, end, subjects, bool(assign or block))
            )
            if rendered is None:
                continue
            out.append(text[last : match.start()])
            if assign:
                # "encrypted = true" -> "Encrypted: true"
                rendered += ":"
                last = assign.end() - 1
            elif block:
                rendered += " property"
                last = block.end()
            else:
                last = end
            out.append(rendered)
        out.append(text[last:])
        return "".join(out)

    def _path_text(self, text: str, whole: str, path: Sequence[PathElement], values: Collection[str]) -> str:
        out: list[str] = []
        last = 0
        for match in re.finditer(re.escape(whole) + _TAIL, text):
            tail = [part for part in match.group(1).split(".") if part]
            spelled = [self.name(part, anywhere=True) or part for part in tail]
            out.append(self.text(text[last : match.start()], path, values))
            out.append(".".join([self.path(path), *spelled]))
            last = match.end()
        out.append(self.text(text[last:], path, values))
        return "".join(out)

    def _is_type(self, word: str) -> bool:
        """A Terraform type name, as opposed to an attribute that starts like one (aws_kms_key_id)."""
        return word in cloudformation_names().types or word in pulumi_names().types

    def _token(
        self, word: str, text: str, end: int, subjects: set[str], stands_as_attribute: bool
    ) -> str | None:
        if _TYPE.match(word):
            if self._is_type(word):
                return self.type_name(word)
            if word not in subjects and not cloudformation_names().known(word):
                return None  # a Terraform type no table knows: not an attribute either
        parts = word.split(".")
        single = len(parts) == 1 and "_" not in word
        if single:
            stands = stands_as_attribute or (word in subjects and _SUBJECT.match(text, end))
            if not stands:
                return None
        rendered = []
        for index, part in enumerate(parts):
            spelled = self.name(part, anywhere=part in subjects or (single and index == 0))
            if spelled is None:
                return None
            rendered.append(spelled)
        return ".".join(rendered)


@cache
def speaker(format: str, native_type: str) -> Speaker:
    return Speaker(format, native_type)
