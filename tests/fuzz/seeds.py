"""Valid inputs the fuzzer mutates, by format: the repository's fixtures, and in a campaign the shared corpus.

A seed is a file name (the name decides how discovery and the parsers see it) and its text. JSON seeds are
also decoded, so mutations can work on their structure; the ``.tf`` and YAML seeds are mutated as text
(YAML additionally through its decoded structure, written back as YAML).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .budget import CAMPAIGN

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
CORPUS = REPO.parent / "shared" / "corpus"

# Rule fixtures with every format and a failing resource in each: a lost resource is a lost finding.
_RULES = ("encryption/ENC-EBS-001", "audit-logging/LOG-CLOUDTRAIL-001")


@dataclass(frozen=True)
class Seed:
    format: str  # "plan", "hcl", "tfjson", "cfn-yaml", "cfn-json", "pulumi", "pulumi-events"
    name: str  # the file name it is scanned under
    text: str

    def __repr__(self) -> str:  # the text is long and known: failures name the seed by its start
        return f"Seed({self.format!r}, {self.name!r}, {self.text[:60]!r}...)"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # how Hypothesis shows an example
        printer.text(repr(self))

    @property
    def document(self) -> Any:
        """The decoded JSON (one list of events for an event stream), shared: copy it before changing it."""
        return _decoded(self.format, self.text)


@cache
def _decoded(fmt: str, text: str) -> Any:
    if fmt == "pulumi-events":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _fixture_seeds() -> list[Seed]:
    seeds: list[Seed] = []
    for rule in _RULES:
        directory = FIXTURES / rule
        name = directory.name
        seeds += [
            Seed("plan", f"{name}.tfplan.json", _read(directory / f"{name}.tfplan.json")),
            Seed("hcl", "main.tf", _read(directory / "main.tf")),
            Seed("cfn-yaml", "template.yaml", _read(directory / "template.yaml")),
            Seed("pulumi", f"{name}.pulumi.json", _read(directory / f"{name}.pulumi.json")),
        ]
    parsers = FIXTURES / "parsers"
    seeds += [
        Seed("plan", "modules.tfplan.json", _read(parsers / "tfplan" / "modules.tfplan.json")),
        Seed("plan", "minified.tfplan.json", _read(parsers / "tfplan" / "minified-tf1.0.tfplan.json")),
        Seed("hcl", "main.tf", _read(parsers / "terraform" / "expressions" / "main.tf")),
        Seed("hcl", "main.tf", _read(parsers / "terraform" / "instances" / "main.tf")),
        Seed("tfjson", "main.tf.json", _read(parsers / "terraform" / "json" / "main.tf.json")),
        Seed("cfn-yaml", "template.yaml", _read(parsers / "cloudformation" / "intrinsics.yaml")),
        Seed("cfn-yaml", "template.yaml", _read(parsers / "cloudformation" / "sam.yaml")),
        Seed("cfn-yaml", "template.yaml", _read(parsers / "cloudformation" / "foreach.yaml")),
        Seed("cfn-json", "template.json", _read(parsers / "cloudformation" / "twin.json")),
        Seed("pulumi", "stack.json", _read(parsers / "pulumi" / "stack-export.json")),
        Seed("pulumi", "preview.json", _read(parsers / "pulumi" / "program" / "preview.json")),
        Seed("pulumi", "checkpoint.json", _read(parsers / "pulumi" / "checkpoint-v4.json")),
        Seed("pulumi", "checkpoint.json", _read(parsers / "pulumi" / "checkpoint-v0.json")),
        Seed("pulumi-events", "events.json", _read(parsers / "pulumi" / "engine-events.json")),
    ]
    return seeds


_CORPUS_LIMIT = 200_000  # bytes: large files slow every example down and add little


def _corpus_seeds() -> list[Seed]:
    if not CORPUS.is_dir():
        return []
    seeds: list[Seed] = []
    kinds = {"tfplan": "plan", "pulumi": "pulumi", "cloudformation": "cfn", "terraform": "hcl"}
    for folder, fmt in kinds.items():
        for path in sorted((CORPUS / folder).rglob("*")):
            if not path.is_file() or path.stat().st_size > _CORPUS_LIMIT:
                continue
            name = path.name.lower()
            if fmt == "cfn":
                fmt_here = "cfn-json" if name.endswith(".json") else "cfn-yaml"
                if not name.endswith((".json", ".yaml", ".yml", ".template")):
                    continue
            elif fmt == "hcl":
                if not name.endswith(".tf"):
                    continue
                fmt_here = "hcl"
            elif fmt == "pulumi" and "engine-events" in name:
                fmt_here = "pulumi-events"
            else:
                fmt_here = fmt
            try:
                text = _read(path)
            except (UnicodeDecodeError, OSError):
                continue
            file_name = {"plan": "corpus.tfplan.json", "hcl": "main.tf", "cfn-yaml": "template.yaml",
                         "cfn-json": "template.json", "pulumi": "stack.json",
                         "pulumi-events": "events.json"}[fmt_here]  # fmt: skip
            seeds.append(Seed(fmt_here, file_name, text))
    return seeds


@cache
def seeds(fmt: str) -> tuple[Seed, ...]:
    """Seeds of one format (a campaign adds the corpus); ``"cfn"`` gives both YAML and JSON templates."""
    everything = _fixture_seeds() + (_corpus_seeds() if CAMPAIGN else [])
    wanted = ("cfn-yaml", "cfn-json") if fmt == "cfn" else ("hcl", "tfjson") if fmt == "terraform" else (fmt,)
    found = tuple(seed for seed in everything if seed.format in wanted)
    assert found, f"no seeds for {fmt}"
    return found


# A valid file of the same format, scanned beside every mutant (in its own directory, so a Terraform
# control is its own module): it must still be reported whatever the mutant does.
_CONTROL_RULE = FIXTURES / "encryption" / "ENC-S3-001"
CONTROLS: dict[str, Seed] = {
    "plan": Seed("plan", "control.tfplan.json", _read(_CONTROL_RULE / "ENC-S3-001.tfplan.json")),
    "terraform": Seed("hcl", "main.tf", _read(_CONTROL_RULE / "main.tf")),
    "cfn": Seed("cfn-yaml", "template.yaml", _read(_CONTROL_RULE / "template.yaml")),
    "pulumi": Seed("pulumi", "control.json", _read(_CONTROL_RULE / "ENC-S3-001.pulumi.json")),
}
FAMILY = {
    "plan": "plan",
    "hcl": "terraform",
    "tfjson": "terraform",
    "cfn-yaml": "cfn",
    "cfn-json": "cfn",
    "pulumi": "pulumi",
    "pulumi-events": "pulumi",
}
