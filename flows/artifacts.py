"""Run summaries as Prefect artifacts: a markdown report and a table of counts."""

from __future__ import annotations

from typing import Any

from prefect.artifacts import create_markdown_artifact, create_table_artifact


def summary_markdown(summary: dict[str, Any], top_incidents: list[dict[str, Any]]) -> str:
    """The markdown shown in the Prefect UI for one run."""
    rows = summary.get("rows", {})
    lines = [
        f"# sitrep run `{summary['run_id'][:12]}`",
        "",
        "| stage | count |",
        "|---|---:|",
        f"| records read | {summary['records_read']} |",
        f"| articles new | {summary['articles_new']} |",
        f"| articles updated | {summary['articles_updated']} |",
        f"| articles unchanged (skipped) | {summary['articles_unchanged']} |",
        f"| statements loaded | {rows.get('statements', 0)} |",
        f"| incidents loaded | {rows.get('incidents', 0)} |",
        f"| refugee counts loaded | {rows.get('refugee_counts', 0)} |",
        f"| rejects | {summary['rejects']} |",
        "",
    ]
    reasons = summary.get("reject_reasons") or {}
    if reasons:
        lines += ["## Rejects by reason", "", "| reason | count |", "|---|---:|"]
        lines += [f"| {r} | {n} |" for r, n in sorted(reasons.items(), key=lambda kv: -kv[1])]
        lines.append("")
    if top_incidents:
        lines += ["## New incidents, largest tolls first", "",
                  "| date | type | place | country | perpetrator | killed | wounded |", "|---|---|---|---|---|---:|---:|"]  # fmt: skip
        for i in top_incidents:
            lines.append(
                f"| {i['occurred_on'] or ''} | {i['event_type']} | {i['location'] or ''} | {i['country_iso3'] or ''} "
                f"| {i['perpetrator'] or ''} | {'' if i['killed'] is None else i['killed']} "
                f"| {'' if i['wounded'] is None else i['wounded']} |"
            )
    return "\n".join(lines) + "\n"


def publish_artifacts(summary: dict[str, Any], top_incidents: list[dict[str, Any]]) -> None:
    """Attach the run summary to the current flow run (markdown and table artifacts)."""
    create_markdown_artifact(
        key="sitrep-run-summary",
        markdown=summary_markdown(summary, top_incidents),
        description="What this sitrep run read, loaded and rejected",
    )
    rows = summary.get("rows", {})
    table = [
        {"stage": "records_read", "count": summary["records_read"]},
        {"stage": "articles_new", "count": summary["articles_new"]},
        {"stage": "articles_updated", "count": summary["articles_updated"]},
        {"stage": "articles_unchanged", "count": summary["articles_unchanged"]},
        *({"stage": t, "count": rows.get(t, 0)} for t in ("statements", "incidents", "refugee_counts")),
        {"stage": "rejects", "count": summary["rejects"]},
    ]
    create_table_artifact(key="sitrep-run-counts", table=table, description="Counts per stage of this run")
