"""Small builders for test content directories."""

from __future__ import annotations

import textwrap
from pathlib import Path

SOURCES = """\
- id: src
  kind: review
  authors: Tester A
  title: A test source
  year: 2020
"""

CONDITION = """\
id: cond
name: Test condition
aliases: []
summary: A summary.
key_feature: Aches.
symptoms: [ache]
signs: [tenderness]
risk_factors: [running]
imaging:
  - modality: mri
    note: Shows oedema.
differentials: []
red_flags: [cannot bear weight]
management: [rest]
patient:
  what_it_is: It is a sore spot.
  what_helps: [Rest it.]
  what_to_avoid: [Do not run.]
  seek_help_urgently: [You cannot walk.]
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
          area: knee
          views: [test_view]
          summary: A region.
          first_test: Examine it.
          red_flags: [Cannot walk.]
          conditions:
            - condition: {condition}
              frequency: common
        """
    )


def make_content(root: Path) -> Path:
    """A small valid content dir: one source, one condition, two regions, one drawing."""
    data = root / "data"
    (data / "conditions").mkdir(parents=True)
    (data / "regions").mkdir()
    (root / "assets").mkdir()
    (data / "sources.yaml").write_text(SOURCES)
    (data / "conditions" / "cond.yaml").write_text(CONDITION)
    (data / "regions" / "test.yaml").write_text(region_yaml("alpha") + region_yaml("beta"))
    (root / "assets" / "test_view.svg").write_text(SVG)
    return root
