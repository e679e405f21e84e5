"""What the text commands print: list, show, search, rules, notes; and the handout PDF."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from viewer.bundle import Bundle
from viewer.cli import PROG, UsageError, say, say_json
from viewer.notes.store import MAX_IMPORT_BYTES, Note, NotesError, NotesStore
from viewer.paths import read_limited


def list_regions(bundle: Bundle, as_json: bool) -> int:
    regions = bundle.atlas.in_catalogue_order()
    if as_json:
        say_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "area": r.area,
                    "views": list(r.views),
                    "high_risk": r.high_risk,
                }
                for r in regions
            ]
        )
    else:
        width = max((len(r.id) for r in regions), default=0)
        for r in regions:
            say(f"{r.id:<{width}}  {r.name}  [{', '.join(r.views)}]")
    return 0


def _notes_store(create: bool = False) -> NotesStore | None:
    """The user's notes; None if there are none yet (reading never creates the file)."""
    from viewer.locations import notes_path

    path = notes_path()
    if not create and not path.exists():
        return None
    try:
        return NotesStore.open(path)
    except (OSError, NotesError) as error:
        raise OSError(f"notes: {error}") from None


def _region_notes(region: str) -> list[tuple[str, str]]:
    store = _notes_store()
    if store is None:
        return []
    try:
        return [(note.condition, note.text) for note in store.for_region(region)]
    finally:
        store.close()


def show(bundle: Bundle, region: str, side: str, as_json: bool) -> int:
    from viewer.content.render import build_report, report_json, report_text

    report = build_report(bundle.atlas, region, side, _region_notes(region))
    if as_json:
        say_json(report_json(report))
    else:
        say(report_text(report).rstrip("\n"))
    return 0


def search(bundle: Bundle, query: str, limit: int, as_json: bool) -> int:
    from viewer.content.search import SearchIndex, group_hits

    atlas = bundle.atlas
    hits = SearchIndex(atlas).search(query, max(limit * 3, limit))
    if as_json:
        say_json(
            [
                {
                    "region": hit.region,
                    "region_name": atlas.regions[hit.region].name,
                    "condition": hit.condition or None,
                    "condition_name": atlas.conditions[hit.condition].name
                    if hit.condition
                    else None,
                    "score": hit.score,
                    "matched": hit.field,
                    "text": hit.text,
                }
                for hit in hits[:limit]
            ]
        )
        return 0
    groups = group_hits(hits, limit)
    if not groups:
        say(f"no matches for {query!r}")
        return 0
    for rank, group in enumerate(groups, start=1):
        names = [atlas.regions[r].name for r in group.regions]
        condition = atlas.conditions.get(group.condition)
        if condition is not None:
            urgent = "  [must not miss]" if condition.must_not_miss else ""
            say(f"{rank:2}. {condition.name}{urgent}  [{group.condition}]")
            say(f"    at: {', '.join(names)}  [{', '.join(group.regions)}]")
        else:
            say(f"{rank:2}. {names[0]}  [{group.regions[0]}]")
        say(f"    {group.best.field}: {group.best.text}")
    return 0


def rules(bundle: Bundle, as_json: bool) -> int:
    from viewer.content.render import rule_json, rule_lines

    found = list(bundle.atlas.rules.values())
    if as_json:
        say_json([rule_json(rule) for rule in found])
        return 0
    for rule in found:
        say("\n".join(rule_lines(rule)))
        say(f"  Regions: {', '.join(rule.regions)}")
        sources = [
            bundle.atlas.sources[s].citation for s in rule.sources if s in bundle.atlas.sources
        ]
        say("  Sources: " + " ".join(sources))
        say()
    return 0


def notes(bundle: Bundle, args: argparse.Namespace) -> int:
    action = args.notes_command
    if action == "import":
        store = _notes_store(create=True)
        assert store is not None
        try:
            data = read_limited(args.file, MAX_IMPORT_BYTES)
            imported, kept = store.import_json(data)
        except NotesError as error:
            raise UsageError(f"{args.file}: {error}; nothing was imported") from None
        finally:
            store.close()
        say(f"{imported} note(s) imported; {kept} kept as they were (the note here was newer)")
        return 0
    store = _notes_store()
    all_notes: list[Note] = []
    orphans: set[Note] = set()
    if store is not None:
        try:
            all_notes = store.all()
            atlas = bundle.atlas
            orphans = set(store.orphans(atlas.regions, atlas.conditions))
        finally:
            store.close()
    if action == "export":
        rows = [note.as_json() for note in all_notes]
        args.out.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        say(f"{len(rows)} note(s) written to {args.out}")
        return 0
    if args.json:
        say_json([{**note.as_json(), "orphaned": note in orphans} for note in all_notes])
        return 0
    if not all_notes:
        say(f"no notes yet (write them in the window, under 'Your notes'; see {PROG} --help)")
    for note in all_notes:
        where = note.region + (f" / {note.condition}" if note.condition else "")
        flag = "  [orphaned: no longer in the content, kept]" if note in orphans else ""
        say(f"{where}  ({note.updated}){flag}")
        say(f"    {note.text}")
    return 0


def handout(bundle: Bundle, region: str, condition: str, side: str, out: Path) -> int:
    record = bundle.atlas.regions[region]
    if condition and all(link.condition != condition for link in record.conditions):
        here = ", ".join(link.condition for link in record.conditions)
        raise UsageError(f"condition {condition!r} is not at {region} (here: {here})")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from viewer.content.version import version_line
    from viewer.handout.compose import HandoutRequest
    from viewer.handout.pdf import write_pdf
    from viewer.ui.settings import AppSettings

    _app = QGuiApplication.instance() or QGuiApplication([PROG])
    settings = AppSettings()
    request = HandoutRequest(
        region=region,
        condition=condition,
        side=side,
        clinic_name=settings.clinic_name(),
        clinic_contact=settings.clinic_contact(),
        version=version_line(bundle.atlas),
    )
    pages = write_pdf(bundle, request, out)
    say(f"{out} ({pages} page{'s' if pages != 1 else ''})")
    return 0
