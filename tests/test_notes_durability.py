"""Notes survive the app being killed at any moment while they are typed and saved.

A worker saves notes as the notes panel does (NotesStore.save, one transaction
each) as fast as it can and says which save returned; it is killed with SIGKILL
at a random moment, 200 times. After every kill the database must pass
PRAGMA integrity_check, and every note whose save had returned must be there
(or a later version of it).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO

from viewer.notes.store import NotesStore

KILLS = 200
KEYS = [("patella", ""), ("patella", "patellar_dislocation"), ("navicular", ""), ("calf", "")]
WORKER = """
import sys
from pathlib import Path
from viewer.notes.store import NotesStore
path, start = Path(sys.argv[1]), int(sys.argv[2])
keys = {keys!r}
store = NotesStore.open(path)
print("ready", flush=True)
i = start
while True:
    region, condition = keys[i % len(keys)]
    store.save(region, condition, f"note {{i}}: " + "typed words " * (i % 40))
    print(f"saved {{i}}", flush=True)
    i += 1
"""


def _index(text: str) -> int:
    return int(text.split(":", 1)[0].removeprefix("note "))


def test_two_hundred_kills_lose_no_saved_note(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.sqlite3"
    code = WORKER.format(keys=KEYS)
    rng = random.Random(int(os.environ.get("ANATOMY_KILL_SEED", "1204")))
    acknowledged: dict[tuple[str, str], int] = {}
    start = saves = 0
    started = time.monotonic()
    for _kill in range(KILLS):
        with subprocess.Popen(
            [sys.executable, "-c", code, str(path), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        ) as worker:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.04))  # somewhere in the middle of saving
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=30)
            said = worker.stdout.read().splitlines()
        for line in said:
            if line.startswith("saved "):
                index = int(line.split()[1])
                acknowledged[KEYS[index % len(KEYS)]] = index
                saves += 1
                start = max(start, index + 1)
        start += 1  # a save that was under way when killed may have committed
        store = NotesStore.open(path)
        try:
            assert store.set_aside is None, "the database was unusable after a kill"
            assert store.integrity() == "ok"
            for (region, condition), index in acknowledged.items():
                stored = store.get(region, condition)
                assert stored, f"a saved note on {region} {condition} is gone"
                assert _index(stored) >= index, (stored[:20], index)
        finally:
            store.close()
    seconds = time.monotonic() - started
    with capsys.disabled():
        print(
            f"\nnotes durability: {KILLS} SIGKILLs, {saves} saves acknowledged, every one "
            f"intact, integrity_check ok after each kill, in {seconds:.1f} s"
        )
    assert saves > KILLS  # the kills did land while notes were being saved


def test_a_database_that_fails_raises_notes_error(tmp_path: Path) -> None:
    """Callers name one error (NotesError) and need not load sqlite3 to name it."""
    import pytest

    from viewer.notes.limits import NotesError

    store = NotesStore.open(tmp_path / "notes.sqlite3")
    store.save("patella", "", "kept")
    other = NotesStore.open(tmp_path / "notes.sqlite3")
    other._db.execute("BEGIN EXCLUSIVE")  # noqa: SLF001 - another writer holds the lock
    store._db.execute("PRAGMA busy_timeout = 0")  # noqa: SLF001 - fail now, not in 5 s
    with pytest.raises(NotesError, match="locked"):
        store.save("patella", "", "changed")
    with pytest.raises(NotesError, match="locked"):
        store.import_json(
            b'[{"region": "calcaneus", "text": "x", "updated": "2026-01-01T00:00:00+00:00"}]'
        )
    other._db.execute("ROLLBACK")  # noqa: SLF001
    assert store.get("patella") == "kept"
    store.close()
    other.close()
