"""Guards sentence and quotation spans: abbreviations, initials, curly/straight quotes, split and
multi-sentence quotations, quotations left open across paragraphs, and spans always inside the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.sentences import find_quotes, paragraph_spans, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


SPLITS = [
    ("plain", "The camp is full. Aid is late.", ["The camp is full.", "Aid is late."]),
    ("gen", "Gen. Tariq Mehsud visited. He left.", ["Gen. Tariq Mehsud visited.", "He left."]),
    (
        "lt_col",
        "Lt. Col. Amir Sadiq spoke. Others did not.",
        ["Lt. Col. Amir Sadiq spoke.", "Others did not."],
    ),
    (
        "dr_mr",
        "Dr. Nasrin Kohistani met Mr. Farid Almasi. They talked.",
        ["Dr. Nasrin Kohistani met Mr. Farid Almasi.", "They talked."],
    ),
    (
        "us",
        "The U.S. Embassy said it was watching. Nothing changed.",
        ["The U.S. Embassy said it was watching.", "Nothing changed."],
    ),
    (
        "initial",
        "A letter from J. R. Durrani arrived. It was short.",
        ["A letter from J. R. Durrani arrived.", "It was short."],
    ),
    ("question", "Who will pay? Nobody knows.", ["Who will pay?", "Nobody knows."]),
    (
        "pm_before_quote",
        "He heard it at 2 p.m. “It shook,” he said.",
        ["He heard it at 2 p.m.", "“It shook,” he said."],
    ),
    (
        "quote_multi",
        "“We are tired. We want to go home,” said Halima Noor. She wept.",
        ["“We are tired. We want to go home,” said Halima Noor.", "She wept."],
    ),
    (
        "quote_split",
        "“Leave now,” Farid Almasi said. “Nobody will stay.”",
        ["“Leave now,” Farid Almasi said.", "“Nobody will stay.”"],
    ),
    (
        "straight",
        '"We are ready. Truly," he said. Then he left.',
        ['"We are ready. Truly," he said.', "Then he left."],
    ),
    (
        "fragment_end",
        "The ministry called it “baseless.” Talks resumed.",
        ["The ministry called it “baseless.”", "Talks resumed."],
    ),
    ("paragraphs", "First line here\n\nSecond line here.", ["First line here", "Second line here."]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS])
def test_sentence_splits(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


QUOTES = [
    ("curly", "He said “go home” twice.", ["go home"], [True]),
    ("straight", 'He said "go home" twice.', ["go home"], [True]),
    ("two", "“One,” she said, “two.”", ["One,", "two."], [True, True]),
    (
        "open_paragraph",
        "“We walked for days.\n\n“Then we rested,” he said.",
        ["We walked for days.", "Then we rested,"],
        [False, True],
    ),
    ("apostrophe_ignored", "Pakistan’s envoy met Iran’s envoy.", [], []),
]


@pytest.mark.parametrize(("text", "inner", "closed"), [c[1:] for c in QUOTES], ids=[c[0] for c in QUOTES])
def test_quotes(text: str, inner: list[str], closed: list[bool]) -> None:
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == inner
    assert [q.closed for q in quotes] == closed


def test_paragraph_spans_skip_blank_lines() -> None:
    text = "One.\n\nTwo.\n\n\nThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two.", "Three."]


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n“”\"'’ABC,")), max_size=200))
def test_spans_are_ordered_and_inside(text: str) -> None:
    spans = sentence_spans(text)
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        prev_end = e
    for q in find_quotes(text):
        assert 0 <= q.start < q.inner_start <= q.inner_end <= q.end <= len(text)


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    sentence_spans(text)
    find_quotes(text)
