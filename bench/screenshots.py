"""Take the screenshots in docs/: every view at two window sizes on both sides, light and
dark, the at-a-glance block, the rule checklist, and the handout rendered to PNG.

    .venv/bin/python bench/screenshots.py [--out docs/screens]

Headless (Qt's offscreen platform, on a 1920x1080 screen); the handout is printed
to PDF and turned into PNG with pdftoppm. Nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_SCREEN = Path(tempfile.mkdtemp()) / "screen.json"
_SCREEN.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1920,
                                            "height": 1080, "logicalDpi": 96,
                                            "logicalBaseDpi": 96, "dpr": 1}]}))  # fmt: skip
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.bundle_cache import load_bundle_cached  # noqa: E402
from viewer.handout.compose import HandoutRequest  # noqa: E402
from viewer.handout.pdf import write_pdf  # noqa: E402
from viewer.ui.app import staged_window  # noqa: E402

VIEW_REGIONS = {
    "leg_anterior": "patella",
    "leg_posterior": "sciatic_nerve",
    "foot_dorsal": "metatarsal_5_base",
    "foot_plantar": "plantar_fascia",
    "foot_medial": "tarsal_tunnel",
    "foot_lateral": "lateral_malleolus",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#eeeeee",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#eeeeee", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#eeeeee", QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#eeeeee", QPalette.ColorRole.Link: "#8fc3ff",
    }  # fmt: skip
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def shoot(app: QApplication, bundle, out: Path, size: tuple[int, int], region: str,  # type: ignore[no-untyped-def]
          view: str, side: str, tools: bool = False) -> None:  # fmt: skip
    with staged_window(bundle, QSize(*size), region, view, side) as window:
        if tools:
            window.tools.setCurrentWidget(window.rules)
            window.open_tools()
            for rule in window.rules.boxes.values():
                criteria = list(rule.boxes.values())
                for box in criteria[:2]:
                    box.setChecked(True)
            app.processEvents()
        window.grab().save(str(out), "PNG")
    print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0], "-style", "fusion"])
    bundle = load_bundle_cached()
    for size in ((1366, 768), (1920, 1080)):
        for side in ("right", "left"):
            for view, region in VIEW_REGIONS.items():
                name = f"{view}-{side}-{size[0]}x{size[1]}.png"
                shoot(app, bundle, args.out / name, size, region, view, side)
    shoot(app, bundle, args.out / "glance-patella-1366x768.png", (1366, 768), "patella",
          "leg_anterior", "left")  # fmt: skip
    shoot(app, bundle, args.out / "glance-lateral-malleolus-1366x768.png", (1366, 768),
          "lateral_malleolus", "foot_lateral", "right")  # fmt: skip
    shoot(app, bundle, args.out / "rule-ottawa-ankle-1366x768.png", (1366, 768),
          "lateral_malleolus", "foot_lateral", "right", tools=True)  # fmt: skip
    app.setPalette(dark_palette())
    shoot(app, bundle, args.out / "dark-patella-1366x768.png", (1366, 768), "patella",
          "leg_anterior", "right")  # fmt: skip
    shoot(app, bundle, args.out / "dark-rule-wells-1366x768.png", (1366, 768), "calf",
          "leg_posterior", "left", tools=True)  # fmt: skip
    app.setPalette(QPalette())
    pdf = args.out / "handout-left-patella.pdf"
    request = HandoutRequest("patella", "patellar_dislocation", "left", "Jane Doe",
                             "Riverside Clinic", "01234 567890", "anatomy-viewer")  # fmt: skip
    write_pdf(bundle, request, pdf)
    if shutil.which("pdftoppm"):
        stem = str(args.out / "handout-left-patella")
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), stem], check=True)
        print(args.out / "handout-left-patella-1.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
