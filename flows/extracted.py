"""What an extraction batch hands back to the flow, apart from the extractors.

With ``--runner processes`` the flow's process unpickles each batch's result; were the class in
``flows.extract``, that would import every extractor there (≈ 1.4 CPU-s and their patterns' memory)
only to name the type of the result.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.records import Reject


@dataclass(frozen=True)
class Extracted:
    frames: dict[str, pl.DataFrame]
    rejects: list[Reject]
