"""Property-based fuzzing of the two readers of untrusted files: YAML content and SVG drawings.

Whatever bytes a file holds, the reader reports problems and returns: never an
exception, never over a time or memory budget. Bounded for CI: a fixed number
of examples each, with the seed printed (ANATOMY_FUZZ_SEED repeats a run).
"""

from __future__ import annotations

import os
import random
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from viewer.content.loader import load_atlas
from viewer.diagram.svg_index import index_svg

SEED = int(os.environ.get("ANATOMY_FUZZ_SEED") or random.SystemRandom().randrange(2**32))
EXAMPLES = int(os.environ.get("ANATOMY_FUZZ_EXAMPLES", "600"))
TIME_BUDGET_S = 2.0  # one file, read and checked
MEMORY_BUDGET = 64 * 1024 * 1024  # bytes allocated at the peak, for one small file

YAML_PIECES = [
    "id: cond\n", "name: ", "symptoms: ", "- ", "[", "]", "{", "}", ": ", ",", "&a ", "*a ",
    "!!python/object:os.system ", "!!str ", "? ", "|\n  ", ">\n  ", "'", '"', "\\e", "\\x00",
    "\t", "\n", "  ", "reviewed: 2026-13-45\n", "url: javascript:alert(1)\n", "---\n", "...\n",
    "%YAML 1.1\n", "<img src=file:///dev/zero>", "\u202e", "\ufeff", "1e308", "no", "~",
    "- id: alpha\n  name: A\n  views: [v]\n", "patient:\n  what_it_is: x\n",
]  # fmt: skip
SVG_PIECES = [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">', "</svg>",
    '<g id="regions">', "</g>", '<path id="a" d="', "M0 0 L1e308 1e308 Z", '"/>',
    '<rect id="b" width="0" height="0"/>', "<image href='file:///etc/passwd'/>",
    "<style>@import url(file:///x);</style>", "<!DOCTYPE x [<!ENTITY e 'e'>]>", "&e;",
    "<script>", "<g id='labels'><text id='t'>L4</text></g>", '<use href="#a"/>',
    "<?xml-stylesheet href='x.css'?>", '<circle id="c" r="5"/>', "\x00", "]]>", "<![CDATA[",
    '<polygon id="p" points="', "1,1 " * 50, '" style="fill:url(http://x)"/>',
]  # fmt: skip


def _assemble(pieces: list[str], extra: str) -> bytes:
    return ("".join(pieces) + extra).encode("utf-8", "surrogatepass")


def _within_budget(read: object) -> None:
    tracemalloc.start()
    started = time.monotonic()
    try:
        read()  # type: ignore[operator]
    finally:
        seconds = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert seconds < TIME_BUDGET_S, f"took {seconds:.2f} s"
    assert peak < MEMORY_BUDGET, f"peak {peak / 1e6:.1f} MB"


COUNT = {"yaml": 0, "svg": 0}
QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> object:
    yield
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():  # type: ignore[union-attr]
        print(f"\nfuzz: seed {SEED} (repeat: ANATOMY_FUZZ_SEED={SEED}); examples tried: "
              f"YAML {COUNT['yaml']}, SVG {COUNT['svg']}")  # fmt: skip


@seed(SEED)
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=QUIET)
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=40), st.text(max_size=200))
def test_yaml_reader_reports_problems_and_never_raises(
    tmp_path: Path, pieces: list[str], extra: str
) -> None:
    COUNT["yaml"] += 1
    data = tmp_path / f"data{COUNT['yaml']}"
    (data / "conditions").mkdir(parents=True)
    (data / "regions").mkdir()
    target = data / ("conditions/cond.yaml" if COUNT["yaml"] % 2 else "regions/test.yaml")
    target.write_bytes(_assemble(pieces, extra))
    _within_budget(lambda: load_atlas(data))


@seed(SEED)
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=QUIET)
@given(st.lists(st.sampled_from(SVG_PIECES), max_size=30), st.text(max_size=100))
def test_svg_indexer_reports_problems_and_never_raises(
    tmp_path: Path, pieces: list[str], extra: str
) -> None:
    from viewer.bundle import _outlines
    from viewer.content.model import Atlas

    COUNT["svg"] += 1
    path = tmp_path / f"view{COUNT['svg']}.svg"
    path.write_bytes(_assemble(pieces, extra))

    def read() -> None:
        index = index_svg(path, path.name)
        if index.shapes and not index.problems:
            # Every shape a region, so the geometry parser (svgelements) reads them all.
            atlas = Atlas(regions=dict.fromkeys(index.shapes))  # type: ignore[arg-type]
            _outlines(path, path.name, index.shapes, atlas)

    _within_budget(read)
