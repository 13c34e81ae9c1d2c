"""The SAM transform (``AWS::Serverless::*`` into the CloudFormation resources SAM creates).

Only what the rule packs judge is reproduced (encryption, logging, tracing, roles). Generated ids follow
SAM where they are stable (``MyFunctionRole``, ``MyApiProdStage``, ``ServerlessRestApi``); SAM's content
hashes (deployments, layer versions) are left out so ids do not change when code does.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.cloudformation.loaded import Entry, Path
from iacgate.parsers.cloudformation.loaded import mapping as as_mapping

_LAMBDA_TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["lambda.amazonaws.com"]}}
    ],
}
_STATES_TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["states.amazonaws.com"]}}
    ],
}
_APPSYNC_TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["appsync.amazonaws.com"]}}
    ],
}
_BASIC_EXECUTION = {
    "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}
_XRAY = {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess"}
_APPSYNC_LOGS = {
    "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs"
}


# -- SAM -----------------------------------------------------------------------------------------------
def _merge(global_value: Any, local: Any) -> Any:
    if (
        isinstance(global_value, dict)
        and isinstance(local, dict)
        and not _intrinsic(global_value)
        and not _intrinsic(local)
    ):
        merged = dict(global_value)
        for key, value in local.items():
            merged[key] = _merge(global_value[key], value) if key in global_value else value
        return merged
    if isinstance(global_value, list) and isinstance(local, list):
        return [*global_value, *local]
    return local


def _intrinsic(value: dict[str, Any]) -> bool:
    return len(value) == 1 and any(key == "Ref" or key.startswith("Fn::") for key in value)


def _tags_list(tags: Any, creator: str | None) -> Any:
    listed = [{"Key": creator, "Value": "SAM"}] if creator else []
    if isinstance(tags, dict) and not _intrinsic(tags):
        listed.extend({"Key": key, "Value": value} for key, value in tags.items())
    return listed


class SamExpander:
    def __init__(self, template: dict[str, Any]) -> None:
        globals_ = template.get("Globals")
        self.globals: dict[str, Any] = globals_ if isinstance(globals_, dict) else {}
        self.out: list[Entry] = []
        self.implicit: dict[str, Entry] = {}
        # The Condition of each resource with an event on an implicit API, by that API's logical id (None:
        # the resource has none), and the conditions SAM adds to the template.
        self.implicit_conditions: dict[str, list[str | None]] = {}
        self.conditions: dict[str, Any] = {}

    def properties(self, entry: Entry, section: str) -> tuple[dict[str, Any], dict[str, Path]]:
        local = as_mapping(entry.body.get("Properties"))
        glob = as_mapping(self.globals.get(section))
        merged: dict[str, Any] = {}
        sources: dict[str, Path] = {}
        for key in {**glob, **local}:
            merged[key] = (
                _merge(glob[key], local[key])
                if key in glob and key in local
                else local.get(key, glob.get(key))
            )
            sources[key] = (*entry.origin, "Properties", key) if key in local else ("Globals", section, key)
        return merged, sources

    def emit(
        self,
        source: Entry,
        logical_id: str,
        rtype: str,
        props: dict[str, Any],
        sources: dict[str, Path],
        mapping: dict[str, str],
    ) -> None:
        """``mapping`` names SAM property -> CloudFormation property for values copied unchanged."""
        body: dict[str, Any] = {"Type": rtype, "Properties": props}
        for key in ("Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy"):
            if key in source.body and (key != "DependsOn" or logical_id == source.logical_id):
                body[key] = source.body[key]
        where = {target: sources[sam] for sam, target in mapping.items() if sam in sources}
        self.out.append(Entry(logical_id, body, source.origin, where, source.logical_id))

    def expand(self, entries: list[Entry]) -> list[Entry]:
        for entry in entries:
            rtype = entry.body.get("Type") if isinstance(entry.body, dict) else None
            handler = _EXPANDERS.get(rtype) if isinstance(rtype, str) else None
            if handler is None:
                self.out.append(entry)
            else:
                handler(self, entry)
        for api, conditions in self.implicit_conditions.items():
            self._implicit_condition(api, conditions)
        self.out.extend(self.implicit.values())
        return self.out

    def _implicit_condition(self, api: str, conditions: list[str | None]) -> None:
        """As SAM does: an implicit API is created under a condition when every resource with an event on
        it has one (their Fn::Or, which SAM adds to the template, when they differ), else always."""
        named = sorted({condition for condition in conditions if condition is not None})
        if not named or None in conditions:
            return
        name = named[0] if len(named) == 1 else f"{api}Condition"
        if len(named) > 1:
            self.conditions[name] = {"Fn::Or": [{"Condition": condition} for condition in named]}
        for entry in self.implicit.values():
            if entry.generated_by == api:
                entry.body["Condition"] = name

    def copy(
        self, props: dict[str, Any], names: tuple[str, ...], renames: dict[str, str] | None = None
    ) -> tuple[dict[str, Any], dict[str, str]]:
        renames = renames or {}
        result: dict[str, Any] = {}
        mapping: dict[str, str] = {}
        for name in (*names, *renames):
            if name in props:
                target = renames.get(name, name)
                result[target] = copy.deepcopy(props[name])
                mapping[name] = target
        return result, mapping

    def role(
        self, entry: Entry, props: dict[str, Any], trust: dict[str, Any], managed: list[Any], creator: str
    ) -> dict[str, Any]:
        policies = props.get("Policies")
        policies = (
            [policies] if isinstance(policies, str | dict) else policies if isinstance(policies, list) else []
        )
        inline = []
        for index, policy in enumerate(policies):
            if isinstance(policy, str) or (isinstance(policy, dict) and _intrinsic(policy)):
                managed.append(
                    policy
                    if not isinstance(policy, str) or policy.startswith("arn:")
                    else {"Fn::Sub": f"arn:${{AWS::Partition}}:iam::aws:policy/{policy}"}
                )
            elif isinstance(policy, dict) and "Statement" in policy:
                inline.append(
                    {"PolicyName": f"{entry.logical_id}RolePolicy{index}", "PolicyDocument": policy}
                )
        role: dict[str, Any] = {"AssumeRolePolicyDocument": trust, "ManagedPolicyArns": managed}
        if inline:
            role["Policies"] = inline
        if "PermissionsBoundary" in props:
            role["PermissionsBoundary"] = props["PermissionsBoundary"]
        role["Tags"] = _tags_list(props.get("Tags"), creator)
        return role


def _function(sam: SamExpander, entry: Entry) -> None:
    props, sources = sam.properties(entry, "Function")
    out, mapping = sam.copy(props, (
        "Handler", "Runtime", "Description", "MemorySize", "Timeout", "Environment", "VpcConfig", "KmsKeyArn",
        "Layers", "ReservedConcurrentExecutions", "FunctionName", "Architectures", "EphemeralStorage",
        "PackageType",
        "ImageConfig", "FileSystemConfigs", "CodeSigningConfigArn", "LoggingConfig", "SnapStart",
        "RuntimeManagementConfig", "RecursiveLoop", "Role"))  # fmt: skip
    if "CodeUri" in props or "InlineCode" in props or "ImageUri" in props:
        code = props.get("CodeUri", props.get("InlineCode", props.get("ImageUri")))
        if "InlineCode" in props:
            out["Code"] = {"ZipFile": code}
        elif "ImageUri" in props:
            out["Code"] = {"ImageUri": code}
        elif isinstance(code, str) and code.startswith("s3://") and "/" in code[5:]:
            bucket, key = code[5:].split("/", 1)
            out["Code"] = {"S3Bucket": bucket, "S3Key": key}
        else:
            out["Code"] = (
                copy.deepcopy(code)
                if isinstance(code, dict) and not _intrinsic(code)
                else {"ZipFile": Unknown("local code location: SAM uploads it at package time")}
            )
        mapping[next(k for k in ("InlineCode", "ImageUri", "CodeUri") if k in props)] = "Code"
    if "Tracing" in props:
        out["TracingConfig"] = {"Mode": props["Tracing"]}
        mapping["Tracing"] = "TracingConfig"
    if isinstance(props.get("DeadLetterQueue"), dict):
        out["DeadLetterConfig"] = {"TargetArn": props["DeadLetterQueue"].get("TargetArn")}
        mapping["DeadLetterQueue"] = "DeadLetterConfig"
    out["Tags"] = _tags_list(props.get("Tags"), "lambda:createdBy")
    mapping["Tags"] = "Tags"
    if "Role" not in props:
        managed: list[Any] = [_BASIC_EXECUTION]
        if props.get("Tracing") == "Active":
            managed.append(_XRAY)
        role = sam.role(entry, props, _LAMBDA_TRUST, managed, "lambda:createdBy")
        sam.emit(
            entry,
            f"{entry.logical_id}Role",
            "AWS::IAM::Role",
            role,
            sources,
            {"Policies": "Policies", "PermissionsBoundary": "PermissionsBoundary"},
        )
        out["Role"] = {"Fn::GetAtt": [f"{entry.logical_id}Role", "Arn"]}
    sam.emit(entry, entry.logical_id, "AWS::Lambda::Function", out, sources, mapping)
    if isinstance(props.get("FunctionUrlConfig"), dict):
        url = {"TargetFunctionArn": {"Ref": entry.logical_id}, **copy.deepcopy(props["FunctionUrlConfig"])}
        sam.emit(entry, f"{entry.logical_id}Url", "AWS::Lambda::Url", url, sources, {})
    _implicit_apis(sam, entry, props)


def _implicit_apis(sam: SamExpander, entry: Entry, props: dict[str, Any]) -> None:
    """The APIs SAM creates for a function's or state machine's events that name none."""
    condition = entry.body.get("Condition")
    for event in as_mapping(props.get("Events")).values():
        kind = event.get("Type") if isinstance(event, dict) else None
        details = event.get("Properties") if isinstance(event, dict) else None
        explicit = isinstance(details, dict) and ("RestApiId" in details or "ApiId" in details)
        api = {"Api": "ServerlessRestApi", "HttpApi": "ServerlessHttpApi"}.get(str(kind))
        if api is None or explicit:
            continue
        if api not in sam.implicit_conditions:
            _implicit_api(sam, entry, api, str(kind))
        sam.implicit_conditions.setdefault(api, []).append(condition if isinstance(condition, str) else None)


def _implicit_api(sam: SamExpander, function: Entry, logical_id: str, kind: str) -> None:
    before = len(sam.out)
    fake = Entry(logical_id, {"Type": f"AWS::Serverless::{kind}", "Properties": {}}, function.origin)
    (_api if kind == "Api" else _http_api)(sam, fake)
    for entry in sam.out[before:]:
        sam.implicit[entry.logical_id] = entry
    del sam.out[before:]


def _api(sam: SamExpander, entry: Entry) -> None:
    props, sources = sam.properties(entry, "Api")
    api, mapping = sam.copy(
        props,
        (
            "Name",
            "Description",
            "BinaryMediaTypes",
            "MinimumCompressionSize",
            "Mode",
            "DisableExecuteApiEndpoint",
        ),
        {"DefinitionBody": "Body"},
    )
    endpoint = props.get("EndpointConfiguration")
    if isinstance(endpoint, str):
        api["EndpointConfiguration"] = {"Types": [endpoint]}
    elif isinstance(endpoint, dict):
        api["EndpointConfiguration"] = {
            "Types": [endpoint.get("Type")],
            **{k: v for k, v in endpoint.items() if k != "Type"},
        }
    sam.emit(entry, entry.logical_id, "AWS::ApiGateway::RestApi", api, sources, mapping)
    deployment = f"{entry.logical_id}Deployment"
    body: dict[str, Any] = {"RestApiId": {"Ref": entry.logical_id}}
    if not props.get("OpenApiVersion"):
        # SAM's deployment also makes a stage named "Stage", without logs, unless OpenApiVersion is set.
        body["StageName"] = "Stage"
    sam.emit(entry, deployment, "AWS::ApiGateway::Deployment", body, sources, {})
    stage_name = props.get("StageName", "Prod")
    stage, mapping = sam.copy(
        props,
        (
            "StageName",
            "AccessLogSetting",
            "MethodSettings",
            "TracingEnabled",
            "CacheClusterEnabled",
            "CacheClusterSize",
            "CanarySetting",
        ),
        {"Variables": "Variables"},
    )
    stage.update(
        {"StageName": stage_name, "RestApiId": {"Ref": entry.logical_id}, "DeploymentId": {"Ref": deployment}}
    )
    stage["Tags"] = _tags_list(props.get("Tags"), None)
    sam.emit(
        entry, _stage_id(entry.logical_id, stage_name), "AWS::ApiGateway::Stage", stage, sources, mapping
    )
    _domain_name(sam, entry, props, sources, "AWS::ApiGateway::DomainName")


def _domain_name(
    sam: SamExpander, entry: Entry, props: dict[str, Any], sources: dict[str, Path], kind: str
) -> None:
    """An API's custom domain (``Domain``) as SAM creates it: with its TLS ``SecurityPolicy``, under the id
    SAM derives from the domain name. SAM refuses a Domain without DomainName or CertificateArn."""
    domain = props.get("Domain")
    if (
        not isinstance(domain, dict)
        or _intrinsic(domain)
        or not {"DomainName", "CertificateArn"} <= set(domain)
    ):
        return
    given = {key: copy.deepcopy(value) for key, value in domain.items()}
    endpoint = given.get("EndpointConfiguration") or "REGIONAL"
    body: dict[str, Any] = {"DomainName": given["DomainName"]}
    where = {key: (*sources["Domain"], key) for key in domain}
    optional = [key for key in ("SecurityPolicy", "OwnershipVerificationCertificateArn") if given.get(key)]
    if kind == "AWS::ApiGateway::DomainName":
        certificate = "RegionalCertificateArn" if endpoint == "REGIONAL" else "CertificateArn"
        body.update({certificate: given["CertificateArn"], "EndpointConfiguration": {"Types": [endpoint]}})
        body.update({key: given[key] for key in optional})
        mapping = {
            "DomainName": "DomainName",
            "CertificateArn": certificate,
            **{key: key for key in optional},
        }
        prefix = "ApiGatewayDomainName"
    else:
        config = {"CertificateArn": given["CertificateArn"], "EndpointType": endpoint}
        body["DomainNameConfigurations"] = [{**config, **{key: given[key] for key in optional}}]
        mapping = {"DomainName": "DomainName", "CertificateArn": "DomainNameConfigurations"}
        mapping.update({key: "DomainNameConfigurations" for key in optional})
        prefix = "ApiGatewayDomainNameV2"
    if isinstance(given.get("MutualTlsAuthentication"), dict):
        body["MutualTlsAuthentication"] = given["MutualTlsAuthentication"]
        mapping["MutualTlsAuthentication"] = "MutualTlsAuthentication"
    sam.emit(entry, prefix + _hash(given["DomainName"]), kind, body, where, mapping)


def _hash(data: Any) -> str:
    """SAM's LogicalIdGenerator suffix: the first 10 hex digits of the SHA-1 of the data (a string as it
    is, anything else as compact sorted JSON); none for empty data."""
    if not data:
        return ""
    text = (
        data
        if isinstance(data, str)
        else json.dumps(data, separators=(",", ":"), sort_keys=True, default=str)
    )
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


def _stage_id(api: str, stage_name: Any, default: str | None = None) -> str:
    """SAM's id for an API's stage: the name in it when alphanumeric, else a hash of the name (of nothing
    for an intrinsic function); an HttpApi's ``$default`` stage has an id of its own."""
    name = stage_name if isinstance(stage_name, str) else ""
    if name.isalnum():
        return f"{api}{name}Stage"
    if default is not None and name == "$default":
        return default
    return f"{api}Stage{_hash(name)}"


def _http_api(sam: SamExpander, entry: Entry) -> None:
    props, sources = sam.properties(entry, "HttpApi")
    api, mapping = sam.copy(
        props,
        ("Name", "Description", "DisableExecuteApiEndpoint", "CorsConfiguration", "Tags"),
        {"DefinitionBody": "Body"},
    )
    api.setdefault("Tags", {}).setdefault("httpapi:createdBy", "SAM")
    sam.emit(entry, entry.logical_id, "AWS::ApiGatewayV2::Api", api, sources, mapping)
    stage_name = props.get("StageName")
    stage, mapping = sam.copy(
        props, ("AccessLogSettings", "DefaultRouteSettings", "RouteSettings", "StageVariables")
    )
    stage.update(
        {"ApiId": {"Ref": entry.logical_id}, "StageName": stage_name or "$default", "AutoDeploy": True}
    )
    default = f"{entry.logical_id}ApiGatewayDefaultStage"
    name = _stage_id(entry.logical_id, stage_name, default) if stage_name is not None else default
    sam.emit(entry, name, "AWS::ApiGatewayV2::Stage", stage, sources, mapping)
    _domain_name(sam, entry, props, sources, "AWS::ApiGatewayV2::DomainName")


def _simple_table(sam: SamExpander, entry: Entry) -> None:
    props, sources = sam.properties(entry, "SimpleTable")
    table, mapping = sam.copy(
        props, ("TableName", "SSESpecification", "PointInTimeRecoverySpecification", "ProvisionedThroughput")
    )
    key = as_mapping(props.get("PrimaryKey")) or {"Name": "id", "Type": "String"}
    kind = {"String": "S", "Number": "N", "Binary": "B"}.get(str(key.get("Type")), key.get("Type"))
    table["AttributeDefinitions"] = [{"AttributeName": key.get("Name"), "AttributeType": kind}]
    table["KeySchema"] = [{"AttributeName": key.get("Name"), "KeyType": "HASH"}]
    if "ProvisionedThroughput" not in props:
        table["BillingMode"] = "PAY_PER_REQUEST"
    table["Tags"] = _tags_list(props.get("Tags"), None)
    mapping.update({"PrimaryKey": "KeySchema", "Tags": "Tags"})
    sam.emit(entry, entry.logical_id, "AWS::DynamoDB::Table", table, sources, mapping)


def _state_machine(sam: SamExpander, entry: Entry) -> None:
    props, sources = sam.properties(entry, "StateMachine")
    machine, mapping = sam.copy(props, ("Definition", "DefinitionSubstitutions"), {
        "DefinitionUri": "DefinitionS3Location", "Logging": "LoggingConfiguration",
        "Tracing": "TracingConfiguration",
        "Name": "StateMachineName", "Type": "StateMachineType", "Role": "RoleArn"})  # fmt: skip
    machine["Tags"] = _tags_list(props.get("Tags"), "stateMachine:createdBy")
    if "Role" not in props:
        role = sam.role(entry, props, _STATES_TRUST, [], "stateMachine:createdBy")
        sam.emit(entry, f"{entry.logical_id}Role", "AWS::IAM::Role", role, sources, {"Policies": "Policies"})
        machine["RoleArn"] = {"Fn::GetAtt": [f"{entry.logical_id}Role", "Arn"]}
    sam.emit(entry, entry.logical_id, "AWS::StepFunctions::StateMachine", machine, sources, mapping)
    _implicit_apis(sam, entry, props)


def _layer(sam: SamExpander, entry: Entry) -> None:
    props, sources = sam.properties(entry, "LayerVersion")
    layer, mapping = sam.copy(
        props,
        ("LayerName", "CompatibleRuntimes", "CompatibleArchitectures", "Description", "LicenseInfo"),
        {"ContentUri": "Content"},
    )
    sam.emit(entry, entry.logical_id, "AWS::Lambda::LayerVersion", layer, sources, mapping)


def _application(sam: SamExpander, entry: Entry) -> None:
    props, sources = sam.properties(entry, "Application")
    stack, mapping = sam.copy(
        props, ("Parameters", "NotificationARNs", "TimeoutInMinutes"), {"Location": "TemplateURL"}
    )
    if isinstance(stack.get("TemplateURL"), dict) and "ApplicationId" in stack["TemplateURL"]:
        stack["TemplateURL"] = Unknown("application from the Serverless Application Repository")
    stack["Tags"] = _tags_list(props.get("Tags"), "serverlessrepo:createdBy")
    sam.emit(entry, entry.logical_id, "AWS::CloudFormation::Stack", stack, sources, mapping)


def _graphql_api(sam: SamExpander, entry: Entry) -> None:
    """The GraphQL API and what rules judge of it: its logging (on at FieldLogLevel ALL, with a role SAM
    makes, unless ``Logging: false``) and its cache. Schema, data sources and resolvers are not made."""
    props, sources = sam.properties(entry, "GraphQLApi")
    api, mapping = sam.copy(props, ("Name", "XrayEnabled"))
    api.setdefault("Name", entry.logical_id)
    auth = props.get("Auth")
    if isinstance(auth, dict) and "Type" in auth:
        api["AuthenticationType"] = copy.deepcopy(auth["Type"])
        mapping["Auth"] = "AuthenticationType"
    if "Tags" in props:
        api["Tags"] = _tags_list(props["Tags"], None)
        mapping["Tags"] = "Tags"
    logging = props.get("Logging")
    if isinstance(logging, dict) and _intrinsic(logging):
        api["LogConfig"] = Unknown(
            "SAM Logging written as an intrinsic function, which SAM does not evaluate"
        )
        mapping["Logging"] = "LogConfig"
    elif logging is not False:
        given = logging if isinstance(logging, dict) and not _intrinsic(logging) else {}
        config: dict[str, Any] = {"FieldLogLevel": copy.deepcopy(given.get("FieldLogLevel")) or "ALL"}
        if given.get("ExcludeVerboseContent"):
            config["ExcludeVerboseContent"] = copy.deepcopy(given["ExcludeVerboseContent"])
        role_arn = given.get("CloudWatchLogsRoleArn")
        if not role_arn:
            role = f"{entry.logical_id}CloudWatchRole"
            body = {"AssumeRolePolicyDocument": _APPSYNC_TRUST, "ManagedPolicyArns": [_APPSYNC_LOGS]}
            sam.emit(entry, role, "AWS::IAM::Role", body, sources, {})
            role_arn = {"Fn::GetAtt": [role, "Arn"]}
        config["CloudWatchLogsRoleArn"] = copy.deepcopy(role_arn)
        api["LogConfig"] = config
        mapping["Logging"] = "LogConfig"
    sam.emit(entry, entry.logical_id, "AWS::AppSync::GraphQLApi", api, sources, mapping)
    if isinstance(props.get("Cache"), dict):
        names = ("ApiCachingBehavior", "Type", "Ttl", "AtRestEncryptionEnabled", "TransitEncryptionEnabled")
        cache = {key: copy.deepcopy(props["Cache"][key]) for key in names if key in props["Cache"]}
        cache["ApiId"] = {"Fn::GetAtt": [entry.logical_id, "ApiId"]}
        where = {key: (*sources["Cache"], key) for key in names}
        sam.emit(entry, f"{entry.logical_id}ApiCache", "AWS::AppSync::ApiCache", cache, where,
                 {key: key for key in names})  # fmt: skip


_EXPANDERS: dict[str, Callable[[SamExpander, Entry], None]] = {
    "AWS::Serverless::GraphQLApi": _graphql_api,
    "AWS::Serverless::Function": _function,
    "AWS::Serverless::Api": _api,
    "AWS::Serverless::HttpApi": _http_api,
    "AWS::Serverless::SimpleTable": _simple_table,
    "AWS::Serverless::StateMachine": _state_machine,
    "AWS::Serverless::LayerVersion": _layer,
    "AWS::Serverless::Application": _application,
}


def is_sam(template: dict[str, Any], entries: list[Entry]) -> bool:
    transform = template.get("Transform")
    names = transform if isinstance(transform, list) else [transform]
    if "AWS::Serverless-2016-10-31" in names:
        return True
    return any(
        isinstance(e.body, dict) and str(e.body.get("Type", "")).startswith("AWS::Serverless::")
        for e in entries
    )
