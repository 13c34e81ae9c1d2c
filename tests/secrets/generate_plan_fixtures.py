"""The Terraform plan fixtures of the credential rules (SEC-CRED-001/002/003, #17 §1): plans in the shape
``terraform show -json`` writes (format 1.2, Terraform 1.9), each resource named by the outcome the rule
must give it. A plan holds every value in clear, so the rules judge where the configuration takes a
credential from (``engine/iacgate/parsers/tfplan_origins.py``). All values are made up. Rewrite with:

    .venv/bin/python tests/secrets/generate_plan_fixtures.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "secrets-and-state"
PROVIDERS = {
    "aws": "registry.terraform.io/hashicorp/aws",
    "azurerm": "registry.terraform.io/hashicorp/azurerm",
    "google": "registry.terraform.io/hashicorp/google",
    "random": "registry.terraform.io/hashicorp/random",
}
UNKNOWN = object()


class Res:
    """One resource: its values in the plan and its configuration expressions."""

    def __init__(
        self,
        address: str,
        values: dict[str, Any],
        expressions: dict[str, Any],
        mode: str = "managed",
        sensitive: tuple[str, ...] = (),
    ) -> None:
        self.address = address
        self.mode = mode
        self.type, self.name = address.removeprefix("data.").split(".")[-2:]
        self.values = values
        self.expressions = expressions
        self.sensitive = sensitive

    def provider(self) -> str:
        return PROVIDERS[self.type.split("_", 1)[0]]

    def planned(self, address: str) -> dict[str, Any]:
        known = {key: value for key, value in self.values.items() if value is not UNKNOWN}
        return {
            "address": address,
            "mode": self.mode,
            "type": self.type,
            "name": self.name,
            "provider_name": self.provider(),
            "schema_version": 0,
            "values": known,
            "sensitive_values": {key: True for key in self.sensitive if key in known},
        }

    def change(self, address: str, module: str | None) -> dict[str, Any]:
        known = {key: value for key, value in self.values.items() if value is not UNKNOWN}
        entry: dict[str, Any] = {
            "address": address,
            "mode": self.mode,
            "type": self.type,
            "name": self.name,
            "provider_name": self.provider(),
            "change": {
                "actions": ["create"],
                "before": None,
                "after": known,
                "after_unknown": {key: True for key, value in self.values.items() if value is UNKNOWN},
                "before_sensitive": False,
                "after_sensitive": {key: True for key in self.sensitive},
            },
        }
        if module:
            entry["module_address"] = module
        return entry

    def config(self) -> dict[str, Any]:
        return {
            "address": f"data.{self.type}.{self.name}" if self.mode == "data" else f"{self.type}.{self.name}",
            "mode": self.mode,
            "type": self.type,
            "name": self.name,
            "provider_config_key": self.type.split("_", 1)[0],
            "expressions": self.expressions,
            "schema_version": 0,
        }


def const(value: Any) -> dict[str, Any]:
    return {"constant_value": value}


def ref(*names: str) -> dict[str, Any]:
    return {"references": list(names)}


def plan(
    root: list[Res],
    variables: dict[str, dict[str, Any]],
    given: dict[str, Any],
    read: list[Res] = (),  # type: ignore[assignment]
    module: tuple[str, dict[str, Any], list[Res], dict[str, dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    planned = [r.planned(r.address) for r in root]
    changes = [r.change(r.address, None) for r in root]
    root_module: dict[str, Any] = {"resources": planned}
    config_root: dict[str, Any] = {
        "resources": [r.config() for r in [*root, *read]],
        "variables": variables,
    }
    if module is not None:
        name, call_expressions, resources, module_variables = module
        prefix = f"module.{name}"
        root_module["child_modules"] = [
            {"address": prefix, "resources": [r.planned(f"{prefix}.{r.address}") for r in resources]}
        ]
        changes += [r.change(f"{prefix}.{r.address}", prefix) for r in resources]
        config_root["module_calls"] = {
            name: {
                "source": f"./modules/{name}",
                "expressions": call_expressions,
                "module": {"resources": [r.config() for r in resources], "variables": module_variables},
            }
        }
    used = sorted({r.type.split("_", 1)[0] for r in [*root, *read]})
    document: dict[str, Any] = {
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "variables": {name: {"value": value} for name, value in given.items()},
        "planned_values": {"root_module": root_module},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {
                kind: {"name": kind, "full_name": PROVIDERS[kind]} for kind in used if kind != "random"
            },
            "root_module": config_root,
        },
        "timestamp": "2026-03-02T09:00:00Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }
    if read:
        document["prior_state"] = {
            "format_version": "1.0",
            "terraform_version": "1.9.5",
            "values": {"root_module": {"resources": [r.planned(r.address) for r in read]}},
        }
    return document


def random_password() -> Res:
    return Res(
        "random_password.db",
        {"length": 32, "special": True, "result": UNKNOWN, "id": UNKNOWN},
        {"length": const(32), "special": const(True)},
        sensitive=("result",),
    )


def cred_001() -> dict[str, Any]:
    def db(name: str, password: Any, expression: dict[str, Any] | None, **extra: Any) -> Res:
        values = {
            "identifier": name.replace("_", "-"),
            "engine": "postgres",
            "instance_class": "db.t4g.micro",
        }
        expressions = {"identifier": const(values["identifier"]), "engine": const("postgres")}
        if expression is not None:
            values["password"] = password
            expressions["password"] = expression
        values.update(extra)
        expressions.update({key: const(value) for key, value in extra.items()})
        return Res(f"aws_db_instance.{name}", values, expressions, sensitive=("password",))

    secret = Res(
        "data.aws_secretsmanager_secret_version.db",
        {
            "secret_id": "prod/db/master",
            "secret_string": "Plan-Secrets-Manager-Pw6",
            "version_stage": "AWSCURRENT",
        },
        {"secret_id": const("prod/db/master")},
        mode="data",
        sensitive=("secret_string",),
    )
    root = [
        random_password(),
        db("fail_plan_literal", "Plan-Literal-Pw1", const("Plan-Literal-Pw1")),
        db("fail_plan_variable_default", "Plan-Default-Pw3", ref("var.db_password_default")),
        db("pass_plan_variable_given", "Plan-Given-Pw7", ref("var.db_password")),
        db("pass_plan_random_password", UNKNOWN, ref("random_password.db.result", "random_password.db")),
        db("pass_plan_managed", None, None, manage_master_user_password=True),
        Res(
            "aws_rds_cluster.pass_plan_secrets_manager",
            {
                "cluster_identifier": "ledger",
                "engine": "aurora-postgresql",
                "master_password": "Plan-Secrets-Manager-Pw6",
            },
            {
                "cluster_identifier": const("ledger"),
                "engine": const("aurora-postgresql"),
                "master_password": ref(
                    "data.aws_secretsmanager_secret_version.db.secret_string",
                    "data.aws_secretsmanager_secret_version.db",
                ),
            },
            sensitive=("master_password",),
        ),
        # A write-only argument: never in the plan's values, its origin is in the configuration.
        Res(
            "aws_db_instance.fail_plan_write_only_literal",
            {"identifier": "write-only", "engine": "postgres", "password_wo": None, "password_wo_version": 1},
            {
                "identifier": const("write-only"),
                "engine": const("postgres"),
                "password_wo": const("Plan-Write-Only-Pw2"),
                "password_wo_version": const(1),
            },
        ),
        # A credential in a nested block: its origin is read from the block's expressions.
        Res(
            "aws_mq_broker.fail_plan_broker_user_default",
            {"broker_name": "jobs", "user": [{"username": "admin", "password": "Plan-Default-Pw3"}]},
            {
                "broker_name": const("jobs"),
                "user": [{"username": const("admin"), "password": ref("var.db_password_default")}],
            },
        ),
        Res(
            "aws_mq_broker.pass_plan_broker_user_given",
            {"broker_name": "events", "user": [{"username": "admin", "password": "Plan-Given-Pw7"}]},
            {
                "broker_name": const("events"),
                "user": [{"username": const("admin"), "password": ref("var.db_password")}],
            },
        ),
        Res(
            "aws_docdb_cluster.undetermined_plan_local",
            {"cluster_identifier": "ledger-docs", "master_password": "Plan-Local-Pw4"},
            {"cluster_identifier": const("ledger-docs"), "master_password": ref("local.docdb_password")},
            sensitive=("master_password",),
        ),
    ]
    variables: dict[str, dict[str, Any]] = {
        "db_password_default": {"default": "Plan-Default-Pw3"},
        "db_password": {"sensitive": True},
    }
    given = {"db_password_default": "Plan-Default-Pw3", "db_password": "Plan-Given-Pw7"}
    module_db = Res(
        "aws_db_instance.fail_plan_module_input",
        {"identifier": "reports", "engine": "mysql", "password": "Plan-Module-Pw5"},
        {"identifier": const("reports"), "engine": const("mysql"), "password": ref("var.password")},
        sensitive=("password",),
    )
    module = (
        "reports",
        {"password": const("Plan-Module-Pw5")},
        [module_db],
        {"password": {"sensitive": True}},
    )
    return plan(root, variables, given, [secret], module)


def cred_002() -> dict[str, Any]:
    def server(name: str, password: Any, expression: dict[str, Any]) -> Res:
        return Res(
            f"azurerm_mssql_server.{name}",
            {
                "name": name.replace("_", "-"),
                "resource_group_name": "ledger",
                "location": "westeurope",
                "version": "12.0",
                "administrator_login": "ledgeradmin",
                "administrator_login_password": password,
            },
            {
                "name": const(name.replace("_", "-")),
                "administrator_login": const("ledgeradmin"),
                "administrator_login_password": expression,
            },
            sensitive=("administrator_login_password",),
        )

    vault = Res(
        "data.azurerm_key_vault_secret.sql",
        {"name": "sql-admin", "key_vault_id": "/subscriptions/0000/kv", "value": "Plan-Key-Vault-Pw8"},
        {"name": const("sql-admin"), "key_vault_id": const("/subscriptions/0000/kv")},
        mode="data",
        sensitive=("value",),
    )

    def legacy_vm(name: str, password: Any, expression: dict[str, Any]) -> Res:
        # The legacy azurerm_virtual_machine: the password sits in the os_profile block.
        return Res(
            f"azurerm_virtual_machine.{name}",
            {
                "name": name.replace("_", "-"),
                "os_profile": [
                    {"computer_name": "legacy", "admin_username": "azureuser", "admin_password": password}
                ],
            },
            {
                "name": const(name.replace("_", "-")),
                "os_profile": [
                    {
                        "computer_name": const("legacy"),
                        "admin_username": const("azureuser"),
                        "admin_password": expression,
                    }
                ],
            },
        )

    root = [
        server("fail_plan_literal", "Plan-Az-Literal-Pw9", const("Plan-Az-Literal-Pw9")),
        server("pass_plan_key_vault", "Plan-Key-Vault-Pw8", ref("data.azurerm_key_vault_secret.sql.value")),
        legacy_vm("fail_plan_os_profile_literal", "Plan-Vm-Literal-Pw3", const("Plan-Vm-Literal-Pw3")),
        legacy_vm(
            "pass_plan_os_profile_key_vault",
            "Plan-Key-Vault-Pw8",
            ref("data.azurerm_key_vault_secret.sql.value"),
        ),
        legacy_vm("undetermined_plan_os_profile_local", "Plan-Vm-Local-Pw4", ref("local.vm_password")),
    ]
    return plan(root, {}, {}, [vault])


def cred_003() -> dict[str, Any]:
    def user(name: str, password: Any, expression: dict[str, Any]) -> Res:
        return Res(
            f"google_sql_user.{name}",
            {"name": name.replace("_", "-"), "instance": "ledger", "password": password},
            {"name": const(name.replace("_", "-")), "instance": const("ledger"), "password": expression},
            sensitive=("password",),
        )

    root = [
        random_password(),
        user("fail_plan_variable_default", "Plan-Gcp-Default-Pw2", ref("var.app_password")),
        user("pass_plan_random_password", UNKNOWN, ref("random_password.db.result", "random_password.db")),
    ]
    return plan(
        root, {"app_password": {"default": "Plan-Gcp-Default-Pw2"}}, {"app_password": "Plan-Gcp-Default-Pw2"}
    )


def main() -> None:
    for rule, build in (("SEC-CRED-001", cred_001), ("SEC-CRED-002", cred_002), ("SEC-CRED-003", cred_003)):
        path = FIXTURES / rule / f"{rule}.tfplan.json"
        path.write_text(json.dumps(build(), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
