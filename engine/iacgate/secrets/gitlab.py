"""GitLab tokens, a detector written the detect-secrets way (a ``RegexBasedDetector`` with a denylist):
bc-detect-secrets has no GitLab plugin.

GitLab prefixes the tokens it issues so that they can be found (GitLab's "Token prefixes" table): personal,
project and group access tokens ``glpat-``, OAuth application secrets ``gloas-``, deploy tokens ``gldt-``,
runner authentication tokens ``glrt-``, CI/CD job tokens ``glcbt-``, pipeline trigger tokens ``glptt-``,
feed tokens ``glft-``, incoming mail tokens ``glimt-``, agent for Kubernetes tokens ``glagent-``, SCIM
tokens ``glsoat-``, feature flags client tokens ``glffct-`` and legacy runner registration tokens
``GR1348941``. The random part is at least 20 URL-safe characters, with upper and lower case letters
(a word such as ``glrt-docs-page-about-tokens`` is not reported); routable tokens add
``.<version>.<crc>``.
"""

from __future__ import annotations

import re

from detect_secrets.plugins.base import RegexBasedDetector

from iacgate.secrets.detect import GITLAB_PREFIXES as PREFIXES

_PATTERN = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(prefix) for prefix in PREFIXES) + r")"
    # Random: upper and lower case letters both (a path such as glrt-docs-page-about-tokens is not a token).
    r"(?=[0-9A-Za-z_-]*[A-Z])(?=[0-9A-Za-z_-]*[a-z])[0-9A-Za-z_-]{20,}"
    r"(?:\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{7,9})?(?![\w-])"
)


class GitLabTokenDetector(RegexBasedDetector):
    """Scans for GitLab tokens by their documented prefixes."""

    secret_type = "GitLab Token"
    denylist = [_PATTERN]
