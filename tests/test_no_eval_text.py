"""Guards that no text of the evaluation articles is copied into the repository.

The eval excerpts in ``../shared/eval`` are third-party writing (the written set holds invented
quotes): code comments, test sentences, fixtures and docs use the seed article and sentences the
team writes. ``tools/eval_overlap.py`` finds any line sharing ten words in a row with an eval
article; the check runs when ``../shared`` is next to the repository.
"""

from __future__ import annotations

import pytest

from tools.eval_overlap import DEFAULT_SETS, ROOT, overlaps, runs

SETS = [p for p in DEFAULT_SETS if (p / "articles.jsonl").is_file()]


@pytest.mark.skipif(not SETS, reason="../shared/eval is not next to the repository")
def test_no_eval_article_text_in_the_repository() -> None:
    hits = overlaps(ROOT, SETS)
    assert hits == [], "eval text copied into the repository:\n" + "\n".join(
        f"{p}:{n}: {t}" for p, n, t in hits
    )


def test_a_copied_line_is_found(tmp_path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        '{"text": "The convoy of the fictional Harbor Guard was stopped near the bridge at dawn, officials said."}\n',
        encoding="utf-8",
    )
    root = tmp_path / "repo"
    (root / "tests").mkdir(parents=True)
    (root / "tests" / "test_x.py").write_text(
        'OK = "the convoy left"\nBAD = "the fictional Harbor Guard was stopped near the bridge at dawn, officials"\n',
        encoding="utf-8",
    )
    assert overlaps(root, [articles]) == [
        ("tests/test_x.py", 2, "fictional harbor guard was stopped near the bridge at dawn")
    ]


def test_runs_ignore_case_and_trailing_punctuation() -> None:
    assert runs("Said, the Minister. Then", 2) == {"said the", "the minister", "minister then"}
