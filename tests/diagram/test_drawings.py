"""Drawings: shapes found by id with their lines, outlines that follow transforms,
and unusable shapes reported rather than silently dropped."""

from __future__ import annotations

from pathlib import Path

from helpers import SVG, make_content

from viewer.bundle import load_bundle
from viewer.diagram.geometry import load_drawing
from viewer.diagram.svg_index import index_svg


def test_index_names_each_shape_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "v.svg"
    path.write_text(SVG)
    index = index_svg(path, "v.svg")
    assert index.problems == []
    assert {k: (v.line, v.col) for k, v in index.shapes.items()} == {
        "alpha": (3, 5),
        "beta": (4, 5),
    }


def test_outlines_follow_shapes_and_transforms(tmp_path: Path) -> None:
    path = tmp_path / "v.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">'
        '<g id="regions" transform="translate(10 20)">'
        '<ellipse id="e" cx="10" cy="10" rx="5" ry="3"/></g></svg>'
    )
    drawing, _rejected = load_drawing(path, ["e"])
    xs = [v for _, values in drawing.outlines["e"].commands for v in values[0::2]]
    ys = [v for _, values in drawing.outlines["e"].commands for v in values[1::2]]
    assert (round(min(xs)), round(max(xs))) == (15, 25)
    assert (round(min(ys)), round(max(ys))) == (27, 33)


def test_unusable_shapes_are_reported_by_the_check(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "assets/test_view.svg").write_text(
        SVG.replace(
            '<ellipse id="beta" cx="70" cy="70" rx="20" ry="10" fill="#ddd"/>',
            '<path id="beta" d="M 10 10 L abc"/>',
        )  # fmt: skip
    )
    messages = [str(p) for p in load_bundle(root, with_outlines=True).problems]
    assert messages == ["assets/test_view.svg:4:5: shape 'beta' has no outline that can be drawn"]


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.svg"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg"><g id="regions"><rect id="x" width="1" '
        'height="1"/></g></svg>'
    )
    index = index_svg(path, "v.svg")
    assert index.shapes == {}
    assert [p.message for p in index.problems] == ["entity declarations are not allowed"]
