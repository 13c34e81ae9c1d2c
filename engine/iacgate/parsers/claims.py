"""Which parser a file belongs to, judged from its name and content (extensions lie), without importing
the parsers: a scan loads a format's parser only when one of its files is claimed (``OnUse`` in
``iacgate.parsers``), so a pre-commit run over Terraform files never loads the CloudFormation, Pulumi or
plan parsers. Each parser's ``claims`` is the function of its format here."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

from iacgate.textio import LONE_CR, YAML_ONLY_BREAKS, SourceFile

# How much of a JSON file's start a format is sniffed in.
_HEAD = 4096
_PULUMI_SNIFF = 8192

# OpenTofu reads ``.tofu`` and ``.tofu.json`` beside them (a ``.tofu`` file replaces the ``.tf`` of its name).
OPENTOFU_SUFFIXES = (".tofu", ".tofu.json")
TERRAFORM_SUFFIXES = (".tf", ".tf.json", *OPENTOFU_SUFFIXES)

_CFN_RESOURCES = re.compile(r'^Resources\s*:|"Resources"\s*:', re.MULTILINE)
_CFN_AWS_TYPE = re.compile(r"""(?:^|[\s{,"'])"?Type"?\s*:\s*["']?(?:AWS|Custom)::""", re.MULTILINE)
_CFN_FORMAT = re.compile(r'(?:^|[{,])\s*"?(?:AWSTemplateFormatVersion|Transform)"?\s*:', re.MULTILINE)
# A YAML document may indent its top level (``---\n  Resources: ...``): such a text is claimed only when
# its parsed document is a template, so a nested ``Resources:`` (Serverless framework) is not.
_CFN_INDENTED_RESOURCES = re.compile(r"^[ \t]+Resources[ \t]*:", re.MULTILINE)

_PULUMI_EVENT_KEY = re.compile(r'[a-zA-Z]Event"\s*:')


# A plan printed after other lines (the setup-terraform action's wrapper writes the command first): claimed,
# so that the plan parser's error (text before the JSON) fails the gate instead of the file being skipped.
_WRAPPED_PLAN = re.compile(r'^\{\s*"format_version"\s*:', re.MULTILINE)


def wrapped_plan_line(text: str) -> int:
    """The line where a plan printed after other lines starts (0: none in the first 4 kB)."""
    found = _WRAPPED_PLAN.search(text, 0, _HEAD)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def is_plan_name(name: str) -> bool:
    """A file named as ``terraform show -json`` output usually is."""
    lowered = name.lower()
    return lowered.endswith(".tfplan.json") or lowered in ("tfplan.json", "plan.json")


def terraform_plan(source: SourceFile) -> bool:
    # A file named like a plan is claimed even when broken, so a truncated plan is an error rather than
    # silently skipped; unless it decodes to another format's document (a preview saved as plan.json).
    # Otherwise the content decides: substring tests, and the decoded top level when another format's
    # marker shows too (a tag or a config value may hold any of these words).
    if terraform(source):
        return False  # Terraform's JSON syntax: its locals may be named like a plan's keys
    text = source.text
    quick = (
        (text[:_HEAD].lstrip().startswith("{") or wrapped_plan_line(text) > 0)
        and '"format_version"' in text
        and any(key in text for key in ('"planned_values"', '"resource_changes"', '"terraform_version"'))
    )
    if not quick and not is_plan_name(PurePosixPath(source.relative).name):
        return False
    if quick and not _foreign(text, _NOT_PLAN):
        return True
    return document_kind(text) not in (PULUMI, TEMPLATE)


def terraform(source: SourceFile) -> bool:
    return source.relative.lower().endswith(TERRAFORM_SUFFIXES)


def first_line(text: str) -> str:
    stripped = text.lstrip()
    end = stripped.find("\n")
    return stripped if end < 0 else stripped[:end]


def is_event_stream(text: str) -> bool:
    """Pulumi engine events are one compact object per line, each opening with ``sequence`` and
    ``timestamp``."""
    line = first_line(text).rstrip()
    head = line[:200]
    return (
        line.startswith("{")
        and line.endswith("}")
        and ('"sequence"' in head or '"timestamp"' in head)
        and _PULUMI_EVENT_KEY.search(line) is not None
    )


def pulumi(source: SourceFile) -> bool:
    """A preview, stack export or checkpoint, as its markers show; when another format's marker shows too
    (a tag named ``format_version``, a config value ``AWSTemplateFormatVersion``, a stack's template body),
    its decoded top level decides, so no value written in a stack can hide it."""
    text = source.text
    if is_event_stream(text):
        return True
    head = text.lstrip()[:_PULUMI_SNIFF]
    if not head.startswith("{"):
        return False
    if _quick_pulumi(text, head) and not _foreign(head, _NOT_PULUMI):
        return True
    if "urn:pulumi:" not in text and not _quick_pulumi(text, head):
        return False
    return document_kind(text) == PULUMI


def _quick_pulumi(text: str, head: str) -> bool:
    if '"deployment"' in head or '"checkpoint"' in head:
        return '"version"' in head
    if '"latest"' in head and '"target"' in head:
        return '"resources"' in head or "urn:pulumi:" in head
    # A preview's "config" comes first and may be long, so look for its steps anywhere.
    return '"steps"' in text and "urn:pulumi:" in text


# What the JSON formats' top levels show (``document_kind``).
PLAN = "terraform-plan"
PULUMI = "pulumi"
TEMPLATE = "cloudformation"
_PLAN_KEYS = ("planned_values", "resource_changes", "terraform_version", "prior_state", "configuration")

# Markers of the other formats, in a text a format's quick test claimed: the top level then decides.
_NOT_PLAN = ("urn:pulumi:", '"Resources"', "AWSTemplateFormatVersion")
_NOT_PULUMI = ('"format_version"', '"planned_values"', '"Resources"', "AWSTemplateFormatVersion")


def _foreign(text: str, markers: tuple[str, ...]) -> bool:
    return any(marker in text for marker in markers)


def document_kind(text: str) -> str | None:
    """Which format a JSON document's top level is (``PLAN``, ``PULUMI``, ``TEMPLATE``), ``""`` for a
    document of none of them, None for a text that does not decode. Decoding is the slow path: it runs
    only where the markers of two formats meet."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return ""
    if "format_version" in document and any(key in document for key in _PLAN_KEYS):
        return PLAN
    if isinstance(document.get("steps"), list) or "deployment" in document or "checkpoint" in document:
        return PULUMI
    if "latest" in document and "target" in document:
        return PULUMI
    if isinstance(document.get("Resources"), dict):
        return TEMPLATE
    return ""


def changeset(source: SourceFile) -> bool:
    text = source.text
    if not text[:_HEAD].lstrip().startswith("{"):
        return False
    name = PurePosixPath(source.relative).name.lower()
    if name.endswith((".changeset.json", ".change-set.json")):
        return True
    return '"Changes"' in text and ('"ChangeSetId"' in text or '"ChangeSetName"' in text)


def cloudformation(source: SourceFile) -> bool:
    """A template as its text usually shows one (a ``Resources`` key at the start of a line, a format
    version or an AWS resource type), else any text whose parsed document is one.

    A template is the very file a change deploys, so a text that dodges the quick tests must not be skipped
    silently: flow style (``{Resources: {...}}``), a quoted or escaped key (``'Resources'``,
    ``"Re\\x73ources"``), lines broken only by CR (YAML's other line breaks), a plan's marker in a
    description. Any text that can decode to a ``Resources`` key holds that word or a backslash escape, so
    only such texts are parsed to be sure; one that holds the word and an AWS type but does not parse is
    claimed too, so that its parse error fails the gate."""
    text = source.text
    lined = _YAML_BREAK.sub("\n", text) if _YAML_BREAK.search(text) else text
    head = lined[:_HEAD]
    quick = not ('"format_version"' in head or "urn:pulumi:" in head or '"planned_values"' in head)
    if quick and _CFN_RESOURCES.search(lined) and (_CFN_FORMAT.search(head) or _CFN_AWS_TYPE.search(lined)):
        return True
    if "Resources" not in text and "\\" not in text:
        return False
    return _is_template(source, "Resources" in text and ("AWS::" in text or "Custom::" in text))


# YAML's line breaks besides LF (and CRLF).
_YAML_BREAK = re.compile(f"{LONE_CR}|{YAML_ONLY_BREAKS}")


def _is_template(source: SourceFile, if_broken: bool) -> bool:
    """Whether the parsed document is a template (a mapping with a ``Resources`` mapping); ``if_broken``
    when it does not parse. The parser is loaded here, for the few texts the quick tests cannot settle."""
    if source.text.lstrip().startswith(("{", "[")):
        # JSON (package.json, editor settings, i18n files hold backslashes) is decided by the C decoder.
        try:
            document = json.loads(source.text)
        except (ValueError, RecursionError):
            pass  # not JSON: YAML in flow style, or broken; the template reader decides
        else:
            return isinstance(document, dict) and isinstance(document.get("Resources"), dict)
    from iacgate.errors import ParseError
    from iacgate.parsers.cloudformation import load_template

    try:
        document = load_template(source).value
    except ParseError:
        return if_broken
    return isinstance(document, dict) and isinstance(document.get("Resources"), dict)


# Pulumi's project file and its stack files (``Pulumi.yaml``, ``Pulumi.<stack>.yaml``), by name: nothing in
# their content marks them. Asked after the template parsers, so a template named so stays a template.
PULUMI_CONFIG_NAME = re.compile(r"^Pulumi(?:\.(?P<stack>[^/]+))?\.ya?ml$")


def pulumi_config(source: SourceFile) -> bool:
    return bool(PULUMI_CONFIG_NAME.match(PurePosixPath(source.relative).name))
