"""The command line: builds settings, calls the library's ``scan()``, renders, and exits. Nothing else."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from iacgate import __version__
from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.cli_exceptions import baseline_group, exception_settings
from iacgate.config import Config
from iacgate.discover import scan_root
from iacgate.errors import IacgateError, UsageError
from iacgate.evaluate import EngineOptions
from iacgate.evaluate.base import DEFAULT_DEADLINE_SECONDS, DEFAULT_MEMORY_LIMIT_MB
from iacgate.gate import EXIT_UNEVALUABLE
from iacgate.gate_inputs import GateInputs, Requested, resolve
from iacgate.packs import load_packs
from iacgate.packs.custom import pack_selection
from iacgate.parsers.base import BackendSetting
from iacgate.report import REPORTERS, ReportOptions, render
from iacgate.report.rule_list import REGENERATE, render_rules
from iacgate.severity import Severity
from iacgate.trust import REF_VARIABLE, private_directory

EXIT_CODES = """\b
Exit codes:
  0  gate passed
  1  gate failed: findings at or above --fail-on
  2  usage, configuration or rule-pack error
  3  something could not be evaluated (unreadable or unparseable input,
     engine or internal error): the gate fails closed"""

SEVERITIES = [severity.value for severity in Severity]
T = TypeVar("T")


def _fail(error: IacgateError) -> NoReturn:
    click.echo(f"iacgate: error: {error}", err=True)
    sys.exit(error.exit_code)


def _guarded(action: Callable[[], T]) -> T:
    """One line on stderr and the documented exit code, never a traceback (IACGATE_DEBUG=1 shows it)."""
    try:
        return action()
    except IacgateError as error:
        _fail(error)
    except Exception as error:
        if os.environ.get("IACGATE_DEBUG"):
            raise
        click.echo(f"iacgate: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_UNEVALUABLE)


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        click.echo(f"iacgate: error: cannot write {path}: {error.strerror or error}", err=True)
        sys.exit(2)


def _colour(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _progress(enabled: bool) -> Callable[[int, int, str], None] | None:
    if not enabled or not sys.stderr.isatty():
        return None

    def report(number: int, total: int, name: str) -> None:
        if total >= 20:
            end = "\n" if number == total else ""
            click.echo(f"\r\x1b[2Kparsing {number}/{total} {name[-50:]}", err=True, nl=False)
            click.echo(end, err=True, nl=False)

    return report


def _assignments(items: tuple[str, ...], option: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        name, separator, value = item.partition("=")
        if not separator or not name.strip():
            raise UsageError(f"{option} takes NAME=VALUE, got {item!r}")
        values[name.strip()] = value
    return values


@dataclass(frozen=True)
class Limits:
    """The evaluation limits and switches of the command line (never from scanned content)."""

    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS
    memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB
    insecure_http: bool = False
    debug: bool = False
    jobs: int = 0
    reuse_answers: bool = True


def _engine_options(
    config: Config,
    engine: str,
    url: str | None,
    token_file: Path | None,
    ca_bundle: Path | None,
    no_upload: bool,
    limits: Limits = Limits(),
) -> EngineOptions:
    token_path = token_file or config.opa.token_file
    token = os.environ.get("IACGATE_OPA_TOKEN")
    if token_path is not None:
        try:
            token = token_path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise UsageError(f"{token_path}: cannot read OPA token: {error.strerror or error}") from None
    options = EngineOptions(
        opa_url=url or config.opa.url,
        opa_token=token or None,
        opa_ca_bundle=str(ca_bundle or config.opa.ca_bundle) if (ca_bundle or config.opa.ca_bundle) else None,
        opa_upload=not no_upload and config.opa.upload,
        timeout_seconds=config.opa.timeout_seconds,
        deadline_seconds=limits.deadline_seconds,
        memory_limit_mb=limits.memory_limit_mb,
        debug=limits.debug,
        opa_insecure_http=limits.insecure_http,
        jobs=limits.jobs,
        reuse_answers=limits.reuse_answers,
    )
    if engine == "opa" and not options.opa_url:
        raise UsageError("--engine opa needs --opa-url (or opa.url in iacgate.yaml)")
    return options


# The cyclic garbage collector's thresholds for a CLI run (see ``main``).
_GC_THRESHOLDS = (10_000, 20, 100)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="iacgate")
def main() -> None:
    """iacgate: a policy-as-code compliance gate for Infrastructure as Code."""
    # A scan allocates millions of objects and frees few of them in cycles (parsed documents, resources,
    # findings): at Python's default threshold (700) the cyclic collector ran ever longer passes over a
    # growing heap. Measured on the generated plans, alternated runs, same peak memory: 50k 52-54 -> 47-50 s,
    # 1k 1.62 -> 1.47 s (median of 7), 10k parse 1.8-2.0 -> 1.5 s. The library API leaves the caller's alone.
    gc.set_threshold(*_GC_THRESHOLDS)


@main.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(REPORTERS)),
    help="Report format (default: text, or 'format' in iacgate.yaml).",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Write the report to FILE instead of stdout."
)
@click.option(
    "--sarif-output",
    type=click.Path(path_type=Path),
    help="Also write SARIF to FILE, whatever --format says.",
)
@click.option(
    "--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that fails the gate (default high)."
)
@click.option(
    "--pack",
    "packs",
    multiple=True,
    metavar="NAME",
    help="Run only this rule pack (repeatable; default: all).",
)
@click.option(
    "--pack-dir",
    "pack_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Also run the custom rule pack in DIR (pack.yaml + Rego; repeatable).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file, trusted as named (default: the nearest iacgate.yaml from the scanned paths "
    "up to the scan root, which may only tighten the gate).",
)
@click.option(
    "--category",
    metavar="ID",
    help="SARIF automationDetails id prefix, to keep several uploads per commit apart.",
)
@click.option(
    "--var",
    "variables",
    multiple=True,
    metavar="NAME=VALUE",
    help="Terraform variable (repeatable); precedence as Terraform's: TF_VAR_* < terraform.tfvars < "
    "*.auto.tfvars < --var-file < --var.",
)
@click.option(
    "--var-file",
    "var_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Terraform variables file, after terraform.tfvars and *.auto.tfvars (repeatable).",
)
@click.option(
    "--backend-config",
    "backend_config",
    multiple=True,
    metavar="FILE|KEY=VALUE",
    help="Terraform backend argument as terraform init -backend-config takes it: a file of backend "
    "arguments, or KEY=VALUE; after the backend block's own (repeatable).",
)
@click.option(
    "--source",
    "source_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Terraform source of a scanned plan, so plan findings point at .tf lines (repeatable).",
)
@click.option(
    "--parameter",
    "parameters",
    multiple=True,
    metavar="NAME=VALUE",
    help="CloudFormation parameter value (repeatable).",
)
@click.option(
    "--parameters-file",
    "parameter_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="CloudFormation parameters: the CLI's JSON format or Key=Value lines (repeatable).",
)
@click.option(
    "--region",
    metavar="REGION",
    help="Deployment region for formats that do not say it (CloudFormation AWS::Region).",
)
@click.option("--engine", type=click.Choice(["embedded", "opa"]), help="Rego engine (default embedded).")
@click.option("--opa-url", metavar="URL", help="OPA server URL for --engine opa.")
@click.option(
    "--opa-token-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File holding the OPA bearer token (or set IACGATE_OPA_TOKEN).",
)
@click.option(
    "--opa-ca-bundle",
    type=click.Path(path_type=Path, dir_okay=False),
    help="CA bundle to verify the OPA server's TLS certificate.",
)
@click.option(
    "--opa-insecure-http",
    is_flag=True,
    help="Allow sending the OPA token over plain http:// to a host that is not loopback.",
)
@click.option(
    "--opa-no-upload",
    is_flag=True,
    help="Use the policies already loaded on the OPA server, e.g. a bundle built with `opa build policies/` "
    "(their packages are checked); by default the packs are uploaded once per pack version, under a "
    "namespace of their own, and reused by later scans.",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="Only blocking findings, errors and one summary line (for hooks)."
)
@click.option(
    "--summary-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write a Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY).",
)
@click.option("--no-color", is_flag=True, help="Plain text even on a terminal (NO_COLOR is honoured too).")
@click.option(
    "--waivers",
    "waivers_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Waivers file (default: 'waivers' in a --config file; iacgate-waivers.yaml at the scan root "
    "applies only as it is on --trusted-ref).",
)
@click.option(
    "--approvals",
    "approvals_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Approvals file for changes the change-safety pack flags (default: 'approvals' in a --config "
    "file; iacgate-approvals.yaml at the scan root applies only as it is on --trusted-ref).",
)
@click.option(
    "--no-inline-waivers",
    is_flag=True,
    help="Ignore '# iacgate:ignore' comments and CloudFormation Metadata suppressions.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SARIF of an earlier scan: each result gets baselineState (new, unchanged, updated, absent).",
)
@click.option("--fail-on-new-only", is_flag=True, help="With --baseline: only new findings fail the gate.")
@click.option(
    "--override-soft", is_flag=True, help="Soft-mandatory findings do not fail the gate (recorded in reports)"
)
@click.option(
    "--timeout",
    "timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_DEADLINE_SECONDS,
    show_default=True,
    metavar="SECONDS",
    help="Stop evaluating after SECONDS for the whole scan (embedded queries, or all OPA traffic); past "
    "it the scan exits 3 naming the rule and unit.",
)
@click.option(
    "--memory-limit",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY_LIMIT_MB,
    show_default=True,
    metavar="MB",
    help="Most memory each process of the embedded engine may add while evaluating; past it exit 3 "
    "naming the rule and unit; 0 = no limit (Linux only).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    metavar="N",
    help="Processes the embedded engine evaluates in, side by side, once a scan has 200 queries or more "
    "(a big unit is split across them, smaller units go to them in turn); 0 = one per available CPU (at "
    "most 4), 1 = one.",
)
@click.option(
    "--no-answer-cache",
    "no_answer_cache",
    is_flag=True,
    help="Evaluate every query now: do not reuse the embedded engine's answers kept by earlier scans of "
    "the same input (see docs/security.md), nor keep this scan's. --debug implies it.",
)
@click.option(
    "--debug",
    is_flag=True,
    envvar="IACGATE_DEBUG",
    help="Show policies' print() output on stderr (never in a report).",
)
@click.option(
    "--read-root",
    "read_roots",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Also let Terraform's file() functions and local module sources read inside DIR (trusted; the "
    "scanned paths always may; nothing inside .git is ever read). Repeatable.",
)
@click.option(
    "--rule",
    "only_rules",
    multiple=True,
    metavar="ID",
    help="Run only this rule (an id or a glob such as 'ENC-S3-*'; repeatable). Rules left out are "
    "listed in the reports.",
)
@click.option(
    "--skip-rule",
    "skip_rules",
    multiple=True,
    metavar="ID",
    help="Do not run this rule (an id or a glob; repeatable); listed in the reports as skipped.",
)
@click.option(
    "--exclude",
    "exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out files matching GLOB (relative to the scan root) when walking directories; "
    "repeatable, added to 'exclude' in iacgate.yaml.",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Pass, with a warning, when the paths hold no IaC file (default: exit 3, the gate fails closed).",
)
@click.option(
    "--fail-on-undetermined",
    is_flag=True,
    help="Undetermined checks (values unknown until apply) at or above --fail-on block the gate too.",
)
@click.option(
    "--trusted-ref",
    envvar=REF_VARIABLE,
    metavar="REF",
    help="Read iacgate.yaml, waivers, baseline and custom packs as they are on this git ref (e.g. "
    "origin/main), not from the change scanned; suppressions the change adds are not honoured. "
    f"Also ${REF_VARIABLE}. See docs/security.md.",
)
def scan_command(
    paths: tuple[Path, ...],
    output_format: str | None,
    output: Path | None,
    sarif_output: Path | None,
    fail_on: str | None,
    packs: tuple[str, ...],
    pack_dirs: tuple[Path, ...],
    config_path: Path | None,
    category: str | None,
    variables: tuple[str, ...],
    var_files: tuple[Path, ...],
    backend_config: tuple[str, ...],
    source_dirs: tuple[Path, ...],
    parameters: tuple[str, ...],
    parameter_files: tuple[Path, ...],
    region: str | None,
    engine: str | None,
    opa_url: str | None,
    opa_token_file: Path | None,
    opa_ca_bundle: Path | None,
    opa_no_upload: bool,
    quiet: bool,
    no_color: bool,
    summary_file: Path | None = None,
    waivers_path: Path | None = None,
    approvals_path: Path | None = None,
    no_inline_waivers: bool = False,
    baseline_path: Path | None = None,
    fail_on_new_only: bool = False,
    override_soft: bool = False,
    trusted_ref: str | None = None,
    fail_on_undetermined: bool = False,
    allow_empty: bool = False,
    only_rules: tuple[str, ...] = (),
    skip_rules: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    read_roots: tuple[Path, ...] = (),
    timeout: float = DEFAULT_DEADLINE_SECONDS,
    memory_limit: int = DEFAULT_MEMORY_LIMIT_MB,
    jobs: int = 0,
    debug: bool = False,
    opa_insecure_http: bool = False,
    no_answer_cache: bool = False,
) -> None:
    """Scan IaC files or directories (default: the current directory) and gate on the findings.

    The scan root is the current directory when every path lies inside it, else the paths' common
    directory: reports name files relative to it. iacgate.yaml and iacgate-waivers.yaml are looked for
    from the scanned paths up to the scan root (the nearest wins); see docs/security.md for which of
    them apply."""
    targets = paths or (Path("."),)

    def run() -> tuple[ScanResult, str]:
        root = scan_root(targets, Path.cwd()).resolve()
        with private_directory() as private:
            requested = Requested(
                root,
                config_path,
                waivers_path,
                baseline_path,
                pack_dirs,
                trusted_ref or None,
                targets,
                approvals_path,
            )
            return scan_with(resolve(requested, Path(private)))

    def scan_with(inputs: GateInputs) -> tuple[ScanResult, str]:
        config = inputs.config
        chosen_engine = engine or config.engine or "embedded"
        settings = ScanSettings(
            paths=targets,
            packs=pack_selection(packs or config.packs, inputs.pack_dirs),
            pack_dirs=inputs.pack_dirs,
            fail_on=Severity(fail_on) if fail_on else config.fail_on or Severity.HIGH,
            engine=chosen_engine,
            engine_options=_engine_options(
                config,
                chosen_engine,
                opa_url,
                opa_token_file,
                opa_ca_bundle,
                opa_no_upload,
                Limits(timeout, memory_limit, opa_insecure_http, debug, jobs, not no_answer_cache),
            ),
            exclude=(*config.exclude, *exclude),
            settings=config.settings,
            variables={**config.variables, **_assignments(variables, "--var")},
            var_files=(*config.var_files, *var_files),
            backend_config=(
                *config.backend_config,
                *(BackendSetting.of(item, Path.cwd()) for item in backend_config),
            ),
            environment={key: value for key, value in os.environ.items() if key.startswith("TF_VAR_")},
            source_dirs=(*config.source_dirs, *source_dirs),
            parameters={**config.parameters, **_assignments(parameters, "--parameter")},
            parameter_files=(*config.parameter_files, *parameter_files),
            region=region or config.region,
            allow_empty=allow_empty,
            only_rules=only_rules,
            skip_rules=skip_rules,
            read_roots=read_roots,
            **exception_settings(
                inputs, no_inline_waivers, fail_on_new_only, override_soft, fail_on_undetermined
            ),
        )
        return scan(settings, progress=_progress(not quiet)), output_format or config.format or "text"

    result, chosen = _guarded(run)
    options = ReportOptions(color=output is None and _colour(no_color), quiet=quiet, category=category)
    report = _guarded(lambda: render(result, chosen, options))
    if sarif_output is not None:
        _write(sarif_output, _guarded(lambda: render(result, "sarif", options)))
    if summary_file is not None:
        from iacgate.report.markdown import render_markdown

        _write(summary_file, render_markdown(result))
    if output is not None:
        _write(output, report)
        if not quiet:
            verdict = "passed" if result.decision.passed else "FAILED"
            click.echo(
                f"iacgate: {len(result.findings)} findings, gate {verdict}; report written to {output}",
                err=True,
            )
    else:
        click.echo(report, nl=not report.endswith("\n"))
    sys.exit(result.decision.exit_code)


scan_command.name = "scan"


@main.command("hook", epilog=EXIT_CODES)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def hook_command(ctx: click.Context, /, files: tuple[Path, ...], **options: Any) -> None:
    """Pre-commit mode: scan the Terraform modules (from their callers) and templates holding FILES,
    printing only blocking findings, errors and one summary line. Files no parser claims are skipped.
    Takes every option of scan."""
    from iacgate.hook import scan_targets

    targets = _guarded(lambda: scan_targets(files, Path.cwd()))
    if not targets.paths:
        click.echo(f"iacgate: none of {len(files)} changed files is IaC; nothing to scan")
        sys.exit(0)
    chosen = {**options, "output_format": options["output_format"] or "text"}
    # The hook scans a module's files from the repository root, where its callers' module sources
    # (../../modules/x) point: the repository is readable, except .git, as for any read root.
    chosen["read_roots"] = (*options["read_roots"], Path.cwd())
    ctx.invoke(scan_command, **chosen, paths=targets.paths, quiet=True)


# One option set for both: the hook passes them through to scan unchanged.
hook_command.params.extend(param for param in scan_command.params if param.name not in ("paths", "quiet"))


@main.command(epilog=EXIT_CODES)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help=f"markdown: the rule reference ({REGENERATE}).",
)
@click.option("--pack", "packs", multiple=True, help="List only this rule pack (repeatable).")
@click.option(
    "--pack-dir",
    "pack_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Also list the custom rule pack in DIR (repeatable).",
)
def rules(output_format: str, packs: tuple[str, ...], pack_dirs: tuple[Path, ...]) -> None:
    """List the rules of the built-in (and custom) packs with severity, resource types and controls."""
    rule_set = _guarded(lambda: load_packs(pack_selection(packs, pack_dirs), pack_dirs))
    click.echo(render_rules(rule_set, output_format, color=_colour(False)), nl=False)


@main.command("test")
@click.argument("pack_dirs", nargs=-1, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--with-builtin/--no-builtin",
    default=None,
    help="Also run the built-in packs' tests (default: only when no pack directory is named).",
)
@click.option("--verbose", "-v", is_flag=True, help="Also list the tests that pass.")
def test_command(pack_dirs: tuple[Path, ...], with_builtin: bool | None, verbose: bool) -> None:
    """Run the Rego unit tests of the built-in packs and of custom pack directories.

    \b
    Exit codes:
      0  every test passed
      1  a test failed or errored, or no test was found
      2  a pack is invalid (manifest, refused builtin)"""
    # Imported here: the test runner pulls in jsonschema (0.2 s), which a scan or hook run does not need.
    from iacgate.packs.testcmd import render_test_report, run_pack_tests

    builtin = with_builtin if with_builtin is not None else not pack_dirs
    report = _guarded(lambda: run_pack_tests(pack_dirs, builtin=builtin))
    click.echo(render_test_report(report, Path.cwd(), verbose), nl=False)
    sys.exit(report.exit_code)


@main.command("report")
@click.argument("sarif", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Write the self-contained HTML audit report to FILE.",
)
def report_command(sarif: Path, html_path: Path) -> None:
    """Render the audit report of a SARIF log iacgate wrote: scope, provenance, gate decision, findings
    by pack, severity and control, the control-coverage matrix and every waiver.

    \b
    Exit codes:
      0  report written
      2  SARIF missing, unreadable or not a SARIF log; or the report cannot be written"""
    from iacgate.report.audit import load_report
    from iacgate.report.audit_html import render_audit_html

    audit = _guarded(lambda: load_report(sarif))
    _write(html_path, render_audit_html(audit))
    click.echo(f"iacgate: audit report of {sarif} written to {html_path}", err=True)


main.add_command(baseline_group(scan_command))


def run(argv: list[str] | None = None) -> Any:
    return main.main(args=argv, prog_name="iacgate")
