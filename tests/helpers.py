"""Small builders for test content directories."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from conftest import REPO

SOURCES = """\
- id: src
  citation: A test source.
  kind: review
"""

CONDITION = """\
id: cond
name: Test condition
aliases: []
summary: A summary.
symptoms: [ache]
signs: [tenderness]
risk_factors: [running]
imaging:
  - modality: mri
    note: Shows oedema.
differentials: []
red_flags: [cannot bear weight]
management: [rest]
sources: [src]
reviewed: 2026-11-22
"""

SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">
  <g id="regions">
    <rect id="alpha" x="10" y="10" width="30" height="30" fill="#eee"/>
    <ellipse id="beta" cx="70" cy="70" rx="20" ry="10" fill="#ddd"/>
  </g>
</svg>
"""


def region_yaml(region_id: str, condition: str = "cond") -> str:
    return textwrap.dedent(
        f"""\
        - id: {region_id}
          name: {region_id.title()}
          aliases: []
          views: [test_view]
          summary: A region.
          conditions:
            - condition: {condition}
              frequency: common
        """
    )


def make_content(root: Path, **files: str) -> Path:
    """A small valid content dir (two regions, one drawing); files override/add by path."""
    data = root / "data"
    (data / "conditions").mkdir(parents=True)
    (data / "regions").mkdir()
    (root / "assets").mkdir()
    (data / "sources.yaml").write_text(SOURCES)
    (data / "conditions" / "cond.yaml").write_text(CONDITION)
    (data / "regions" / "test.yaml").write_text(region_yaml("alpha") + region_yaml("beta"))
    (root / "assets" / "test_view.svg").write_text(SVG)
    for relative, text in files.items():
        path = root / relative.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def copy_shipped(root: Path) -> Path:
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "assets", root / "assets")
    return root
