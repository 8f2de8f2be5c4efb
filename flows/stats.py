"""What a run did, stage by stage: the ``runs`` row and the CLI summary.

Apart from ``flows.pipeline`` so that a run with nothing to do (``flows.noop``) can report in
the same shape without importing Prefect.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from transforms.records import Reject


@dataclass
class RunStats:
    """What a run did, stage by stage; ends in the ``runs`` table and the CLI summary."""

    run_id: str
    records_read: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    rejects: list[Reject] = field(default_factory=list)
    published: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    skipped_unparsed: int = 0  # records skipped by their digest, before parsing (part of articles_unchanged)
    files_skipped: int = 0  # local files not even read: unchanged since all their records were loaded
    fetch: Counter[str] = field(default_factory=Counter)  # requests, not_modified, failed

    def reject_reasons(self) -> Counter[str]:
        """Rejects grouped by the reason's leading words ("invalid JSON", "not UTF-8"...)."""
        return Counter(re.split(r"[:(]", r.reason, maxsplit=1)[0].strip() for r in self.rejects)

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "records_read": self.records_read,
            "articles_new": self.articles_new,
            "articles_updated": self.articles_updated,
            "articles_unchanged": self.articles_unchanged,
            "skipped_unparsed": self.skipped_unparsed,
            "files_skipped": self.files_skipped,
            "rows": dict(self.rows),
            "rejects": len(self.rejects),
            "reject_reasons": dict(self.reject_reasons()),
            "published": self.published,
            "fetch": dict(self.fetch),
            "fetch_failures": [r.message() for r in self.rejects if r.stage == "fetch"],  # one line per URL
        }
