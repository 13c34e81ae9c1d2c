"""GCP cases of the issue 15 encryption rules (google provider and Pulumi ``gcp``)."""

from __future__ import annotations

from typing import Any

from writer import GOOGLE, Res, Rule

from plan_builder import UNKNOWN, Ref

PROJECT = "acme-payments-prod"
REGION = "europe-west1"
RING = f"projects/{PROJECT}/locations/{REGION}/keyRings/payments"
KEY_LINK = f"{RING}/cryptoKeys/data"
SUBNET = f"projects/{PROJECT}/regions/{REGION}/subnetworks/app"

TOKENS = {
    "google_kms_crypto_key": "gcp:kms/cryptoKey:CryptoKey",
    "google_compute_instance": "gcp:compute/instance:Instance",
    "google_compute_instance_from_template": "gcp:compute/instanceFromTemplate:InstanceFromTemplate",
    "google_compute_disk": "gcp:compute/disk:Disk",
    "google_compute_instance_template": "gcp:compute/instanceTemplate:InstanceTemplate",
    "google_compute_region_instance_template": "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
    "google_bigquery_dataset": "gcp:bigquery/dataset:Dataset",
    "google_bigquery_table": "gcp:bigquery/table:Table",
    "google_pubsub_topic": "gcp:pubsub/topic:Topic",
    "google_artifact_registry_repository": "gcp:artifactregistry/repository:Repository",
    "google_bigtable_instance": "gcp:bigtable/instance:Instance",
    "google_dataflow_job": "gcp:dataflow/job:Job",
    "google_dataflow_flex_template_job": "gcp:dataflow/flexTemplateJob:FlexTemplateJob",
    "google_dataproc_cluster": "gcp:dataproc/cluster:Cluster",
    "google_spanner_database": "gcp:spanner/database:Database",
    "google_vertex_ai_dataset": "gcp:vertex/aiDataset:AiDataset",
    "google_vertex_ai_metadata_store": "gcp:vertex/aiMetadataStore:AiMetadataStore",
    "google_vertex_ai_featurestore": "gcp:vertex/aiFeatureStore:AiFeatureStore",
    "google_vertex_ai_tensorboard": "gcp:vertex/aiTensorboard:AiTensorboard",
    "google_redis_instance": "gcp:redis/instance:Instance",
    "google_container_cluster": "gcp:container/cluster:Cluster",
    "google_redis_cluster": "gcp:redis/cluster:Cluster",
}
PLURAL = {
    "attached_disk": "attachedDisks",
    "network_interface": "networkInterfaces",
    "disk": "disks",
    "cluster": "clusters",
}

KEY = Res("google_kms_crypto_key", "data", {"name": "data", "key_ring": RING, "rotation_period": "7776000s"})
KEY_REF = Ref("google_kms_crypto_key.data", "id")
NIC = [{"subnetwork": SUBNET}]
# The value `pulumi preview` shows for an input known only after the update.
PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def rule(rule_id: str, resources: list[Res], extra_hcl: str = "") -> Rule:
    return Rule(rule_id, GOOGLE, resources, TOKENS, plural=PLURAL, extra_hcl=extra_hcl)


def instance(name: str, boot: dict[str, Any], **arguments: Any) -> Res:
    base = {
        "name": name.replace("_", "-"),
        "machine_type": "n2-standard-4",
        "zone": f"{REGION}-b",
        "boot_disk": [boot],
        "network_interface": NIC,
    }
    return Res("google_compute_instance", name, {**base, **arguments}, defaults=INSTANCE_DEFAULTS)


# boot_disk.kms_key_self_link, boot_disk.source and attached_disk.kms_key_self_link are optional and computed:
# a plan of a new instance shows them known after apply where the configuration leaves them out.
INSTANCE_DEFAULTS: dict[str, Any] = {
    "boot_disk": {"kms_key_self_link": UNKNOWN, "source": UNKNOWN},
    "attached_disk": {"kms_key_self_link": UNKNOWN},
}


def disk(name: str, keyed: bool) -> Res:
    arguments: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "zone": f"{REGION}-b",
        "size": 200,
        "type": "pd-ssd",
    }
    if keyed:
        arguments["disk_encryption_key"] = [{"kms_key_self_link": KEY_REF}]
    return Res("google_compute_disk", name, arguments)


IMAGE = {"initialize_params": [{"image": "debian-cloud/debian-12"}]}

# google_compute_instance_from_template takes the disks it does not write from its source template: the
# template's boot disk unless boot_disk is written, its other persistent disks unless attached_disk is.
TEMPLATE_BOOT = {"source_image": "debian-cloud/debian-12", "boot": True, "auto_delete": True}
TEMPLATE_KEY = {"disk_encryption_key": [{"kms_key_self_link": KEY_REF}]}
TEMPLATE_DATA = {"disk_size_gb": 200, "disk_type": "pd-ssd"}


def source_template(name: str, disks: list[dict[str, Any]]) -> Res:
    arguments = {"name_prefix": name.replace("_", "-") + "-", "machine_type": "n2-standard-4"}
    return Res(
        "google_compute_instance_template", name, {**arguments, "disk": disks, "network_interface": NIC}
    )


def from_template(name: str, source: Any, **arguments: Any) -> Res:
    """An instance from a template. boot_disk and attached_disk are optional and computed (read back from the
    template's disks): a plan shows them known after apply where the configuration writes none."""
    if isinstance(source, str) and "/" not in source:  # a template of the configuration, else a literal path
        source = Ref(f"google_compute_instance_template.{source}", "self_link_unique")
    defaults = {
        block: INSTANCE_DEFAULTS[block] if block in arguments else UNKNOWN for block in INSTANCE_DEFAULTS
    }
    base = {"name": name.replace("_", "-"), "zone": f"{REGION}-b", "source_instance_template": source}
    return Res("google_compute_instance_from_template", name, {**base, **arguments}, defaults=defaults)


FROM_TEMPLATE = [
    source_template("workers_keyed", [{**TEMPLATE_BOOT, **TEMPLATE_KEY}]),
    source_template("workers_google_key", [TEMPLATE_BOOT]),
    source_template("workers_keyless_data", [{**TEMPLATE_BOOT, **TEMPLATE_KEY}, TEMPLATE_DATA]),
    from_template("pass_from_keyed_template", "workers_keyed"),
    from_template("fail_from_google_key_template", "workers_google_key"),
    from_template("fail_from_template_boot_override_google_key", "workers_keyed", boot_disk=[IMAGE]),
    from_template(
        "pass_from_google_key_template_boot_overridden",
        "workers_google_key",
        boot_disk=[{**IMAGE, "kms_key_self_link": KEY_REF}],
    ),
    from_template("fail_from_template_data_disk_google_key", "workers_keyless_data"),
    from_template(
        "undetermined_from_template_elsewhere",
        f"projects/{PROJECT}/global/instanceTemplates/legacy",
    ),
]

INSTANCE = rule(
    "ENC-GCPINSTANCE-001",
    [
        KEY,
        disk("data_keyed", True),
        disk("data_google_key", False),
        instance("fail_boot_google_key", IMAGE),
        instance("pass_boot_cmek", {**IMAGE, "kms_key_self_link": KEY_REF}),
        instance("pass_boot_literal_key", {**IMAGE, "kms_key_self_link": KEY_LINK}),
        instance(
            "pass_attached_keyed_disk",
            {**IMAGE, "kms_key_self_link": KEY_REF},
            attached_disk=[{"source": Ref("google_compute_disk.data_keyed", "id")}],
        ),
        instance(
            "fail_attached_google_key_disk",
            {**IMAGE, "kms_key_self_link": KEY_REF},
            attached_disk=[{"source": Ref("google_compute_disk.data_google_key", "id")}],
        ),
        instance(
            "pass_attached_with_key",
            {**IMAGE, "kms_key_self_link": KEY_REF},
            attached_disk=[
                {
                    "source": "projects/acme-payments-prod/zones/europe-west1-b/disks/old",
                    "kms_key_self_link": KEY_LINK,
                }
            ],
        ),
        instance("pass_boot_from_keyed_disk", {"source": Ref("google_compute_disk.data_keyed", "id")}),
        # Each disk block is judged by the disks it names: a keyed boot disk in the configuration neither
        # hides an attached disk outside it nor takes the blame for a keyless attached one.
        instance(
            "undetermined_attached_outside_beside_keyed_boot",
            {"source": Ref("google_compute_disk.data_keyed", "id")},
            attached_disk=[{"source": "projects/acme-payments-prod/zones/europe-west1-b/disks/legacy"}],
        ),
        instance(
            "fail_attached_google_key_beside_keyed_boot",
            {"source": Ref("google_compute_disk.data_keyed", "id")},
            attached_disk=[{"source": Ref("google_compute_disk.data_google_key", "id")}],
        ),
        *FROM_TEMPLATE,
        instance(
            "fail_attached_by_literal_name",
            {**IMAGE, "kms_key_self_link": KEY_REF},
            attached_disk=[{"source": "data-google-key"}],
        ),
    ],
    extra_hcl="""
resource "google_compute_instance" "undetermined_attached_outside" {
  name         = "undetermined-attached-outside"
  machine_type = "n2-standard-4"
  zone         = "europe-west1-b"
  boot_disk {
    kms_key_self_link = google_kms_crypto_key.data.id
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  attached_disk {
    source = "projects/acme-payments-prod/zones/europe-west1-b/disks/legacy"
  }
  network_interface {
    subnetwork = "app"
  }
}

# A disk read through a data source: the source holds only the data source's arguments, not the disk's key.
data "google_compute_disk" "legacy" {
  name = "legacy"
  zone = "europe-west1-b"
}

# An attached disk whose key a condition may leave unset: never a pass.
variable "disk_cmek" {
  type = bool
}

resource "google_compute_disk" "maybe_keyed" {
  name = "maybe-keyed"
  zone = "europe-west1-b"
  size = 200
  disk_encryption_key {
    kms_key_self_link = var.disk_cmek ? google_kms_crypto_key.data.id : null
  }
}

resource "google_compute_instance" "undetermined_attached_conditional_key_disk" {
  name         = "undetermined-attached-conditional-key-disk"
  machine_type = "n2-standard-4"
  zone         = "europe-west1-b"
  boot_disk {
    kms_key_self_link = google_kms_crypto_key.data.id
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  attached_disk {
    source = google_compute_disk.maybe_keyed.id
  }
  network_interface {
    subnetwork = "app"
  }
}

# Attached disks from a dynamic block over a variable without a value: unknown until apply.
variable "attached_disks" {
  type = list(string)
}

resource "google_compute_instance" "undetermined_dynamic_attached_disks" {
  name         = "undetermined-dynamic-attached-disks"
  machine_type = "n2-standard-4"
  zone         = "europe-west1-b"
  boot_disk {
    kms_key_self_link = google_kms_crypto_key.data.id
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  dynamic "attached_disk" {
    for_each = var.attached_disks
    content {
      source = attached_disk.value
    }
  }
  network_interface {
    subnetwork = "app"
  }
}

resource "google_compute_instance" "undetermined_attached_data_source_disk" {
  name         = "undetermined-attached-data-source-disk"
  machine_type = "n2-standard-4"
  zone         = "europe-west1-b"
  boot_disk {
    kms_key_self_link = google_kms_crypto_key.data.id
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  attached_disk {
    source = data.google_compute_disk.legacy.self_link
  }
  network_interface {
    subnetwork = "app"
  }
}
""",
)


def template(kind: str, name: str, disks: list[dict[str, Any]]) -> Res:
    arguments: dict[str, Any] = {"name_prefix": name.replace("_", "-") + "-", "machine_type": "n2-standard-4"}
    if kind == "region":
        arguments["region"] = REGION
    arguments["disk"] = disks
    arguments["network_interface"] = NIC
    prefix = (
        "google_compute_region_instance_template" if kind == "region" else "google_compute_instance_template"
    )
    return Res(prefix, name, arguments)


BOOT = {"source_image": "debian-cloud/debian-12", "boot": True, "auto_delete": True}
KEYED = {"disk_encryption_key": [{"kms_key_self_link": KEY_REF}]}
TEMPLATE = rule(
    "ENC-GCPTEMPLATE-001",
    [
        KEY,
        template("global", "fail_boot_google_key", [BOOT]),
        template("global", "pass_boot_cmek", [{**BOOT, **KEYED}]),
        template(
            "region",
            "fail_data_disk_google_key",
            [{**BOOT, **KEYED}, {"disk_size_gb": 200, "disk_type": "pd-ssd"}],
        ),
        template(
            "region",
            "pass_all_disks_and_scratch",
            [
                {**BOOT, **KEYED},
                {"disk_size_gb": 375, "type": "SCRATCH", "disk_type": "local-ssd", "interface": "NVME"},
            ],
        ),
        template(
            "global",
            "pass_existing_disk",
            [{**BOOT, **KEYED}, {"source": "legacy-data", "auto_delete": False}],
        ),
    ],
)

DATASET_KEYED = Res(
    "google_bigquery_dataset",
    "ledger",
    {
        "dataset_id": "ledger",
        "location": REGION,
        "default_encryption_configuration": [{"kms_key_name": KEY_REF}],
    },
)
DATASET_PLAIN = Res("google_bigquery_dataset", "scratch", {"dataset_id": "scratch", "location": REGION})


def table(name: str, dataset: str, **arguments: Any) -> Res:
    base = {"dataset_id": Ref(f"google_bigquery_dataset.{dataset}", "dataset_id"), "table_id": name}
    return Res("google_bigquery_table", name, {**base, **arguments})


BQ_TABLE = rule(
    "ENC-GCPBQ-002",
    [
        KEY,
        DATASET_KEYED,
        DATASET_PLAIN,
        table("pass_own_key", "scratch", encryption_configuration=[{"kms_key_name": KEY_REF}]),
        table("pass_dataset_default", "ledger"),
        table("fail_no_key_anywhere", "scratch"),
        table("view_not_concerned", "scratch", view=[{"query": "SELECT 1", "use_legacy_sql": False}]),
        Res(
            "google_bigquery_table",
            "pass_literal_dataset_default",
            {"dataset_id": "ledger", "table_id": "ledger_2026"},
        ),
        Res(
            "google_bigquery_table",
            "fail_literal_dataset_no_key",
            {"dataset_id": "scratch", "table_id": "scratch_2026"},
        ),
        Res(
            "google_bigquery_table",
            "undetermined_dataset_elsewhere",
            {"dataset_id": "shared_dataset", "table_id": "settlements"},
            pulumi=None,
        ),
    ],
    # A key a condition may leave unset (on the table, or as its dataset's default) is never a pass.
    extra_hcl="""
variable "table_cmek" {
  type = bool
}

resource "google_bigquery_table" "undetermined_conditional_key" {
  dataset_id = google_bigquery_dataset.scratch.dataset_id
  table_id   = "conditional_key"
  encryption_configuration {
    kms_key_name = var.table_cmek ? google_kms_crypto_key.data.id : null
  }
}

resource "google_bigquery_table" "pass_conditional_key_in_keyed_dataset" {
  dataset_id = google_bigquery_dataset.ledger.dataset_id
  table_id   = "conditional_key"
  encryption_configuration {
    kms_key_name = var.table_cmek ? google_kms_crypto_key.data.id : null
  }
}

resource "google_bigquery_dataset" "maybe_keyed" {
  dataset_id = "maybe_keyed"
  location   = "europe-west1"
  default_encryption_configuration {
    kms_key_name = var.table_cmek ? google_kms_crypto_key.data.id : null
  }
}

resource "google_bigquery_table" "undetermined_conditional_dataset_default" {
  dataset_id = google_bigquery_dataset.maybe_keyed.dataset_id
  table_id   = "conditional_default"
}

# A dataset read through a data source: the source holds only its arguments, not the dataset's default key.
data "google_bigquery_dataset" "shared" {
  dataset_id = "shared"
}

resource "google_bigquery_table" "undetermined_dataset_data_source" {
  dataset_id = data.google_bigquery_dataset.shared.dataset_id
  table_id   = "from_data_source"
}
""",
)


def simple(rule_id: str, tf_type: str, base: dict[str, Any], key: dict[str, Any], **extra: Res) -> Rule:
    return rule(
        rule_id,
        [
            KEY,
            Res(tf_type, "fail_google_key", base),
            Res(tf_type, "pass_cmek", {**base, **key}),
            *extra.values(),
        ],
    )


PUBSUB = simple("ENC-GCPPUBSUB-001", "google_pubsub_topic", {"name": "payments"}, {"kms_key_name": KEY_REF})
ARTIFACTS = simple(
    "ENC-GCPAR-001",
    "google_artifact_registry_repository",
    {"location": REGION, "repository_id": "images", "format": "DOCKER"},
    {"kms_key_name": KEY_REF},
    virtual=Res(
        "google_artifact_registry_repository",
        "virtual_not_concerned",
        {"location": REGION, "repository_id": "all", "format": "DOCKER", "mode": "VIRTUAL_REPOSITORY"},
    ),
    remote=Res(
        "google_artifact_registry_repository",
        "fail_remote_google_key",
        {"location": REGION, "repository_id": "hub", "format": "DOCKER", "mode": "REMOTE_REPOSITORY"},
    ),
    # A mode unknown until apply may be VIRTUAL_REPOSITORY (not concerned): never failed, never passed.
    unknown_mode=Res(
        "google_artifact_registry_repository",
        "undetermined_mode_variable",
        {
            "location": REGION,
            "repository_id": "maybe",
            "format": "DOCKER",
            "mode": Ref("var.repository_mode", None),
        },
        pulumi={"location": REGION, "repositoryId": "maybe", "format": "DOCKER", "mode": PULUMI_UNKNOWN},
    ),
)


def cluster(cluster_id: str, key: Any = None) -> dict[str, Any]:
    block: dict[str, Any] = {
        "cluster_id": cluster_id,
        "zone": f"{REGION}-b",
        "num_nodes": 3,
        "storage_type": "SSD",
    }
    if key is not None:
        block["kms_key_name"] = key
    return block


# cluster.kms_key_name is optional and computed: known after apply in a plan where a cluster leaves it out.
BIGTABLE_DEFAULTS: dict[str, Any] = {"cluster": {"kms_key_name": UNKNOWN}}

BIGTABLE = rule(
    "ENC-GCPBIGTABLE-001",
    [
        KEY,
        Res(
            "google_bigtable_instance",
            "fail_google_key",
            {"name": "ledger-a", "cluster": [cluster("ledger-a-ew1")]},
            defaults=BIGTABLE_DEFAULTS,
        ),
        Res(
            "google_bigtable_instance",
            "fail_second_cluster",
            {"name": "ledger-b", "cluster": [cluster("ledger-b-ew1", KEY_REF), cluster("ledger-b-ew4")]},
            defaults=BIGTABLE_DEFAULTS,
        ),
        Res(
            "google_bigtable_instance",
            "pass_all_clusters",
            {
                "name": "ledger-c",
                "cluster": [cluster("ledger-c-ew1", KEY_REF), cluster("ledger-c-ew4", KEY_LINK)],
            },
        ),
    ],
)

JOB = {
    "name": "settlements",
    "template_gcs_path": "gs://acme-templates/settlements",
    "temp_gcs_location": "gs://acme-tmp/df",
}
FLEX = {"name": "scoring", "container_spec_gcs_path": "gs://acme-templates/scoring.json", "region": REGION}
DATAFLOW = rule(
    "ENC-GCPDATAFLOW-001",
    [
        KEY,
        Res("google_dataflow_job", "fail_google_key", JOB),
        Res("google_dataflow_job", "pass_cmek", {**JOB, "kms_key_name": KEY_REF}),
        Res("google_dataflow_flex_template_job", "fail_flex_google_key", FLEX),
        Res("google_dataflow_flex_template_job", "pass_flex_cmek", {**FLEX, "kms_key_name": KEY_LINK}),
    ],
)

DATAPROC = rule(
    "ENC-GCPDATAPROC-001",
    [
        KEY,
        Res("google_dataproc_cluster", "fail_no_cluster_config", {"name": "risk-a", "region": REGION}),
        Res(
            "google_dataproc_cluster",
            "fail_no_encryption_config",
            {"name": "risk-b", "region": REGION, "cluster_config": [{"staging_bucket": "acme-dataproc"}]},
        ),
        Res(
            "google_dataproc_cluster",
            "pass_cmek",
            {
                "name": "risk-c",
                "region": REGION,
                "cluster_config": [{"encryption_config": [{"kms_key_name": KEY_REF}]}],
            },
        ),
    ],
)

SPANNER = rule(
    "ENC-GCPSPANNER-001",
    [
        KEY,
        Res("google_spanner_database", "fail_google_key", {"instance": "ledger", "name": "ledger-a"}),
        Res(
            "google_spanner_database",
            "pass_cmek",
            {"instance": "ledger", "name": "ledger-b", "encryption_config": [{"kms_key_name": KEY_REF}]},
        ),
        Res(
            "google_spanner_database",
            "pass_multi_region_keys",
            {
                "instance": "ledger-eur3",
                "name": "ledger-c",
                "encryption_config": [{"kms_key_names": [KEY_LINK, KEY_LINK + "-2"]}],
            },
        ),
    ],
)

SPEC = {"encryption_spec": [{"kms_key_name": KEY_REF}]}
SCHEMA = "gs://google-cloud-aiplatform/schema/dataset/metadata/tabular_1.0.0.yaml"
VERTEX = rule(
    "ENC-GCPVERTEX-001",
    [
        KEY,
        Res(
            "google_vertex_ai_dataset",
            "fail_dataset",
            {"display_name": "fraud", "region": REGION, "metadata_schema_uri": SCHEMA},
        ),
        Res(
            "google_vertex_ai_dataset",
            "pass_dataset",
            {"display_name": "fraud", "region": REGION, "metadata_schema_uri": SCHEMA, **SPEC},
        ),
        Res("google_vertex_ai_metadata_store", "fail_metadata_store", {"name": "default", "region": REGION}),
        Res(
            "google_vertex_ai_metadata_store",
            "pass_metadata_store",
            {"name": "audit", "region": REGION, **SPEC},
        ),
        Res("google_vertex_ai_featurestore", "fail_featurestore", {"name": "features", "region": REGION}),
        Res(
            "google_vertex_ai_tensorboard",
            "pass_tensorboard",
            {"display_name": "experiments", "region": REGION, **SPEC},
        ),
    ],
)

REDIS = {"name": "sessions", "tier": "STANDARD_HA", "memory_size_gb": 5, "region": REGION}
REDIS_CMEK = simple("ENC-GCPREDIS-002", "google_redis_instance", REDIS, {"customer_managed_key": KEY_REF})
REDIS_CLUSTER = {
    "name": "cache",
    "region": REGION,
    "shard_count": 3,
    "psc_configs": [{"network": f"projects/{PROJECT}/global/networks/payments"}],
}
REDIS_TRANSIT = rule(
    "ENC-GCPREDIS-001",
    [
        Res("google_redis_instance", "fail_default", REDIS, defaults={"transit_encryption_mode": "DISABLED"}),
        Res("google_redis_instance", "fail_disabled", {**REDIS, "transit_encryption_mode": "DISABLED"}),
        Res(
            "google_redis_instance",
            "pass_server_authentication",
            {**REDIS, "transit_encryption_mode": "SERVER_AUTHENTICATION"},
        ),
        # Memorystore for Redis Cluster spells the modes TRANSIT_ENCRYPTION_MODE_*.
        Res(
            "google_redis_cluster",
            "fail_cluster_default",
            REDIS_CLUSTER,
            defaults={"transit_encryption_mode": "TRANSIT_ENCRYPTION_MODE_DISABLED"},
        ),
        Res(
            "google_redis_cluster",
            "pass_cluster_server_authentication",
            {**REDIS_CLUSTER, "transit_encryption_mode": "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION"},
        ),
    ],
    extra_hcl="""
variable "redis_transit" {
  type = string
}

resource "google_redis_instance" "undetermined_from_variable" {
  name                    = "undetermined"
  memory_size_gb          = 1
  transit_encryption_mode = var.redis_transit
}
""",
)

GKE = {"name": "payments", "location": REGION, "initial_node_count": 1}
# database_encryption is optional and computed: a plan of a new cluster shows it known after apply where the
# configuration writes no block (the default, state DECRYPTED).
GKE_DEFAULTS: dict[str, Any] = {"database_encryption": UNKNOWN}
GKE_SECRETS = rule(
    "ENC-GCPGKE-001",
    [
        KEY,
        Res("google_container_cluster", "fail_no_secrets_encryption", GKE, defaults=GKE_DEFAULTS),
        Res(
            "google_container_cluster",
            "fail_decrypted",
            {**GKE, "name": "decrypted", "database_encryption": [{"state": "DECRYPTED"}]},
        ),
        Res(
            "google_container_cluster",
            "pass_secrets_cmek",
            {**GKE, "name": "cmek", "database_encryption": [{"state": "ENCRYPTED", "key_name": KEY_REF}]},
        ),
        Res(
            "google_container_cluster",
            "pass_autopilot_secrets_cmek",
            {
                "name": "autopilot",
                "location": REGION,
                "enable_autopilot": True,
                "database_encryption": [{"state": "ENCRYPTED", "key_name": KEY_LINK}],
            },
        ),
    ],
    extra_hcl="""
variable "secrets_keys" {
  type = map(string)
}

resource "google_container_cluster" "undetermined_dynamic_block" {
  name               = "dynamic"
  location           = "europe-west1"
  initial_node_count = 1
  dynamic "database_encryption" {
    for_each = var.secrets_keys
    content {
      state    = "ENCRYPTED"
      key_name = database_encryption.value
    }
  }
}
""",
)

RULES = [
    INSTANCE,
    TEMPLATE,
    BQ_TABLE,
    PUBSUB,
    ARTIFACTS,
    BIGTABLE,
    DATAFLOW,
    DATAPROC,
    SPANNER,
    VERTEX,
    REDIS_CMEK,
    REDIS_TRANSIT,
    GKE_SECRETS,
]
