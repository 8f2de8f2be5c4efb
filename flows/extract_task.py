"""The extraction task, in a module of its own.

With ``--runner processes`` the task run itself stays in the flow's process (a thread of
``flows.process_runner``) and hands its batch to a process pool whose workers import only
``flows.extract``; keeping the task out of ``flows.pipeline`` keeps that module's imports (fetching,
feeds, artifacts) out of anything that imports the task alone.
"""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.extracted import Extracted
from transforms.ingest import ParsedArticle


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: list[ParsedArticle], origins: list[str], version: str) -> Extracted:
    from flows.extract import extract_batch
    from flows.runners import extraction_pool

    pool = extraction_pool()  # set when the processes runner runs this task run (flows.runners)
    if pool is not None:
        return pool.submit(extract_batch, articles, origins, version).result()
    return extract_batch(articles, origins, version)
