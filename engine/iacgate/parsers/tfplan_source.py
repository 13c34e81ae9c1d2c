"""Plan findings at the ``.tf`` line that wrote them, when the plan's configuration source is at hand.

A plan names resources by address but holds no source positions. Where the root module's source is in
the scanned tree (the plan file sits beside ``.tf`` files) or is named with ``--source DIR``, that module is
parsed with the HCL parser and each plan resource takes the location of the same address there; the plan
entry stays as a related location. Instances the source cannot expand statically (``count`` from an
unknown) take the location of their resource block, found by the address without instance keys.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from iacgate.errors import ParseError
from iacgate.graph.model import RelatedLocation, Resource, SourceLocation
from iacgate.notifications import Notification
from iacgate.parsers import claims
from iacgate.parsers.base import ParseOptions, ParseResult
from iacgate.textio import SourceFile, read_source

_TF_SUFFIXES = claims.TERRAFORM_SUFFIXES
_INSTANCE_KEY = re.compile(r'\[(?:"(?:[^"\\]|\\.)*"|\d+)\]')


def block_address(address: str) -> str:
    """``module.a["x"].aws_s3_bucket.b[0]`` -> ``module.a.aws_s3_bucket.b``."""
    return _INSTANCE_KEY.sub("", address)


def _relative(path: Path, root: Path) -> str | None:
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else None


def _tf_files(directory: Path) -> list[Path]:
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_file() and path.name.lower().endswith(_TF_SUFFIXES) and not path.name.startswith(".")
    )


@dataclasses.dataclass(frozen=True)
class SourceIndex:
    """Locations of one root module's resources by instance address and by block address."""

    by_address: Mapping[str, SourceLocation]
    by_block: Mapping[str, SourceLocation]

    def location(self, address: str) -> SourceLocation | None:
        return self.by_address.get(address) or self.by_block.get(block_address(address))


def source_index(
    directory: Path, options: ParseOptions
) -> tuple[SourceIndex | None, tuple[Notification, ...]]:
    """Parse the module in ``directory`` (inside the scan root) with the HCL parser."""
    # The HCL parser (and its grammar) loads only when a plan has source beside it.
    from iacgate.parsers.terraform import TerraformParser

    root = options.scan_root.resolve()
    relative = _relative(directory, root)
    if relative is None:
        message = f"--source {directory}: outside the scanned tree; plan findings keep plan locations"
        return None, (Notification("warning", message, str(directory)),)
    sources: list[SourceFile] = []
    problems: list[Notification] = []
    for path in _tf_files(directory):
        name = _relative(path, root)
        if name is None:
            continue
        try:
            sources.append(read_source(path, name))
        except ParseError as error:  # said by the Terraform parser when scanned, else here
            problems.append(Notification.from_parse_error(error))
    if not sources:
        return None, tuple(problems)
    units = TerraformParser().parse(sources, options)
    by_address: dict[str, SourceLocation] = {}
    by_block: dict[str, SourceLocation] = {}
    notifications: list[Notification] = problems
    for unit in units:
        notifications.extend(unit.notifications)
        if unit.unit != relative:
            continue
        for resource in unit.resources:
            by_address[resource.id] = resource.location
            by_block.setdefault(block_address(resource.id), resource.location)
    return SourceIndex(by_address, by_block), tuple(notifications)


def _source_directory(plan: SourceFile, options: ParseOptions) -> tuple[Path, ...]:
    if options.source_dirs:
        return options.source_dirs
    directory = plan.path.parent
    return (directory,) if _tf_files(directory) else ()


def attach_source(
    plan: SourceFile, result: ParseResult, options: ParseOptions, cache: dict[Path, SourceIndex | None]
) -> ParseResult:
    """The plan's resources located in their source, when it can be found; otherwise ``result`` as is."""
    notifications: list[Notification] = list(result.notifications)
    indexes: list[SourceIndex] = []
    for directory in _source_directory(plan, options):
        key = directory.resolve()
        if key not in cache:
            index, notes = source_index(directory, options)
            cache[key] = index
            # Problems in the source are reported once, by the plan that first needed it.
            notifications.extend(note for note in notes if note.level != "error" or options.source_dirs)
        found = cache[key]
        if found is not None:
            indexes.append(found)
    if not indexes or not result.resources:
        return dataclasses.replace(result, notifications=tuple(notifications))
    return dataclasses.replace(
        result, resources=tuple(_located(resource, indexes) for resource in result.resources),
        notifications=tuple(notifications),
    )  # fmt: skip


def _located(resource: Resource, indexes: Sequence[SourceIndex]) -> Resource:
    for index in indexes:
        location = index.location(resource.id)
        if location is not None:
            planned = RelatedLocation(
                resource.location.file, resource.location.start_line, "planned in the Terraform plan"
            )
            return dataclasses.replace(resource, location=location, related=(*resource.related, planned))
    return resource
