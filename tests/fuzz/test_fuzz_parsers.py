"""Fuzzing the four input formats through discovery and the parser layer (issue #13 §4).

For every mutant of a valid seed, scanned beside a valid control file of the same format: nothing raises,
every problem is a notification naming its file (never an internal error), the control file is still
reported with all its resources, and a mutant given by name is either scanned or named by an error.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from .budget import budget
from .mutations import Mutant, mutants
from .seeds import FAMILY, Seed, seeds
from .support import check_parsed, laid_out, parse_layout


def _cases(fmt: str) -> st.SearchStrategy[tuple[Seed, Mutant, bool]]:
    return st.sampled_from(seeds(fmt)).flatmap(
        lambda seed: st.tuples(st.just(seed), mutants(seed, seeds(fmt)), st.booleans())
    )


def _property(case: tuple[Seed, Mutant, bool]) -> None:
    seed, mutant, explicit = case
    with laid_out(seed, mutant.data, explicit) as layout:
        check_parsed(layout, FAMILY[seed.format], parse_layout(layout))


@budget(20)
@given(_cases("plan"))
def test_terraform_plans(case: tuple[Seed, Mutant, bool]) -> None:
    _property(case)


@budget(12)
@given(_cases("terraform"))
def test_terraform_source(case: tuple[Seed, Mutant, bool]) -> None:
    _property(case)


@budget(40)
@given(_cases("cfn"))
def test_cloudformation_templates(case: tuple[Seed, Mutant, bool]) -> None:
    _property(case)


@budget(40)
@given(_cases("pulumi") | _cases("pulumi-events"))
def test_pulumi_files(case: tuple[Seed, Mutant, bool]) -> None:
    _property(case)
