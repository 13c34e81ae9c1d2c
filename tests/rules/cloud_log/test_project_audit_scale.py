"""LOG-GCPAUDIT-002 and 003 on a landing zone of 30 projects in three folders and an organization, with
1,500 resources that refer to the projects: the embedded engine answers for every project. The rules
stopped the scan with exit 3 after about 40 s ("a builtin call raised an error, or the rego engine gave up
on the query") when every project scanned every edge of the graph, several times over, through an object
of every resource by id."""

from __future__ import annotations

from pathlib import Path

from tests.rules.cloud_log.scale import scan_report

PROJECTS = 30
TOPICS_PER_PROJECT = 50
# Folder audit configurations: f0 covers every service, f1 one service only, f2 every service but exempts
# a principal.
FOLDERS = (("allServices", False), ("storage.googleapis.com", False), ("allServices", True))


def place(project: int) -> str:
    """In turn: a folder by reference (f0, f1, f2 by threes), the organization 999 by its literal org_id,
    and a literal folder no configuration of the code names."""
    return [
        f"folder_id = google_folder.f{(project // 3) % len(FOLDERS)}.name",
        'org_id = "999"',
        'folder_id = "folders/42"',
    ][project % 3]


def own_configuration(project: int) -> bool:
    """Every fourth project has its own google_project_iam_audit_config for allServices."""
    return project % 4 == 1


def write_landing_zone(directory: Path) -> None:
    blocks = ['provider "google" {\n  project = "acme-prod"\n  region  = "europe-west1"\n}\n']
    for number, (service, exempting) in enumerate(FOLDERS):
        exempted = '    exempted_members = ["user:contractor@acme.example"]\n' if exempting else ""
        blocks.append(
            f'resource "google_folder" "f{number}" {{\n  display_name = "f{number}"\n'
            '  parent = "organizations/1234"\n}\n'
        )
        blocks.append(
            f'resource "google_folder_iam_audit_config" "fa{number}" {{\n'
            f'  folder = google_folder.f{number}.name\n  service = "{service}"\n'
            f'  audit_log_config {{\n    log_type = "DATA_READ"\n{exempted}  }}\n}}\n'
        )
    blocks.append(
        'resource "google_organization_iam_audit_config" "org" {\n  org_id = "999"\n'
        '  service = "storage.googleapis.com"\n  audit_log_config {\n    log_type = "DATA_WRITE"\n  }\n}\n'
    )
    for project in range(PROJECTS):
        blocks.append(
            f'resource "google_project" "p{project}" {{\n  name = "p{project}"\n'
            f'  project_id = "acme-p{project}"\n  {place(project)}\n}}\n'
        )
        if own_configuration(project):
            blocks.append(
                f'resource "google_project_iam_audit_config" "a{project}" {{\n'
                f'  project = google_project.p{project}.project_id\n  service = "allServices"\n'
                '  audit_log_config {\n    log_type = "DATA_READ"\n  }\n}\n'
            )
        for topic in range(TOPICS_PER_PROJECT):
            blocks.append(
                f'resource "google_pubsub_topic" "t{project}_{topic}" {{\n  name = "t{project}-{topic}"\n'
                f"  project = google_project.p{project}.project_id\n}}\n"
            )
    (directory / "main.tf").write_text("\n".join(blocks), encoding="utf-8")


def folder_of(project: int) -> int | None:
    return (project // 3) % len(FOLDERS) if project % 3 == 0 else None


def test_every_project_of_a_large_landing_zone_is_judged_by_the_embedded_engine(tmp_path: Path) -> None:
    write_landing_zone(tmp_path)
    document = scan_report(tmp_path, "LOG-GCPAUDIT-002", "LOG-GCPAUDIT-003")

    def failing(rule: str) -> set[str]:
        return {
            check["resource_id"]
            for check in document["checks"]
            if check["rule_id"] == rule and check["outcome"] == "fail"
        }

    def judged(rule: str) -> set[str]:
        return {
            check["resource_id"]
            for check in document["checks"]
            if check["rule_id"] == rule and check["resource_id"].startswith("google_project.")
        }

    projects = {f"google_project.p{project}" for project in range(PROJECTS)}
    assert judged("LOG-GCPAUDIT-002") == projects
    assert judged("LOG-GCPAUDIT-003") == projects
    # Covered: its own allServices configuration, or a folder configuration for allServices (f0, f2). The
    # organization's configuration and f1's cover one service only.
    covered = {
        project for project in range(PROJECTS) if own_configuration(project) or folder_of(project) in (0, 2)
    }
    assert failing("LOG-GCPAUDIT-002") == {
        f"google_project.p{p}" for p in range(PROJECTS) if p not in covered
    }
    assert failing("LOG-GCPAUDIT-002") >= {"google_project.p3", "google_project.p4", "google_project.p2"}
    # Exempted: the projects of f2, whatever their own configuration says (GCP adds the exemptions up).
    assert failing("LOG-GCPAUDIT-003") == {"google_project.p6", "google_project.p15", "google_project.p24"}
    assert {finding["resource_id"] for finding in document["findings"]} == failing(
        "LOG-GCPAUDIT-002"
    ) | failing("LOG-GCPAUDIT-003")
