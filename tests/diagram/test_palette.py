"""Resting art never uses an interface-state colour (hover, selected, match, high risk)."""

from __future__ import annotations

import pytest

from viewer.diagram.palette import INTERFACE, MIN_DISTANCE, clashes, distance, hex_colours
from viewer.diagram.svg_labels import split_drawing
from viewer.diagram.views import find_views
from viewer.paths import builtin_assets_dir

VIEWS = find_views(sorted(builtin_assets_dir().glob("*.svg")))


@pytest.mark.parametrize("view", list(VIEWS))
def test_art_colours_stand_apart_from_interface_states(view: str) -> None:
    art = split_drawing(VIEWS[view].read_bytes()).art
    assert clashes(hex_colours(art)) == []


def test_the_interface_states_stand_apart_from_each_other() -> None:
    states = [c for name, c in INTERFACE.items() if name != "selected_line"]
    for i, a in enumerate(states):
        for b in states[i + 1 :]:
            assert distance(a, b) >= MIN_DISTANCE, (a, b)


def test_colours_are_read_in_every_notation() -> None:
    svg = (
        b'<g fill="#ABC" stroke="rgb(31, 111, 208)" style="stop-color:#1f6fd0">'
        b'<p fill="orange"/></g>'
    )
    assert hex_colours(svg) == {"#aabbcc", "#1f6fd0", "#ffa500"}
    assert clashes(["#1f6fd0"])[0][1] == "selected"
    assert clashes(["#f3d8c4"]) == []
