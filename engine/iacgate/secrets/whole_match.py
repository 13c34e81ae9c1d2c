"""GitHub and npm tokens: detect-secrets' detectors with expressions that report the token itself.
The library does not know GitHub's fine-grained personal access tokens (``github_pat_``); ours does.

The library finds matches with ``re.findall``, which returns a pattern's group instead of the match when it
has one. Its GitHub pattern groups the prefix (``(ghp|gho|...)_...``), so every GitHub token was reported
as the value ``ghp``: one detection per file whatever the number of tokens, and a suppressed or example
token hid every other one in its file. Its npm pattern groups only its second branch, so an ``npm_`` token
was the empty string and never reported. The same expressions, without those groups.
"""

from __future__ import annotations

import re

from detect_secrets.plugins.github_token import GitHubTokenDetector as LibraryGitHub
from detect_secrets.plugins.npm import NpmDetector as LibraryNpm


class GitHubTokenDetector(LibraryGitHub):
    """Scans for GitHub tokens; the value is the whole token."""

    denylist = [
        re.compile(r"(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}"),
        # Fine-grained personal access tokens (2022): github_pat_, 22 characters, _, 59 characters.
        re.compile(r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"),
    ]


class NpmDetector(LibraryNpm):
    """Scans for npm tokens; the value is the token (``npm_...``, or the one after ``_authToken``)."""

    denylist = [
        re.compile(r"npm_[A-Za-z0-9-]{36}"),
        re.compile(r"(?:_authToken|NPM[ _-]?TOKEN)[\s\S]{0,5}?(?:NpmToken\.)?([a-z0-9-]{36})"),
    ]
