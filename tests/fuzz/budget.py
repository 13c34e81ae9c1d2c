"""How many examples each fuzz property runs: a fixed few in ``make test``, a campaign in ``make fuzz``.

``make test`` runs every property on a few derandomized examples (the same ones on every machine, a few
seconds in all). ``IACGATE_FUZZ_EXAMPLES=N`` (what ``make fuzz`` sets) turns the run into a campaign:
random examples, N per parser property, fewer for the slower whole-scan and command-line properties, and
the shared corpus added to the seeds when it is present. Hypothesis keeps no example database either way,
so a test run never writes into the tree; a failure prints the example and a reproduction blob.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_CAMPAIGN = os.environ.get("IACGATE_FUZZ_EXAMPLES", "").strip()
CAMPAIGN = _CAMPAIGN.isdigit() and int(_CAMPAIGN) > 0
EXAMPLES = int(_CAMPAIGN) if CAMPAIGN else 0


def budget(small: int, share: int = 1) -> settings:
    """``small`` examples in make test; in a campaign, its example count divided by ``share``."""
    return settings(
        max_examples=max(1, EXAMPLES // share) if CAMPAIGN else small,
        derandomize=not CAMPAIGN,
        database=None,
        deadline=timedelta(seconds=60) if CAMPAIGN else None,
        print_blob=True,
        suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much),
    )
