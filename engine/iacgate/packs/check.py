"""``make check-packs``: every rule has metadata, a Rego unit test, and fixtures that fail and pass it.

Run as ``python -m iacgate.packs.check [--root DIR] [--pack ID ...]``. For each rule of each manifest
under ``<root>/rulepacks`` it checks:

- the manifest entry is complete (validated against ``rulepack.schema.json``, every problem listed);
- ``package <policy>`` exists among the pack's ``.rego`` files;
- a ``*_test.rego`` of the pack tests it (package ``<policy>_test``, or imports ``data.<policy>``) and all
  the pack's Rego unit tests pass in the embedded engine;
- ``<root>/fixtures/<pack>/<RULE-ID>/`` holds a resource of one of the rule's types named ``fail_*`` and
  one named ``pass_*`` in every format of the rule's ``formats`` (one problem per missing format), and
  scanning that directory gives those resources exactly those outcomes;
- both encryption levels where a type has a key setting: a rule tagged ``encryption-at-rest`` on a type of
  ``packs/data/key_settings.json`` needs a rule tagged ``customer-managed-key`` on that type (``known_gaps``
  there lists the missing ones explicitly, printed on stderr after the OK line).

Prints one line per problem and exits 1, or one OK line and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path
from typing import Any

import yaml

from iacgate.api import ScanSettings, scan
from iacgate.config import find_config
from iacgate.errors import IacgateError
from iacgate.evaluate.closure import PACKAGE
from iacgate.graph.model import Resource
from iacgate.packs.load import fragment_dir, load_pack, manifest_validator
from iacgate.packs.model import Pack, RuleSet
from iacgate.packs.regotest import is_test_file, library_files, rego_files, run_tests, tests_in

# The local name of a resource: after the last '.', '/' or ':' of its id, without an instance key.
_LOCAL_NAME = re.compile(r"([^./:\[\]\"]+)(?:\[[^\]]*\])*$")
# fail_x / pass_x / undetermined_x, or FailX / PassX / UndeterminedX where names cannot hold '_'.
_EXPECTED = re.compile(r"^(?:(fail|pass|undetermined)_|(Fail|Pass|Undetermined)(?=[A-Z0-9]))")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    packs: int
    rules: int
    tests: int
    fixtures: int
    # Types of the checked packs judged at rest whose customer-managed-key rule is still a known gap.
    known_gaps: tuple[str, ...] = ()
    # False when the Rego unit tests were found but not run (``check(..., run_rego_tests=False)``).
    tests_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        tests = "passed" if self.tests_run else "found (not run)"
        return (
            f"OK: {self.packs} packs, {self.rules} rules, {self.tests} Rego unit tests {tests}, "
            f"{self.fixtures} fixture resources behave as named"
        )


def expected_outcome(resource_id: str) -> str | None:
    """``fail``, ``pass`` or ``undetermined`` from a resource's local name, or ``None``."""
    local = _LOCAL_NAME.search(resource_id)
    matched = _EXPECTED.match(local.group(1)) if local else None
    return (matched.group(1) or matched.group(2)).lower() if matched else None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _manifest_problems(
    path: Path, document: Any, where: str, schema: str = "rulepack.schema.json"
) -> list[Problem]:
    validator = manifest_validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path]):
        location = list(error.absolute_path)
        rule_id = ""
        if len(location) >= 2 and location[0] == "rules" and isinstance(document, Mapping):
            entry = document["rules"][location[1]]
            rule_id = f" ({entry.get('id')})" if isinstance(entry, Mapping) else ""
        at = "/".join(str(part) for part in location) or "(top level)"
        problems.append(Problem(where, f"metadata at {at}{rule_id}: {error.message}"))
    return problems


def _tested_policies(test_sources: Mapping[Path, str]) -> dict[str, list[Path]]:
    """Policy packages each test file covers: its own package minus ``_test``, and what it imports."""
    covered: dict[str, list[Path]] = {}
    for path, source in test_sources.items():
        if not re.search(r"^test_\w+", source, re.MULTILINE):
            continue
        names = set(re.findall(r"^import\s+data\.([\w.]+)", source, re.MULTILINE))
        package = PACKAGE.search(source)
        if package and package.group(1).endswith("_test"):
            names.add(package.group(1).removesuffix("_test"))
        for name in names:
            covered.setdefault(name, []).append(path)
    return covered


class _PackChecker:
    def __init__(self, root: Path, manifest: Path, run_rego_tests: bool = True) -> None:
        self.root = root
        self.manifest = manifest
        self.run_rego_tests = run_rego_tests
        self.where = _relative(manifest, root)
        self.problems: list[Problem] = []
        self.tests = 0
        self.fixtures = 0
        self.rules = 0
        self.gaps: list[str] = []

    def problem(self, message: str, where: str | None = None) -> None:
        self.problems.append(Problem(where or self.where, message))

    def run(self) -> None:
        try:
            document = yaml.safe_load(self.manifest.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            self.problem(f"cannot read manifest: {str(exc).splitlines()[0]}")
            return
        self.problems.extend(_manifest_problems(self.manifest, document, self.where))
        if not isinstance(document, Mapping) or not isinstance(document.get("rules"), list):
            return
        pack_id = str(document.get("pack") or self.manifest.stem)
        policy_dir = self.root / "policies" / "rules" / pack_id
        entries = [entry for entry in document["rules"] if isinstance(entry, Mapping) and entry.get("id")]
        # Rules kept in fragments (``<pack>.d/*.yaml``) are the pack's rules as much as the manifest's.
        for fragment in sorted(fragment_dir(self.manifest).glob("*.yaml")):
            entries += self._fragment_entries(fragment)
        self.rules = len(entries)
        pack = self._load(policy_dir)
        self._check_policies(entries, policy_dir)
        self._check_fixtures(entries, pack, self.root / "fixtures" / pack_id)
        self.problems.extend(level_problems(entries, self.where))
        self.gaps = known_gaps(entries)

    def _fragment_entries(self, fragment: Path) -> list[Mapping[str, Any]]:
        where = _relative(fragment, self.root)
        try:
            document = yaml.safe_load(fragment.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            self.problem(f"cannot read rule fragment: {str(exc).splitlines()[0]}", where)
            return []
        self.problems.extend(_manifest_problems(fragment, document, where, "rulepack-rules.schema.json"))
        if not isinstance(document, Mapping) or not isinstance(document.get("rules"), list):
            return []
        return [entry for entry in document["rules"] if isinstance(entry, Mapping) and entry.get("id")]

    def _load(self, policy_dir: Path) -> Pack | None:
        try:
            return load_pack(self.manifest, policy_dir)
        except IacgateError:
            return None  # already reported line by line as metadata problems

    def _check_policies(self, entries: Sequence[Mapping[str, Any]], policy_dir: Path) -> None:
        files = rego_files([policy_dir]) if policy_dir.is_dir() else []
        sources = {path: path.read_text(encoding="utf-8") for path in files}
        defined = {
            match.group(1)
            for path, source in sources.items()
            if not is_test_file(path)
            for match in PACKAGE.finditer(source)
        }
        covered = _tested_policies({path: source for path, source in sources.items() if is_test_file(path)})
        for entry in entries:
            policy = entry.get("policy")
            if not isinstance(policy, str):
                continue
            where = f"{self.where}: {entry['id']}"
            if policy not in defined:
                self.problem(
                    f"no .rego file under {_relative(policy_dir, self.root)} defines package {policy}", where
                )
            if policy not in covered:
                self.problem(
                    f"no Rego unit test: no *_test.rego with test_ rules for package {policy}", where
                )
        if not any(is_test_file(path) for path in files):
            return
        if not self.run_rego_tests:
            self.tests += sum(
                len(tests_in(path, source)) for path, source in sources.items() if is_test_file(path)
            )
            return
        run = run_tests([policy_dir], library_files(self.root / "policies"))
        for result in run.results:
            if result.file.is_relative_to(policy_dir.resolve()):
                self.tests += result.status == "passed"
            if result.status != "passed":
                self.problem(
                    f"Rego unit test {result.name} {result.status}: {result.message}",
                    _relative(result.file, self.root.resolve()),
                )

    def _check_fixtures(
        self, entries: Sequence[Mapping[str, Any]], pack: Pack | None, fixtures: Path
    ) -> None:
        rules = self._rule_set(pack)
        for entry in entries:
            rule_id = str(entry["id"])
            types = set(entry.get("resource_types") or ())
            directory = fixtures / rule_id
            where = f"{self.where}: {rule_id}"
            if not directory.is_dir():
                self.problem(f"no fixtures: {_relative(directory, self.root)} does not exist", where)
                continue
            result = scan(fixture_settings(directory), rules=rules)
            for notification in result.notifications:
                if notification.level == "error":
                    self.problem(f"fixture does not parse: {notification.message}", where)
            resources: list[Resource] = [
                resource for graph in result.graphs for resource in graph.resources if resource.type in types
            ]
            # The same address in the HCL and in its plan are two fixture resources, judged apart.
            named = {
                (graph.name, resource.id): (resource.format, expected_outcome(resource.id))
                for graph in result.graphs
                for resource in graph.resources
                if resource.type in types
            }
            outcomes = {expected for _, expected in named.values()}
            reported: set[str] = set()
            for outcome in ("fail", "pass"):
                if outcome not in outcomes:
                    reported.add(outcome)
                    self.problem(
                        f"no {outcome}ing fixture: no resource of type {', '.join(sorted(types))} named "
                        f"{outcome}_* in {_relative(directory, self.root)}",
                        where,
                    )
            rule = next((rule for rule in pack.rules if rule.id == rule_id), None) if pack else None
            if rule is not None:
                self._check_formats(rule.formats, resources, reported, where)
            if rules is None:
                continue
            actual = {
                (check.unit, check.resource_id): check.outcome
                for check in result.evaluation.checks
                if check.rule_id == rule_id
            }
            for key, (fmt, expected) in sorted(named.items()):
                if expected is None:
                    continue
                self.fixtures += 1
                if actual.get(key) != expected:
                    self.problem(
                        f"fixture {key[1]} ({fmt}, {key[0]}) is named to {expected} but the rule gave "
                        f"{actual.get(key, 'no result')}",
                        where,
                    )

    def _check_formats(
        self, formats: Sequence[str], resources: Sequence[Resource], reported: set[str], where: str
    ) -> None:
        """One problem per format of the rule without a failing and a passing fixture resource."""
        for name in formats:
            present = {expected_outcome(resource.id) for resource in resources if resource.format == name}
            if not present - {None}:
                self.problem(f"no {name} fixture: the rule's formats include {name}", where)
                continue
            missing = [outcome for outcome in ("fail", "pass") if outcome not in present | reported]
            if missing:
                wanted = " and ".join(f"{outcome}_*" for outcome in missing)
                self.problem(f"the {name} fixture has no resource of the rule's types named {wanted}", where)

    def _rule_set(self, pack: Pack | None) -> RuleSet | None:
        if pack is None:
            return None
        policies = self.root / "policies"
        files = [path for path in library_files(policies) if not is_test_file(path)]
        files += [path for path in rego_files([pack.policy_dir]) if not is_test_file(path)]
        return RuleSet(packs=(pack,), policy_files=tuple(files))


AT_REST = "encryption-at-rest"
CUSTOMER_KEY = "customer-managed-key"


@dataclass(frozen=True)
class KeySettings:
    """Types that store data at rest and accept a customer-managed key (``data/key_settings.json``), and
    the types whose customer-managed-key rule is known to be missing still."""

    types: Mapping[str, str]
    known_gaps: Mapping[str, str]

    @classmethod
    def load(cls) -> KeySettings:
        text = package_files.files("iacgate.packs").joinpath("data/key_settings.json").read_text("utf-8")
        document = json.loads(text)
        return cls(document["types"], document.get("known_gaps", {}))


def _tags(entry: Mapping[str, Any]) -> set[str]:
    tags = entry.get("tags")
    return {str(tag) for tag in tags} if isinstance(tags, list) else set()


def _levels(entries: Sequence[Mapping[str, Any]]) -> tuple[dict[str, list[str]], set[str]]:
    """Rule ids tagged encryption-at-rest (and not customer-managed-key) by type, and the types some rule
    tagged customer-managed-key judges."""
    at_rest: dict[str, list[str]] = {}
    customer_key: set[str] = set()
    for entry in entries:
        tags = _tags(entry)
        for type_name in entry.get("resource_types") or ():
            if CUSTOMER_KEY in tags:
                customer_key.add(str(type_name))
            elif AT_REST in tags:
                at_rest.setdefault(str(type_name), []).append(str(entry["id"]))
    return at_rest, customer_key


def level_problems(
    entries: Sequence[Mapping[str, Any]], where: str, settings: KeySettings | None = None
) -> list[Problem]:
    """Both levels where a type has a key setting (#15 §1): a rule tagged encryption-at-rest on a type
    that accepts a customer-managed key needs a rule tagged customer-managed-key on the same type. A type
    listed in ``known_gaps`` is reported as a known gap only by :func:`known_gaps`; a listed type whose
    rule now exists is a problem, so the list only shrinks."""
    settings = settings or KeySettings.load()
    at_rest, customer_key = _levels(entries)
    problems: list[Problem] = []
    for type_name, rule_ids in sorted(at_rest.items()):
        key = settings.types.get(type_name)
        if key is None or type_name in customer_key:
            continue
        if type_name in settings.known_gaps:
            continue
        problems.append(
            Problem(
                f"{where}: {', '.join(rule_ids)}",
                f"{type_name} is judged encrypted at rest and accepts a customer-managed key ({key}), but no "
                f"rule tagged {CUSTOMER_KEY} judges {type_name}: add that rule (both levels, #15 §1)",
            )
        )
    for type_name in sorted(set(settings.known_gaps) & customer_key & set(at_rest)):
        problems.append(
            Problem(
                where,
                f"{type_name} is listed in known_gaps of packs/data/key_settings.json but a rule tagged "
                f"{CUSTOMER_KEY} now judges it: remove it from the list",
            )
        )
    return problems


def known_gaps(entries: Sequence[Mapping[str, Any]], settings: KeySettings | None = None) -> list[str]:
    """The known gaps these rules leave: types judged at rest whose customer-managed-key rule is still
    missing, each with why, for the summary."""
    settings = settings or KeySettings.load()
    at_rest, customer_key = _levels(entries)
    return [
        f"{type_name}: {reason}"
        for type_name, reason in sorted(settings.known_gaps.items())
        if type_name in at_rest and type_name not in customer_key
    ]


def fixture_settings(directory: Path) -> ScanSettings:
    """A fixture directory may carry the settings it is judged with, as a user's tree would."""
    config = find_config(None, directory)
    return ScanSettings(
        paths=(directory,),
        root=directory,
        settings=config.settings,
        region=config.region,
        variables=config.variables,
        parameters=config.parameters,
    )


def check(root: Path, packs: Sequence[str] = (), *, run_rego_tests: bool = True) -> Report:
    """Every problem of the packs under ``root`` (all, or those named in ``packs``).

    With ``run_rego_tests=False`` the Rego unit tests are found and counted but not run: for a caller that
    runs them another way (the test suite runs them once, through ``iacgate test --with-builtin``).
    """
    manifests = sorted((root / "rulepacks").glob("*.yaml"))
    problems: list[Problem] = []
    if not manifests:
        problems.append(Problem(_relative(root / "rulepacks", root), "no rule-pack manifests found"))
    unknown = sorted(set(packs) - {path.stem for path in manifests})
    problems.extend(Problem(pack, "no such pack") for pack in unknown)
    checked = [path for path in manifests if not packs or path.stem in packs]
    counts = {"rules": 0, "tests": 0, "fixtures": 0}
    gaps: list[str] = []
    for manifest in checked:
        checker = _PackChecker(root, manifest, run_rego_tests)
        try:
            checker.run()
        except IacgateError as exc:
            checker.problem(f"cannot check the pack: {exc}")
        problems.extend(checker.problems)
        counts["rules"] += checker.rules
        counts["tests"] += checker.tests
        counts["fixtures"] += checker.fixtures
        gaps += checker.gaps
    return Report(
        tuple(problems),
        len(checked),
        counts["rules"],
        counts["tests"],
        counts["fixtures"],
        tuple(gaps),
        tests_run=run_rego_tests,
    )


def _default_root() -> Path:
    # The checkout: fixtures are not shipped in the wheel, so this check runs from a source tree.
    return Path(__file__).resolve().parents[3]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m iacgate.packs.check",
        description="Check that every rule has metadata, a Rego unit test, and failing and passing fixtures.",
    )
    parser.add_argument(
        "--root", type=Path, default=None, help="checkout holding rulepacks/, policies/, fixtures/"
    )
    parser.add_argument("--pack", action="append", default=[], help="check only this pack (repeatable)")
    arguments = parser.parse_args(argv)
    root = (arguments.root or _default_root()).resolve()
    report = check(root, tuple(arguments.pack))
    for problem in report.problems:
        print(problem)
    if not report.ok:
        print(f"check-packs: {len(report.problems)} problem(s)", file=sys.stderr)
        return 1
    print(report.summary())
    if report.known_gaps:
        # Listed, never hidden (on stderr, beside the one OK line): both encryption levels are not yet
        # enforced on these types.
        print(
            f"known gaps (no customer-managed-key rule yet, #15 §1): {len(report.known_gaps)}",
            file=sys.stderr,
        )
        for gap in report.known_gaps:
            print(f"  {gap}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
