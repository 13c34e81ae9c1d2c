"""Synthetic ``pulumi stack export`` files for the benchmark: a realistic AWS mix, about half non-compliant.

    python benchmarks/generate_pulumi.py --resources 1000 --seed 7 -o stack.json
    python benchmarks/generate_pulumi.py --resources 1000 --seed 7 --measure

The same seed gives the same bytes. ``resources`` holds exactly ``--resources`` custom resources plus the
stack and its default provider; every resource has inputs (with the bridge's ``__defaults``), outputs
(with ``__meta``), a parent, and companion resources depend on their parent through ``dependencies`` and
``propertyDependencies``, as ``pulumi stack export`` writes them. ``--measure`` times the parse alone and a
full library scan with every built-in rule, in this process.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

STACK = "prod"
PROJECT = "ledger"
REGION = "eu-west-1"
ACCOUNT = "111122223333"
SECRET_SIG = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}


def urn(token: str, name: str) -> str:
    return f"urn:pulumi:{STACK}::{PROJECT}::{token}::{name}"


STACK_URN = urn("pulumi:pulumi:Stack", f"{PROJECT}-{STACK}")
PROVIDER_URN = urn("pulumi:providers:aws", "default_6_63_0")
PROVIDER_ID = "42a75fb0-5a64-436a-8a82-e3a2e388b650"


def resource(
    token: str, name: str, inputs: dict[str, Any], outputs: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    defaults = sorted(key for key in inputs if key in ("forceDestroy", "name", "bucket"))
    return {
        "urn": urn(token, name),
        "custom": True,
        "id": f"{name}-{zlib.crc32(name.encode()) % 10_000_000:07d}",
        "type": token,
        "inputs": {"__defaults": defaults, **inputs},
        "outputs": {"__meta": '{"schema_version":"0"}', **inputs, **outputs},
        "parent": STACK_URN,
        "provider": f"{PROVIDER_URN}::{PROVIDER_ID}",
        "propertyDependencies": {key: [] for key in inputs},
        "created": "2024-12-06T10:22:25.135790331Z",
        "modified": "2024-12-06T10:22:25.135790331Z",
        "sourcePosition": f"project:///index.ts#{len(name) * 3 + 1},5",
        **extra,
    }


def tags(rng: random.Random, serial: int) -> dict[str, str]:
    return {"Name": f"res-{serial}", "CostCenter": rng.choice(["payments", "ledger", "reporting"])}


def companion(parent: dict[str, Any], key: str) -> dict[str, Any]:
    return {"dependencies": [parent["urn"]], "propertyDependencies": {key: [parent["urn"]]}}


def bucket(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    name = f"statements-{serial:05d}"
    main = resource(
        "aws:s3/bucketV2:BucketV2",
        name,
        {"bucket": name, "forceDestroy": False, "tags": tags(rng, serial)},
        {"arn": f"arn:aws:s3:::{name}", "tagsAll": tags(rng, serial)},
    )
    out = [main]
    if rng.random() < 0.5:
        algorithm = rng.choice(["aws:kms", "AES256"])
        out.append(
            resource(
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                f"{name}-sse",
                {
                    "bucket": name,
                    "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": algorithm}}],
                },
                {},
                **companion(main, "bucket"),
            )
        )
    return out


def volume(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    encrypted = rng.random() < 0.5
    return [
        resource(
            "aws:ebs/volume:Volume",
            f"data-{serial:05d}",
            {
                "availabilityZone": f"{REGION}a",
                "encrypted": encrypted,
                "size": rng.choice([20, 100, 500]),
                "tags": tags(rng, serial),
            },
            {
                "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:volume/vol-{serial:08x}",
                "iops": 3000,
                "throughput": 125,
            },
        )
    ]


def database(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    return [
        resource(
            "aws:rds/instance:Instance",
            f"db-{serial:05d}",
            {
                "engine": "postgres",
                "instanceClass": "db.t3.medium",
                "allocatedStorage": 20,
                "storageEncrypted": rng.random() < 0.5,
                "username": "ledger",
                "password": {**SECRET_SIG, "ciphertext": "v1:0bWd3n8L6c8=:v1:Zp4xKu9PZsLg"},
                "backupRetentionPeriod": rng.choice([0, 7, 35]),
                "tags": tags(rng, serial),
            },
            {"arn": f"arn:aws:rds:{REGION}:{ACCOUNT}:db:db-{serial:05d}", "endpoint": f"db-{serial}.example"},
        )
    ]


def key(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    return [
        resource(
            "aws:kms/key:Key",
            f"key-{serial:05d}",
            {
                "description": "ledger data",
                "enableKeyRotation": rng.random() < 0.5,
                "deletionWindowInDays": 30,
            },
            {"arn": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{serial:08x}", "keyId": f"{serial:08x}"},
        )
    ]


def queue(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    return [
        resource(
            "aws:sqs/queue:Queue",
            f"events-{serial:05d}",
            {
                "sqsManagedSseEnabled": rng.random() < 0.5,
                "messageRetentionSeconds": 345600,
                "tags": tags(rng, serial),
            },
            {"arn": f"arn:aws:sqs:{REGION}:{ACCOUNT}:events-{serial:05d}", "url": "https://sqs.example"},
        )
    ]


def table(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    return [
        resource(
            "aws:dynamodb/table:Table",
            f"ledger-{serial:05d}",
            {
                "billingMode": "PAY_PER_REQUEST",
                "hashKey": "id",
                "attributes": [{"name": "id", "type": "S"}],
                "serverSideEncryption": {"enabled": rng.random() < 0.5},
                "pointInTimeRecovery": {"enabled": rng.random() < 0.5},
            },
            {"arn": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/ledger-{serial:05d}"},
        )
    ]


def vpc(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    main = resource(
        "aws:ec2/vpc:Vpc",
        f"vpc-{serial:05d}",
        {"cidrBlock": "10.0.0.0/16", "enableDnsHostnames": True, "tags": tags(rng, serial)},
        {"arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:vpc/vpc-{serial:08x}"},
    )
    out = [main]
    if rng.random() < 0.5:
        out.append(
            resource(
                "aws:ec2/flowLog:FlowLog",
                f"vpc-{serial:05d}-flow",
                {"vpcId": main["id"], "trafficType": "ALL", "logDestinationType": "cloud-watch-logs"},
                {},
                **companion(main, "vpcId"),
            )
        )
    return out


def log_group(rng: random.Random, serial: int) -> list[dict[str, Any]]:
    return [
        resource(
            "aws:cloudwatch/logGroup:LogGroup",
            f"logs-{serial:05d}",
            {"retentionInDays": rng.choice([0, 30, 365]), "tags": tags(rng, serial)},
            {"arn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:logs-{serial:05d}"},
        )
    ]


KINDS: tuple[tuple[Callable[[random.Random, int], list[dict[str, Any]]], int], ...] = (
    (bucket, 4),
    (volume, 3),
    (database, 2),
    (key, 2),
    (queue, 2),
    (table, 2),
    (vpc, 2),
    (log_group, 2),
)


def generate_export(resources: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    makers = [maker for maker, weight in KINDS for _ in range(weight)]
    body: list[dict[str, Any]] = []
    serial = 0
    while len(body) < resources:
        serial += 1
        body.extend(rng.choice(makers)(rng, serial))
    stack = {"urn": STACK_URN, "custom": False, "type": "pulumi:pulumi:Stack"}
    provider = {
        "urn": PROVIDER_URN,
        "custom": True,
        "id": PROVIDER_ID,
        "type": "pulumi:providers:aws",
        "inputs": {"__internal": {}, "region": REGION, "version": "6.63.0"},
        "outputs": {"region": REGION, "version": "6.63.0"},
    }
    return {
        "version": 3,
        "deployment": {
            "manifest": {"time": "2024-12-06T11:22:47+01:00", "magic": "0" * 64, "version": "v3.136.1"},
            "secrets_providers": {"type": "passphrase", "state": {"salt": "v1:LAT/bmb+1BU="}},
            "resources": [stack, provider, *body[:resources]],
        },
    }


def measure(path: Path) -> None:
    from iacgate.api import ScanSettings, scan
    from iacgate.parsers.base import ParseOptions
    from iacgate.parsers.pulumi import PulumiParser
    from iacgate.textio import read_source

    source = read_source(path, path.name)
    clock = time.perf_counter()
    parsed = PulumiParser().parse([source], ParseOptions(scan_root=path.parent))
    parse_seconds = time.perf_counter() - clock
    clock = time.perf_counter()
    result = scan(ScanSettings(paths=(path,), root=path.parent))
    scan_seconds = time.perf_counter() - clock
    managed = sum(1 for item in parsed.resources if item.mode == "managed")
    print(
        f"{path.name}: {len(parsed.resources)} resources ({managed} managed), parse {parse_seconds:.3f} s; "
        f"full library scan {scan_seconds:.3f} s with {len(result.rules.rules)} rules, "
        f"{len(result.findings)} findings"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--measure", action="store_true", help="time parse and a full scan of the output")
    args = parser.parse_args(argv)
    output = args.output or Path(__file__).resolve().parent / ".generated" / f"pulumi-{args.resources}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(generate_export(args.resources, args.seed), indent=4) + "\n")
    if args.measure:
        measure(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
