"""``iacgate test``: the Rego unit tests of the built-in packs and of custom pack directories.

Reports as a test runner does: one line per failing or erroring test with its file, then
``N passed, M failed`` (tests that error count as failed). A custom pack's fixtures
(``<DIR>/fixtures/<RULE-ID>/``, resources named ``fail_*``/``pass_*``/``undetermined_*``) are tests too:
each named resource must get the outcome its name says. A custom directory must be a valid pack
(``pack.yaml`` validated by the manifest schema, policies free of refused builtins); one that is not is
a ``PackError`` (exit 2), not a failed test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from iacgate.api import scan
from iacgate.packs.check import expected_outcome, fixture_settings
from iacgate.packs.load import builtin_pack_dirs, load_pack, policies_root
from iacgate.packs.model import Pack, RuleSet
from iacgate.packs.regotest import is_test_file, library_files, rego_files, run_tests

_LABELS = {"passed": "PASS", "failed": "FAIL", "error": "ERROR"}


@dataclass(frozen=True)
class TestOutcome:
    __test__ = False  # not a pytest class

    name: str
    file: Path
    status: str
    message: str = ""


@dataclass(frozen=True)
class PackTestReport:
    results: tuple[TestOutcome, ...]

    @property
    def passed(self) -> int:
        return sum(result.status == "passed" for result in self.results)

    @property
    def failed(self) -> int:
        return len(self.results) - self.passed

    @property
    def exit_code(self) -> int:
        # No test at all is not a pass: a pack whose tests were never found proves nothing.
        return 0 if self.results and not self.failed else 1


def _rego(paths: Sequence[Path], library: Sequence[Path] = ()) -> list[TestOutcome]:
    return [
        TestOutcome(result.name, result.file, result.status, result.message)
        for result in run_tests(paths, library).results
    ]


def fixture_outcomes(pack: Pack, directory: Path) -> list[TestOutcome]:
    """Each named resource of ``<directory>/fixtures/<RULE-ID>/`` against the outcome of its rule."""
    library = [path for path in library_files(policies_root()) if not is_test_file(path)]
    own = [path for path in rego_files([directory]) if not is_test_file(path)]
    rules = RuleSet(packs=(pack,), policy_files=tuple([*library, *own]))
    outcomes: list[TestOutcome] = []
    for rule in pack.rules:
        fixtures = directory / "fixtures" / rule.id
        if not fixtures.is_dir():
            continue
        result = scan(fixture_settings(fixtures), rules=rules)
        for note in result.notifications:
            if note.level == "error":
                outcomes.append(TestOutcome(rule.id, fixtures, "error", f"{note.file}: {note.message}"))
        actual = {
            check.resource_id: check.outcome for check in result.evaluation.checks if check.rule_id == rule.id
        }
        for graph in result.graphs:
            for resource in graph.resources:
                expected = expected_outcome(resource.id)
                if resource.type not in rule.resource_types or expected is None:
                    continue
                got = actual.get(resource.id, "no result")
                status = "passed" if got == expected else "failed"
                message = "" if got == expected else f"named to {expected} but the rule gave {got}"
                file = fixtures / resource.location.file if resource.location.file else fixtures
                outcomes.append(TestOutcome(f"{rule.id} {resource.id}", file, status, message))
    return outcomes


def run_pack_tests(custom_dirs: Sequence[Path] = (), builtin: bool = True) -> PackTestReport:
    """The library's and the built-in packs' tests (unless ``builtin`` is false), then each custom pack's."""
    # A broken manifest is a pack error, reported before any test runs.
    packs = [load_pack(directory / "pack.yaml", directory) for directory in custom_dirs]
    library = library_files(policies_root())
    results: list[TestOutcome] = []
    if builtin:
        results.extend(_rego([policies_root() / "lib"]))
        for pack_id in builtin_pack_dirs():
            pack_dir = policies_root() / "rules" / pack_id
            if pack_dir.is_dir():
                results.extend(_rego([pack_dir], library))
    for pack, directory in zip(packs, custom_dirs, strict=True):
        results.extend(_rego([directory], library))
        results.extend(fixture_outcomes(pack, directory))
    return PackTestReport(tuple(results))


def _shown(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(path)


def render_test_report(report: PackTestReport, base: Path, verbose: bool = False) -> str:
    lines = []
    for result in report.results:
        if result.status == "passed" and not verbose:
            continue
        line = f"{_LABELS.get(result.status, 'FAIL')} {_shown(result.file, base)}: {result.name}"
        lines.append(f"{line}: {result.message}" if result.message else line)
    if not report.results:
        lines.append("no tests found (test_* rules in *_test.rego files, or named fixtures)")
    lines.append(f"{report.passed} passed, {report.failed} failed")
    return "\n".join(lines) + "\n"
