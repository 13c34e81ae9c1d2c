"""Secrets written in the scanned text itself (#17 §1): known credential formats and high-entropy values
under secret-like keys, found in the parse stage over text already in memory (``detect``), each one a
``iacgate_secret`` graph node that the secrets-and-state pack judges (``nodes``)."""

from iacgate.secrets.detect import Detection, detect
from iacgate.secrets.nodes import NODE_TYPE, nodes, secret_graphs

__all__ = ["NODE_TYPE", "Detection", "detect", "nodes", "secret_graphs"]
