"""Find text of the evaluation articles that made its way into the repository.

usage: python tools/eval_overlap.py [--words N] [ARTICLES_JSONL_OR_DIR ...]

The eval excerpts are third-party writing (and the written dev set holds invented quotes); they
stay in ``../shared`` and nothing of them may be copied into code comments, tests, fixtures or
docs. This tool prints every line of the repository's own files that shares a run of N words
(default 10) with an article of the given sets (default: ``../shared/eval/dev`` and
``../shared/eval/dev-real``), one ``path:line: words`` per hit, and exits 1 when there is one.
Word runs that also occur in the seed article (which the project may quote) do not count, nor do
the vocabulary files under ``transforms/data/`` (official names of bodies are data, not prose).
``tests/test_no_eval_text.py`` runs it over the default sets.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = (SHARED / "eval" / "dev", SHARED / "eval" / "dev-real")
SEED_DIR = SHARED / "seed"
SCANNED = ("transforms", "flows", "warehouse", "schemas", "tests", "tools", "bench", "docs", "examples")
TOP_FILES = ("README.md", "BENCHMARKS.md", "TESTING.md")
SUFFIXES = frozenset({".py", ".toml", ".csv", ".txt", ".md", ".json", ".jsonl", ".xml", ".html", ".yaml"})
SKIPPED_PARTS = frozenset({"__pycache__", "corpus", "results"})
_WORD = re.compile(r"[^\W_][\w'’.,-]*")


def words(text: str) -> list[str]:
    """The text's words, lower-cased, without the punctuation that trails them."""
    return [w.lower().strip(".,") for w in _WORD.findall(text)]


def runs(text: str, n: int) -> set[str]:
    """Every run of ``n`` consecutive words of ``text``."""
    w = words(text)
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def article_texts(source: Path) -> Iterator[str]:
    """The texts of a set folder's ``articles.jsonl`` (or of that file itself)."""
    path = source / "articles.jsonl" if source.is_dir() else source
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line).get("text") or ""


def repo_files(root: Path) -> Iterator[Path]:
    """The repository's own text files that are scanned."""
    for name in TOP_FILES:
        if (root / name).is_file():
            yield root / name
    for sub in SCANNED:
        for path in sorted((root / sub).rglob("*")):
            rel = path.relative_to(root)
            if path.suffix not in SUFFIXES or SKIPPED_PARTS & set(rel.parts) or not path.is_file():
                continue
            if rel.parts[:2] == ("transforms", "data"):
                continue
            yield path


def overlaps(root: Path, sources: Iterable[Path], n: int = 10) -> list[tuple[str, int, str]]:
    """(path, line, words) for every line of the repo sharing ``n`` words in a row with an article."""
    banned: set[str] = set()
    for source in sources:
        for text in article_texts(source):
            banned |= runs(text, n)
    if SEED_DIR.is_dir():
        for seed in SEED_DIR.glob("*.txt"):
            banned -= runs(seed.read_text(encoding="utf-8"), n)
    hits = []
    for path in repo_files(root):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(lines, 1):
            found = runs(line, n) & banned
            if found:
                hits.append((str(path.relative_to(root)), number, min(found)))
    return hits


def main(argv: list[str]) -> int:
    n = 10
    if "--words" in argv:
        i = argv.index("--words")
        n = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    sources = [Path(a) for a in argv] or [p for p in DEFAULT_SETS if p.is_dir()]
    if not sources:
        print("no eval sets found (../shared/eval is not next to the repository)", file=sys.stderr)
        return 2
    hits = overlaps(ROOT, sources, n)
    for path, line, text in hits:
        print(f"{path}:{line}: {text}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
