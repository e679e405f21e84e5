"""The query table through the search core, the command line and the window."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTextBrowser
from search_table import QUERIES

from viewer.bundle import load_bundle
from viewer.cli import main
from viewer.content.search import SearchIndex

ATLAS = load_bundle().atlas
INDEX = SearchIndex(ATLAS)


def test_the_table_is_big_enough_and_uses_real_ids() -> None:
    assert len(QUERIES) >= 30
    for _query, region, condition in QUERIES:
        assert region in ATLAS.regions
        assert not condition or condition in ATLAS.conditions


@pytest.mark.parametrize(("query", "region", "condition"), QUERIES)
def test_core_ranks_the_expected_result_first(query: str, region: str, condition: str) -> None:
    top = INDEX.search(query)[0]
    assert (top.region, top.condition) == (region, condition)


@pytest.mark.parametrize(("query", "region", "condition"), QUERIES)
def test_cli_ranks_the_expected_result_first(  # type: ignore[no-untyped-def]
    capsys, query: str, region: str, condition: str
) -> None:
    assert main(["search", query, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["region"] == region
    assert (rows[0]["condition"] or "") == condition
    assert rows[0]["score"] >= rows[-1]["score"]


def test_cli_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "search", "jones", "fracture"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[:2]
    assert first[0].startswith(" 1. Proximal fifth metatarsal fracture"), done.stdout
    assert "[jones_fracture]" in first[0]
    assert first[1].startswith("    at: Base of the fifth metatarsal"), done.stdout


def test_cli_no_match_and_bad_limit(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["search", "zzzzqqq"]) == 0
    assert "no matches" in capsys.readouterr().out
    assert main(["search", "knee", "--limit", "0"]) == 2
    assert "--limit" in capsys.readouterr().err


@pytest.mark.parametrize(("query", "region", "condition"), QUERIES)
def test_window_opens_the_expected_result(  # type: ignore[no-untyped-def]
    qtbot, window, query: str, region: str, condition: str
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.search.field
    assert field.hasFocus()
    qtbot.keyClicks(field, query)
    first = window.search.results.item(0)
    assert first is not None
    assert first.data(Qt.ItemDataRole.UserRole) == (region, condition)

    def best_match_lit() -> bool:
        item = window.diagram.item(region)  # once typing pauses, a view showing it is up
        return item is not None and item.matched

    qtbot.waitUntil(best_match_lit, timeout=2000)

    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert window.selection.region == region
    assert window.details.region == region
    if condition:
        assert top_line(window.details).startswith(ATLAS.conditions[condition].name)


def top_line(details: QTextBrowser) -> str:
    """The text at the top of the details panel's visible area."""
    return details.cursorForPosition(QPoint(20, 12)).block().text()


@pytest.mark.parametrize("words", ["hip", "knee pain", "stress fracture", "heel"])
def test_a_word_begun_by_its_first_letter_keeps_the_results_of_the_words_before(
    words: str,
) -> None:
    """Typing "hip f" on the way to "hip fracture" must not flash "no match"."""
    before = INDEX.search(words)
    assert before
    for letter in "fqz":
        assert INDEX.search(f"{words} {letter}") == before
    assert INDEX.search("q") == [], "a letter alone matches only a word of one letter"
