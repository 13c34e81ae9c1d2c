"""Intrinsics, conditions, parameters, pseudo parameters, YAML traps, lines and edges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iacgate.graph.model import UNSET_BRANCH, Edge, Resource, Unknown

from .conftest import FIXTURES, Parse, parse_files


def by_id(resources: tuple[Resource, ...]) -> dict[str, Resource]:
    return {resource.id: resource for resource in resources}


def test_intrinsics_resolve_with_defaults_and_region(parse: Parse) -> None:
    result = parse("intrinsics.yaml", region="eu-west-1")
    resources = by_id(result.resources)
    assert set(resources) == {
        "CardDataVolume",
        "AuditTrail",
        "AuditKey",
        "AuditBucket",
        "AuditLogs",
        "KeyedTopic",
    }
    volume = resources["CardDataVolume"]
    assert (volume.format, volume.native_type, volume.type, volume.provider) == (
        "cloudformation", "AWS::EC2::Volume", "aws_ebs_volume", "aws",
    )  # fmt: skip
    assert volume.region == "eu-west-1"
    assert volume.attributes["size"] == 100
    # Unquoted Yes is YAML 1.1's true, as CloudFormation reads it: on both sides, so the Equals holds.
    assert volume.attributes["encrypted"] is True
    assert isinstance(volume.attributes["kms_key_id"], Unknown)  # If on HasKey; KeyArn has no value
    assert "KeyArn" in volume.attributes["kms_key_id"].reason
    # Its other branch is AWS::NoValue: the property may not be set at all, and the reason says so.
    assert volume.attributes["kms_key_id"].reason.endswith(UNSET_BRANCH)
    assert isinstance(volume.attributes["availability_zone"], Unknown)
    assert volume.tags["Name"] == "dev-card-data"
    assert isinstance(volume.tags["Stack"], Unknown)
    trail = resources["AuditTrail"].attributes
    assert trail["name"] == "audit-dev-subnet-b"  # Join + Select over a CommaDelimitedList (spaces trimmed)
    assert trail["is_multi_region_trail"] is True  # YAML 1.1's boolean, as CloudFormation reads it
    assert trail["enable_log_file_validation"] is True
    assert isinstance(trail["kms_key_id"], Unknown)
    assert "cloud_watch_logs_group_arn" in trail  # renamed through the data table
    assert "ImportValue" in trail["sns_topic_name"].reason
    assert resources["AuditBucket"].attributes == {
        "bucket": "7-audit-eu-west-1"
    }  # Sub with variables, FindInMap
    assert resources["AuditLogs"].attributes["retention_in_days"] == 7
    assert isinstance(resources["AuditKey"].attributes["description"], Unknown)  # AWS::AccountId is unknown
    topic = resources["KeyedTopic"]
    assert topic.metadata["condition"] == "HasKey" and "KeyArn" in topic.metadata["condition_unknown"]
    assert topic.attributes["name"] == "alerts"


def test_false_condition_removes_the_resource_and_novalue_the_property(parse: Parse) -> None:
    resources = by_id(parse("intrinsics.yaml").resources)
    assert "ProdOnlyQueue" not in resources
    assert isinstance(resources["CardDataVolume"].region, Unknown)
    assert "--region" in resources["CardDataVolume"].region.reason
    with_key = by_id(parse("intrinsics.yaml", parameters={"KeyArn": ""}).resources)
    assert "kms_key_id" not in with_key["CardDataVolume"].attributes  # AWS::NoValue
    assert "KeyedTopic" not in with_key


def test_parameters_files_and_overrides(parse: Parse) -> None:
    for name, key in (("parameters.json", "key/file"), ("parameters.txt", "key/list")):
        resources = by_id(parse("intrinsics.yaml", parameter_files=(FIXTURES / name,)).resources)
        assert "ProdOnlyQueue" in resources  # Environment=prod from the file
        assert resources["AuditLogs"].attributes["retention_in_days"] == 365
        assert (
            resources["CardDataVolume"].attributes["kms_key_id"]
            == f"arn:aws:kms:eu-west-1:111122223333:{key}"
        )
    resources = by_id(
        parse(
            "intrinsics.yaml",
            parameter_files=(FIXTURES / "parameters.json",),
            parameters={"Environment": "dev", "EnableEncryption": "No", "VolumeSize": "20"},
        ).resources
    )
    assert "ProdOnlyQueue" not in resources  # the command line wins over the file
    assert resources["CardDataVolume"].attributes["encrypted"] is False
    assert resources["CardDataVolume"].attributes["size"] == 20  # a Number parameter becomes a number


def test_pseudo_parameters(parse: Parse) -> None:
    resources = by_id(
        parse("intrinsics.yaml", region="cn-north-1", parameters={"AWS::StackName": "s1"}).resources
    )
    assert resources["AuditBucket"].attributes["bucket"] == "7-audit-cn-north-1"
    assert resources["CardDataVolume"].tags["Stack"] == "s1"
    # The account is given as the stack name is; other pseudo parameters cannot be, and a warning says so.
    given = {"AWS::AccountId": "111122223333", "AWS::Region": "eu-west-1"}
    result = parse("intrinsics.yaml", region="cn-north-1", parameters=given)
    description = by_id(result.resources)["AuditKey"].attributes["description"]
    assert description == "key for cn-north-1 in aws-cn (111122223333)"
    assert [n.message for n in result.notifications if n.level == "warning"] == [
        "pseudo parameter AWS::Region (--parameter or a parameters file) cannot be given, only "
        "AWS::AccountId and AWS::StackName (the region is --region); its value is not used"
    ]


def test_partition_and_url_suffix_follow_the_region(tmp_path: Path) -> None:
    """Each partition's regions give its own AWS::Partition and AWS::URLSuffix (an ARN built with them names
    the partition CloudFormation would), and each is taken for a region name."""
    (tmp_path / "stack.yaml").write_text(
        "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n"
        "      BucketName: !Sub '${AWS::Partition} ${AWS::URLSuffix}'\n"
    )
    expected = {
        "eu-west-1": "aws amazonaws.com", "cn-north-1": "aws-cn amazonaws.com.cn",
        "us-gov-west-1": "aws-us-gov amazonaws.com", "us-iso-east-1": "aws-iso c2s.ic.gov",
        "us-isob-east-1": "aws-iso-b sc2s.sgov.gov", "eu-isoe-west-1": "aws-iso-e cloud.adc-e.uk",
        "us-isof-south-1": "aws-iso-f csp.hci.ic.gov", "eusc-de-east-1": "aws-eusc amazonaws.eu",
    }  # fmt: skip
    for region, value in expected.items():
        result = parse_files(tmp_path, ["stack.yaml"], region=region)
        assert result.resources[0].attributes["bucket"] == value, region
        assert [n.message for n in result.notifications if n.level == "warning"] == [], region


def test_lines_for_resources_and_properties(parse: Parse) -> None:
    resources = by_id(parse("intrinsics.yaml").resources)
    volume = resources["CardDataVolume"].location
    assert (volume.file, volume.start_line, volume.end_line) == ("intrinsics.yaml", 31, 42)
    assert volume.attribute_lines == {
        "size": 34, "encrypted": 35, "kms_key_id": 36, "availability_zone": 37, "tags": 38,
        "tags.Name": 39, "tags.Stack": 41,
    }  # fmt: skip
    assert volume.line_for(("encrypted",)) == 35
    assert volume.line_for(("missing",)) == 31
    trail = resources["AuditTrail"].location
    assert trail.attribute_lines["kms_key_id"] == 49
    assert trail.attribute_lines["is_multi_region_trail"] == 50


def test_json_lines_and_yaml_json_twins_agree(parse: Parse) -> None:
    yaml_result = by_id(parse("twin.yaml").resources)
    json_result = by_id(parse("twin.json").resources)
    for key, resource in yaml_result.items():
        other = json_result[key]
        assert (other.type, other.attributes, other.tags) == (
            resource.type,
            resource.attributes,
            resource.tags,
        )
    table = json_result["Data"]
    assert table.attributes["server_side_encryption"] == {"sse_enabled": False}
    assert table.attributes["point_in_time_recovery"] == {"point_in_time_recovery_enabled": True}
    assert (table.location.start_line, table.location.end_line) == (10, 22)
    assert table.location.attribute_lines["server_side_encryption.sse_enabled"] == 15
    assert json_result["Stream"].location.attribute_lines["stream_encryption.key_id"] == 28


def test_edges_from_ref_getatt_sub_and_depends_on(parse: Parse) -> None:
    edges = set(parse("intrinsics.yaml").edges)
    assert edges == {
        Edge("AuditTrail", "AuditBucket", "reference", "s3_bucket_name"),
        Edge("AuditTrail", "AuditKey", "reference", "kms_key_id"),  # !GetAtt A.B
        Edge("AuditTrail", "AuditLogs", "reference", "cloud_watch_logs_group_arn"),  # !GetAtt [A, B]
        Edge("AuditTrail", "AuditBucket", "depends_on", None),
        Edge("AuditLogs", "AuditKey", "reference", "kms_key_id"),
        Edge("AuditLogs", "AuditBucket", "reference", "name"),  # ${AuditBucket} inside Fn::Sub
    }


def test_nested_stack_ids_parameters_and_outputs(parse: Parse) -> None:
    result = parse("nested/parent.yaml", "nested/templates/storage.yaml")
    resources = by_id(result.resources)
    assert set(resources) == {"Storage", "Storage/CardDataVolume", "Backup", "Missing"}
    volume = resources["Storage/CardDataVolume"]
    assert volume.attributes["kms_key_id"] == "arn:aws:kms:eu-west-1:111122223333:key/abc"
    assert volume.attributes["size"] == 50
    assert (volume.location.file, volume.location.start_line) == ("nested/templates/storage.yaml", 9)
    assert resources["Backup"].attributes["kms_key_arn"] == "arn:aws:kms:eu-west-1:111122223333:key/abc"
    messages = [(n.level, n.file, n.message) for n in result.notifications]
    assert (
        "note",
        "nested/templates/storage.yaml",
        "evaluated as the nested stack of nested/parent.yaml",
    ) in messages
    assert any(level == "warning" and "Missing not evaluated" in text for level, _, text in messages)


def test_foreach_expands(parse: Parse) -> None:
    resources = by_id(parse("foreach.yaml").resources)
    assert {key: r.attributes for key, r in resources.items()} == {
        "Queueorders": {"name": "orders-queue", "sqs_managed_sse_enabled": True},
        "Queuecardevents": {"name": "card-events-queue", "sqs_managed_sse_enabled": True},
    }
    assert resources["Queuecardevents"].location.attribute_lines == {
        "name": 14,
        "sqs_managed_sse_enabled": 15,
    }


def _attrs(resource: Resource) -> dict[str, Any]:
    return dict(resource.attributes)


def test_sam_expansion(parse: Parse) -> None:
    result = parse("sam.yaml")
    resources = by_id(result.resources)
    assert {key: r.type for key, r in resources.items()} == {
        "MyFunction": "aws_lambda_function", "MyFunctionRole": "aws_iam_role", "Orders": "aws_dynamodb_table",
        "MyApi": "aws_api_gateway_rest_api", "MyApiDeployment": "aws_api_gateway_deployment",
        "MyApiliveStage": "aws_api_gateway_stage", "MyHttpApi": "aws_apigatewayv2_api",
        "MyHttpApiApiGatewayDefaultStage": "aws_apigatewayv2_stage", "Flow": "aws_sfn_state_machine",
        "FlowRole": "aws_iam_role", "ServerlessRestApi": "aws_api_gateway_rest_api",
        "ServerlessRestApiDeployment": "aws_api_gateway_deployment",
        "ServerlessRestApiProdStage": "aws_api_gateway_stage",
    }  # fmt: skip
    function = resources["MyFunction"]
    assert function.attributes["kms_key_arn"] == "arn:aws:kms:eu-west-1:111122223333:key/fn"  # from Globals
    assert function.attributes["tracing_config"] == {"mode": "Active"}
    assert function.location.attribute_lines["tracing_config"] == 5  # the Globals line it came from
    assert function.location.attribute_lines["handler"] == 11
    assert function.metadata["sam_resource"] == "MyFunction"
    assert Edge("MyFunction", "MyFunctionRole", "reference", "role") in result.edges
    role = resources["MyFunctionRole"].attributes
    assert "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" in role["managed_policy_arns"]
    assert resources["Orders"].attributes["server_side_encryption"] == {"sse_enabled": True}
    stage = resources["MyApiliveStage"].attributes
    assert stage["xray_tracing_enabled"] is True
    assert stage["access_log_settings"]["destination_arn"].endswith("log-group:api")
    assert stage["method_settings"] == [{"resource_path": "/*", "http_method": "*", "logging_level": "INFO"}]
    assert resources["Flow"].attributes["logging_configuration"]["level"] == "ALL"
    assert resources["Flow"].attributes["tracing_configuration"] == {"enabled": True}
    assert "access_log_settings" not in resources["MyHttpApiApiGatewayDefaultStage"].attributes


_IMPLICIT_API = """\
Transform: AWS::Serverless-2016-10-31
Parameters:
  Env: {Type: String}
Conditions:
  Never: !Equals [a, b]
  Prod: !Equals [!Ref Env, prod]
Resources:
  Reader:
    Type: AWS::Serverless::Function
    Condition: Never
    Properties:
      Handler: index.handler
      Runtime: python3.12
      InlineCode: pass
      Events:
        Get: {Type: Api, Properties: {Path: /, Method: get}}
  Flow:
    Type: AWS::Serverless::StateMachine
    Condition: %s
    Properties:
      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
      Events:
        Post: {Type: Api, Properties: {Path: /, Method: post}}
"""


def test_sam_implicit_api_takes_the_condition_of_the_resources_using_it(tmp_path: Path) -> None:
    """SAM creates the implicit API under a condition when every function or state machine with an event on
    it has one: no stage CloudFormation would not create is judged, and one it might is marked so."""
    implicit = {"ServerlessRestApi", "ServerlessRestApiDeployment", "ServerlessRestApiProdStage"}

    def parse(condition: str, **options: object) -> dict[str, Resource]:
        (tmp_path / "sam.yaml").write_text(_IMPLICIT_API % condition)
        return by_id(parse_files(tmp_path, ["sam.yaml"], **options).resources)

    assert set(parse("Never")) == set()  # every resource on the API is under a false condition
    # Under an unknown condition and a false one: their Fn::Or, added to the template as SAM adds it.
    resources = parse("Prod")
    assert implicit <= set(resources)  # a state machine's Api event creates the implicit API too
    stage = resources["ServerlessRestApiProdStage"]
    assert stage.metadata["condition"] == "ServerlessRestApiCondition"
    assert "parameter Env has no value" in stage.metadata["condition_unknown"]
    assert implicit <= set(parse("Prod", parameters={"Env": "prod"}))
    assert not implicit & set(parse("Prod", parameters={"Env": "dev"}))
    # A resource without a condition creates the API whatever the others' conditions.
    (tmp_path / "sam.yaml").write_text((_IMPLICIT_API % "Never").replace("    Condition: Never\n", "", 1))
    resources = by_id(parse_files(tmp_path, ["sam.yaml"]).resources)
    assert implicit <= set(resources) and "condition" not in resources["ServerlessRestApiProdStage"].metadata


def test_sam_api_domain_becomes_the_domain_name_sam_creates(tmp_path: Path) -> None:
    """An Api's or HttpApi's Domain is a custom domain name with its TLS policy (ENC-APIGATEWAY-001 judges
    it), under the id SAM gives it: a hash of the domain name."""
    (tmp_path / "sam.yaml").write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        "  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n"
        "      Domain:\n        DomainName: example.com\n        CertificateArn: arn:cert\n"
        "        SecurityPolicy: TLS_1_0\n"
        "  Http:\n    Type: AWS::Serverless::HttpApi\n    Condition: Never\n    Properties:\n"
        "      Domain:\n        DomainName: api.example.com\n        CertificateArn: arn:cert\n"
        "        SecurityPolicy: TLS_1_2\n"
        "Conditions:\n  Never: !Equals [a, b]\n"
    )
    resources = by_id(parse_files(tmp_path, ["sam.yaml"]).resources)
    domain = resources["ApiGatewayDomainName0caaf24ab1"]  # SAM's id for example.com
    assert (domain.native_type, domain.type) == ("AWS::ApiGateway::DomainName", "aws_api_gateway_domain_name")
    assert domain.attributes == {
        "domain_name": "example.com", "regional_certificate_arn": "arn:cert",
        "endpoint_configuration": {"types": ["REGIONAL"]}, "security_policy": "TLS_1_0",
    }  # fmt: skip
    assert domain.location.attribute_lines["security_policy"] == 10
    assert domain.metadata["sam_resource"] == "Api"
    assert not [key for key in resources if key.startswith("ApiGatewayDomainNameV2")]  # its API's condition
    (tmp_path / "sam.yaml").write_text((tmp_path / "sam.yaml").read_text().replace("b]", "a]"))
    v2 = by_id(parse_files(tmp_path, ["sam.yaml"]).resources)["ApiGatewayDomainNameV21bc412bb08"]
    assert v2.attributes["domain_name_configuration"] == [
        {"certificate_arn": "arn:cert", "endpoint_type": "REGIONAL", "security_policy": "TLS_1_2"}
    ]


def test_sam_graphql_api_logs_unless_told_not_to_and_has_its_cache(tmp_path: Path) -> None:
    """SAM's GraphQLApi logs at FieldLogLevel ALL with a role it makes unless ``Logging: false``, and its
    Cache is an AppSync API cache: LOG-APPSYNC-001 and the cache's encryption rule judge them."""
    (tmp_path / "sam.yaml").write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        "  Default:\n    Type: AWS::Serverless::GraphQLApi\n    Properties:\n"
        "      SchemaInline: 'type Query { a: String }'\n      Auth: {Type: API_KEY}\n"
        "  Quiet:\n    Type: AWS::Serverless::GraphQLApi\n    Properties:\n"
        "      SchemaInline: 'type Query { a: String }'\n      Auth: {Type: AWS_IAM}\n      Logging: false\n"
        "      Cache:\n        Type: SMALL\n        ApiCachingBehavior: FULL_REQUEST_CACHING\n"
        "        Ttl: 60\n        AtRestEncryptionEnabled: false\n"
    )
    result = parse_files(tmp_path, ["sam.yaml"])
    resources = by_id(result.resources)
    assert {key: r.native_type for key, r in resources.items()} == {
        "Default": "AWS::AppSync::GraphQLApi", "DefaultCloudWatchRole": "AWS::IAM::Role",
        "Quiet": "AWS::AppSync::GraphQLApi", "QuietApiCache": "AWS::AppSync::ApiCache",
    }  # fmt: skip
    default = resources["Default"].attributes
    assert (default["name"], default["authentication_type"]) == ("Default", "API_KEY")
    assert default["log_config"]["field_log_level"] == "ALL"
    assert Edge("Default", "DefaultCloudWatchRole", "reference", "log_config") in result.edges
    assert "log_config" not in resources["Quiet"].attributes  # Logging: false
    cache = resources["QuietApiCache"]
    assert cache.type == "aws_appsync_api_cache"
    assert cache.attributes["at_rest_encryption_enabled"] is False
    assert cache.location.attribute_lines["at_rest_encryption_enabled"] == 18
    assert Edge("QuietApiCache", "Quiet", "reference", "api_id") in result.edges


def test_sam_stage_ids_are_sams(tmp_path: Path) -> None:
    """SAM names a stage by its StageName only when that is alphanumeric, else by a hash of it; an HttpApi's
    $default stage is ApiGatewayDefaultStage: findings and waivers name the stage CloudFormation has."""
    (tmp_path / "sam.yaml").write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        "  Rest:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: dev-eu\n"
        "  Live:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: live\n"
        "  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      StageName: $default\n"
    )
    stages = {r.id for r in parse_files(tmp_path, ["sam.yaml"]).resources if r.type.endswith("stage")}
    assert stages == {"RestStage0d37223bd2", "LiveliveStage", "HttpApiGatewayDefaultStage"}


def test_sam_deployment_makes_the_extra_stage_unless_openapi_version_is_set(tmp_path: Path) -> None:
    """SAM's API deployment has StageName "Stage" (API Gateway makes that stage, without access logs, and
    LOG-APIGATEWAY-004 judges it) unless OpenApiVersion is set, here or in Globals."""
    (tmp_path / "sam.yaml").write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        "  Old:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n"
        "  New:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n"
        "      OpenApiVersion: '3.0.1'\n"
    )
    resources = by_id(parse_files(tmp_path, ["sam.yaml"]).resources)
    assert resources["OldDeployment"].attributes == {
        "rest_api_id": Unknown("Ref Old: the resource's physical id is known after deploy"),
        "stage_name": "Stage",
    }
    assert "stage_name" not in resources["NewDeployment"].attributes
    (tmp_path / "sam.yaml").write_text(
        "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    OpenApiVersion: '3.0.1'\n"
        "Resources:\n  Old:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n"
    )
    assert (
        "stage_name" not in by_id(parse_files(tmp_path, ["sam.yaml"]).resources)["OldDeployment"].attributes
    )


def test_macros_preprocessor_tags_and_bad_input(parse: Parse) -> None:
    macro = parse("macro.yaml")
    assert macro.resources == ()
    assert [(n.level, n.line, n.message) for n in macro.notifications] == [
        (
            "error",
            2,
            "not evaluated: macro Count must run first (scan the processed template: aws cloudformation "
            "get-template --template-stage Processed)",
        )
    ]
    rain = parse("rain.yaml")
    assert [r.id for r in rain.resources] == ["Bucket"]
    assert isinstance(rain.resources[0].attributes["bucket"], Unknown)
    assert {(n.level, n.line) for n in rain.notifications} == {("warning", 5), ("warning", 6)}
    bad = parse("bad.yaml", "bad.json", "twin.json")
    assert [r.id for r in bad.resources] == ["Data", "Stream", "Key"]  # the good file is still parsed
    errors = {(n.file, n.line, n.column): n.message for n in bad.notifications if n.level == "error"}
    assert set(errors) == {("bad.yaml", 6, 1), ("bad.json", 4, 42)}
    assert errors[("bad.json", 4, 42)].startswith("invalid JSON")


def test_sub_of_a_preprocessor_tag_is_warned_and_unknown_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "stack.yaml").write_text(
        "Resources:\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n"
        "      UserData: !Base64\n        Fn::Sub: !Rain::Embed server.sh\n"
    )
    result = parse_files(tmp_path, ["stack.yaml"])
    user_data = result.resources[0].attributes["user_data"]
    assert isinstance(user_data, Unknown)
    assert user_data.reason == "!Rain::Embed: pre-processor tag, not evaluated"  # not "malformed Fn::Sub"
    assert [(n.level, n.line, n.message) for n in result.notifications] == [
        ("warning", 6, "!Rain::Embed is a pre-processor tag (not evaluated: it must run first)")
    ]


def test_select_takes_no_negative_index(tmp_path: Path) -> None:
    """CloudFormation's Fn::Select takes an index from 0 to N-1; -1 is not the last item."""
    (tmp_path / "stack.yaml").write_text(
        "Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n"
        "      Encrypted: !Select [-1, [false, true]]\n      KmsKeyId: !Select [1, [a, b]]\n"
    )
    attributes = parse_files(tmp_path, ["stack.yaml"]).resources[0].attributes
    assert isinstance(attributes["encrypted"], Unknown)
    assert attributes["encrypted"].reason == "Fn::Select index -1 out of range"
    assert attributes["kms_key_id"] == "b"


def test_a_parameter_holding_a_dynamic_reference_is_resolved_at_deploy_time(tmp_path: Path) -> None:
    """A dynamic reference as a parameter's value (its Default, or given) is resolved by CloudFormation at
    deploy time, as one written in place: the key it names is unknown, not the reference's own text."""
    (tmp_path / "stack.yaml").write_text(
        "Parameters:\n  Key:\n    Type: String\n    Default: '{{resolve:ssm:/kms/key:1}}'\n"
        "  Name:\n    Type: String\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n"
        "      KmsMasterKeyId: !Ref Key\n      TopicName: !Sub '${Name}-topic'\n"
    )
    reason = "dynamic reference {{resolve:ssm:...}} resolved at deploy time"
    for given in ({}, {"Key": "{{resolve:ssm:/other:2}}"}):
        attributes = parse_files(tmp_path, ["stack.yaml"], parameters=given).resources[0].attributes
        assert attributes["kms_master_key_id"] == Unknown(reason)
    given = {"Key": "alias/app", "Name": "{{resolve:secretsmanager:name}}"}
    attributes = parse_files(tmp_path, ["stack.yaml"], parameters=given).resources[0].attributes
    assert attributes["kms_master_key_id"] == "alias/app"
    assert attributes["name"] == Unknown(
        "dynamic reference {{resolve:secretsmanager:...}} resolved at deploy time"
    )


def test_secrets_manager_transform_is_evaluated_and_its_rotation_function_reported(tmp_path: Path) -> None:
    """The AWS::SecretsManager transform leaves the template as written but for a nested stack holding the
    rotation function of a HostedRotationLambda: the resources are judged, that function is unresolved."""
    (tmp_path / "stack.yaml").write_text(
        "Transform: AWS::SecretsManager-2024-09-16\nResources:\n"
        "  Secret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n"
        "      KmsKeyId: alias/aws/secretsmanager\n"
        "  Rotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n"
        "      SecretId: !Ref Secret\n      HostedRotationLambda:\n        RotationType: MySQLSingleUser\n"
    )
    result = parse_files(tmp_path, ["stack.yaml"])
    resources = by_id(result.resources)
    assert set(resources) == {"Secret", "Rotation"}
    assert resources["Secret"].attributes["kms_key_id"] == "alias/aws/secretsmanager"
    assert [n.level for n in result.notifications] == ["warning"]
    assert [(u.address, u.line) for u in result.unresolved] == [("Rotation", 7)]
    assert "HostedRotationLambda" in result.unresolved[0].reason


def test_a_parameter_value_outside_its_allowed_values_is_warned(tmp_path: Path) -> None:
    """CloudFormation refuses a parameter value outside AllowedValues: a typo such as Env=prdo is said,
    not silently read as a value that turns the production-only resources off; a NoEcho value is not shown."""
    (tmp_path / "stack.yaml").write_text(
        "Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\n"
        "  Zones:\n    Type: CommaDelimitedList\n    Default: 'a, c'\n    AllowedValues: [a, b]\n"
        "  Token:\n    Type: String\n    NoEcho: true\n    AllowedValues: [x]\n"
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
    )

    def warnings(**given: str) -> list[tuple[int, str]]:
        notes = parse_files(tmp_path, ["stack.yaml"], parameters=given).notifications
        return [(n.line, n.message) for n in notes if n.level == "warning"]

    refused = ", not one of its AllowedValues; CloudFormation refuses it"
    assert warnings(Env="prdo", Zones="b", Token="secret") == [
        (2, f"parameter Env has the value 'prdo' (given){refused}"),
        (9, f"parameter Token has a NoEcho value (given){refused}"),
    ]
    assert warnings(Env="prod", Token="x") == [
        (5, f"parameter Zones has the value 'c' (its Default){refused}")
    ]


def test_sub_names_each_unknown_value_once(tmp_path: Path) -> None:
    (tmp_path / "stack.yaml").write_text(
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n"
        "      TopicName: !Sub '${AWS::StackName}-${AWS::Region}-${AWS::StackName}'\n"
    )
    name = parse_files(tmp_path, ["stack.yaml"]).resources[0].attributes["name"]
    assert name == Unknown("Fn::Sub depends on values not known before deploy: AWS::StackName, AWS::Region")


def test_deletion_and_update_replace_policies_as_language_extensions_write_them(tmp_path: Path) -> None:
    """AWS::LanguageExtensions lets DeletionPolicy and UpdateReplacePolicy be a Ref to a parameter or an
    Fn::If: the resource records the policy CloudFormation applies, or that it is unknown (not absent)."""
    (tmp_path / "stack.yaml").write_text(
        "Transform: AWS::LanguageExtensions\nParameters:\n  Env: {Type: String}\n"
        "  Keep: {Type: String, Default: Snapshot}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
        "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n"
        "    DeletionPolicy: !If [IsProd, Retain, Delete]\n"
        "    UpdateReplacePolicy: !Ref Keep\n    Properties: {Engine: mysql}\n"
    )
    metadata = parse_files(tmp_path, ["stack.yaml"]).resources[0].metadata
    assert isinstance(metadata["deletion_policy"], Unknown)
    assert metadata["update_replace_policy"] == "Snapshot"
    metadata = parse_files(tmp_path, ["stack.yaml"], parameters={"Env": "prod"}).resources[0].metadata
    assert (metadata["deletion_policy"], metadata["update_replace_policy"]) == ("Retain", "Snapshot")


def test_claims_by_content(tmp_path: Path) -> None:
    from iacgate.parsers.cloudformation import CloudFormationParser
    from iacgate.textio import SourceFile

    parser = CloudFormationParser()

    def claims(text: str) -> bool:
        return parser.claims(SourceFile(tmp_path / "x", "x", text))

    assert claims("Resources:\n  A:\n    Type: AWS::S3::Bucket\n")
    assert claims('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}')
    assert not claims('{"format_version": "1.2", "planned_values": {"Resources": {}}}')
    assert not claims("name: app\nruntime: yaml\nresources:\n  b:\n    type: aws:s3:Bucket\n")
    assert not claims('{"version": 3, "deployment": {"resources": [{"urn": "urn:pulumi:a::b::c::d"}]}}')


@pytest.mark.parametrize(
    ("expression", "ends_with"),
    [
        # What follows the last unknown value is known whatever the account.
        ('!Sub "arn:${AWS::Partition}:kms:us-east-1:${AWS::AccountId}:alias/aws/s3"', ":alias/aws/s3"),
        ('!Sub ["arn:aws:kms:${R}:${AWS::AccountId}:key/${!Id}", {R: eu-west-1}]', ":key/${Id}"),
        (
            '!Join [":", [arn, aws, kms, !Ref AWS::Region, !Ref AWS::AccountId, alias/aws/s3]]',
            ":alias/aws/s3",
        ),
        ('!Join ["", [!Sub "${AWS::AccountId}:alias/aws/s3", "-x"]]', "-x"),
        # Nothing is known of the end: an unknown value last, another function of the text.
        ('!Sub "arn:aws:kms:us-east-1:1:alias/${AWS::StackName}"', ""),
        ('!Join [":", [alias/aws/s3, !Ref AWS::AccountId]]', ""),
        ('!Select [1, !Split ["/", !Sub "${AWS::AccountId}:alias/aws/s3"]]', ""),
    ],
)
def test_an_unknown_text_keeps_its_literal_tail(tmp_path: Path, expression: str, ends_with: str) -> None:
    (tmp_path / "stack.yaml").write_text(
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n"
        f"      KmsMasterKeyId: {expression}\n"
    )
    value = parse_files(tmp_path, ["stack.yaml"]).resources[0].attributes["kms_master_key_id"]
    assert isinstance(value, Unknown)
    assert value.ends_with == ends_with
