"""The extraction task, in a module of its own.

A ``--runner processes`` worker imports the module that defines the task it runs; defined in
``flows.pipeline``, the task brought that module and its imports (fetching, feeds, artifacts)
into every worker, which needs none of them: ≈ 0.2 CPU-s per worker beyond what spawn's re-run
of the ``sitrep`` script (``flows.cli``) loads anyway.
"""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.extracted import Extracted
from transforms.ingest import ParsedArticle


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: list[ParsedArticle], origins: list[str], version: str) -> Extracted:
    from flows.extract import extract_batch

    return extract_batch(articles, origins, version)
