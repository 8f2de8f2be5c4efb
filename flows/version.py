"""The extractor version: a hash of the transforms package, cheap to import.

A no-op re-run needs it to decide that nothing must be re-extracted, so it lives apart from
`flows.extract`, whose imports (the extractors' compiled patterns, pandera) cost about 2 s.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any


def extractor_version() -> str:
    """A short hash of the transforms package (code and data): it changes when extraction can."""
    h = hashlib.sha256()
    root = resources.files("transforms")

    def walk(node: Any, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}/{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    walk(child, name)
            elif child.name.endswith((".py", ".csv", ".toml", ".txt", ".json")):
                h.update(name.encode())
                h.update(child.read_bytes())

    walk(root, "transforms")
    return h.hexdigest()[:12]
