"""Per-keystroke search time, on the shipped content and on a synthetic set 100x larger.

    .venv/bin/python bench/search_bench.py [--factor 100] [--rounds 3]

Each query of tests/search_table.py is typed one character at a time; every
prefix is one keystroke. Two timings per keystroke:
  core    SearchIndex.search() alone;
  window  the whole keystroke in the window, offscreen: the search field's text
          changes, results are ranked and listed, matches lit on the drawing,
          and what changed is repainted.
Medians and p95 in milliseconds. The synthetic set copies every region and
condition `factor` times and varies one word in six of every text with
invented words, so that its vocabulary is about 10x the shipped one (text
grown 100x grows a vocabulary about 10x: Heaps' law).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

from search_table import QUERIES  # noqa: E402

from viewer.bundle import load_bundle  # noqa: E402
from viewer.content.model import Atlas, Condition, ConditionLink, Region  # noqa: E402
from viewer.content.search import SearchIndex, words  # noqa: E402


def _texts(atlas: Atlas) -> list[str]:
    texts: list[str] = []
    for region in atlas.regions.values():
        texts += [region.name, *region.aliases, region.summary]
        texts += [note for link in region.conditions for note in link.notes]
    for condition in atlas.conditions.values():
        texts += [condition.name, *condition.aliases, *condition.symptoms, *condition.signs]
        texts += [note.note for note in condition.imaging]
    return texts


def scaled_atlas(atlas: Atlas, factor: int, seed: int = 1) -> Atlas:
    """The shipped content plus factor-1 varied copies of every region and condition."""
    rng = random.Random(seed)
    vocabulary = {word for text in _texts(atlas) for word in words(text)}
    invented = [
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 11)))
        for _ in range(9 * len(vocabulary))
    ]

    def vary(text: str) -> str:
        return " ".join(
            rng.choice(invented) if rng.random() < 1 / 6 else word for word in text.split()
        )

    def many(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(vary(text) for text in texts)

    regions: dict[str, Region] = dict(atlas.regions)
    conditions: dict[str, Condition] = dict(atlas.conditions)
    for copy in range(1, factor):

        def cid(condition: str, copy: int = copy) -> str:
            return f"{condition}__{copy}"

        for c in atlas.conditions.values():
            conditions[cid(c.id)] = c._replace(
                id=cid(c.id),
                name=vary(c.name),
                aliases=many(c.aliases),
                symptoms=many(c.symptoms),
                signs=many(c.signs),
                imaging=tuple(n._replace(note=vary(n.note)) for n in c.imaging),
                differentials=tuple(cid(d) for d in c.differentials),
            )
        for r in atlas.regions.values():
            links = tuple(
                ConditionLink(cid(link.condition), link.frequency, link.high_risk, many(link.notes))
                for link in r.conditions
            )
            regions[f"{r.id}__{copy}"] = r._replace(
                id=f"{r.id}__{copy}",
                name=vary(r.name),
                aliases=many(r.aliases),
                summary=vary(r.summary),
                conditions=links,
                related=(),
            )
    return Atlas(regions=regions, conditions=conditions, sources=atlas.sources)


def keystrokes() -> list[str]:
    return [query[:end] for query, _, _ in QUERIES for end in range(1, len(query) + 1)]


def measure(run: Callable[[str], object], rounds: int, reset: Callable[[], None]) -> list[float]:
    times: list[float] = []
    for _ in range(rounds):
        reset()
        for text in keystrokes():
            start = time.perf_counter()
            run(text)
            times.append((time.perf_counter() - start) * 1000)
    return times


def summary(name: str, times: list[float]) -> str:
    p95 = statistics.quantiles(times, n=20)[-1]
    median = statistics.median(times)
    return f"{name:34s} median {median:6.2f} ms   p95 {p95:6.2f} ms   n={len(times)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from viewer.ui.main_window import MainWindow

    app = QApplication([])
    shipped = load_bundle(with_outlines=True)
    start = time.perf_counter()
    big = scaled_atlas(shipped.atlas, args.factor)
    made = time.perf_counter() - start
    print(
        f"content: shipped {len(shipped.atlas.regions)} regions / "
        f"{len(shipped.atlas.conditions)} conditions; x{args.factor}: {len(big.regions)} regions"
        f" / {len(big.conditions)} conditions (made in {made:.1f} s)"
    )
    print(f"keystrokes per round: {len(keystrokes())} ({len(QUERIES)} queries typed)")
    for label, atlas in (("shipped", shipped.atlas), (f"x{args.factor}", big)):
        start = time.perf_counter()
        index = SearchIndex(atlas)
        built = (time.perf_counter() - start) * 1000
        print(f"[{label}] index built in {built:.0f} ms")
        gc.freeze()  # as the app does once its content is loaded

        def reset_core(index: SearchIndex = index) -> None:  # a cold cache each round
            index._candidates.cache_clear()  # noqa: SLF001
            index._token_owners.cache_clear()  # noqa: SLF001

        print(summary(f"[{label}] core", measure(index.search, args.rounds, reset_core)))

        window = MainWindow(shipped._replace(atlas=atlas))
        window.resize(1400, 900)
        window.show()
        while not window.started:  # what the first paint left, done
            app.processEvents()
        field = window.search.field
        window.search.search_index()  # built once, as the app does on first use

        def type_into(text: str, field=field) -> None:  # type: ignore[no-untyped-def]
            field.setText(text)
            app.processEvents()  # the repaints the keystroke caused

        def reset_window(window=window, field=field) -> None:  # type: ignore[no-untyped-def]
            window.search.search_index()._candidates.cache_clear()  # noqa: SLF001
            window.search.search_index()._token_owners.cache_clear()  # noqa: SLF001
            field.clear()

        times = measure(type_into, args.rounds, reset_window)
        print(summary(f"[{label}] window (search+list+paint)", times))
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
