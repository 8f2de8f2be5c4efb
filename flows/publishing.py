"""When a run publishes: at its end, and between batches so that readers see fresh data.

While a run holds the warehouse, `sitrep query` and `sitrep report` read the last published
snapshot. A long run therefore republishes between batches: right after its first batch when
nothing is published yet, then every ``every`` seconds, but never spending more than ``share``
of its time on publishing (a publish rewrites every table, so its cost grows with the
warehouse: the next one waits at least ``(1 - share) / share`` times as long as the last took).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class PublishClock:
    """Decides, between batches, whether to publish now."""

    every: float | None  # seconds between mid-run publishes; None: publish only at the end
    share: float = 0.1  # at most this share of a run's wall time goes to mid-run publishing
    last_end: float = field(default_factory=time.monotonic)
    last_cost: float = 0.0

    def due(self, published: bool, now: float | None = None) -> bool:
        """``published``: a snapshot exists already (else the first batch publishes at once)."""
        if self.every is None:
            return False
        if not published:
            return True
        now = time.monotonic() if now is None else now
        wait = max(self.every, self.last_cost * (1 - self.share) / self.share)
        return now - self.last_end >= wait

    def record(self, started: float, ended: float) -> None:
        self.last_cost = ended - started
        self.last_end = ended
