"""Colours the app draws with, chosen for the system palette (light or dark).

The page text takes the palette's own Text and Base; the accents (headings,
links, red flags, badges) come from one of two sets, picked by how light the
palette's Base is. Every pair the app draws is listed in pairs() so a test
can check each against WCAG AA (4.5:1). The drawing stays on a light canvas
in both modes, as a figure on paper: the words drawn over it have their own
colours, checked against that canvas.
"""

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette

CANVAS = "#fbfaf7"  # the drawing's paper
CANVAS_INK = {
    "right": "#1f5f99",  # side marker
    "left": "#8a3b12",
    "edge": "#545e68",  # medial / lateral edge words
    "focus": "#1f6fd0",
}


class Theme(NamedTuple):
    dark: bool
    base: str
    text: str
    heading: str
    muted: str
    link: str
    red: str
    risk_fg: str
    risk_bg: str
    box_fg: str
    box_bg: str
    site_bg: str
    glance_bg: str
    urgent_fg: str
    urgent_bg: str

    def pairs(self) -> dict[str, tuple[str, str]]:
        """(foreground, background) for every kind of text the details page shows."""
        return {
            "body": (self.text, self.base),
            "heading": (self.heading, self.base),
            "muted": (self.muted, self.base),
            "link": (self.link, self.base),
            "red flag": (self.red, self.base),
            "red flag in glance": (self.red, self.glance_bg),
            "link in glance": (self.link, self.glance_bg),
            "muted in glance": (self.muted, self.glance_bg),
            "text in glance": (self.text, self.glance_bg),
            "risk badge": (self.risk_fg, self.risk_bg),
            "risk box": (self.box_fg, self.box_bg),
            "site note": (self.text, self.site_bg),
            "site tag": (self.link, self.site_bg),
            "must-not-miss badge": (self.urgent_fg, self.urgent_bg),
        }


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    a, b = _luminance(foreground), _luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def theme_for(palette: QPalette) -> Theme:
    base = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.Text).name()
    dark = _luminance(base) < 0.2
    if contrast(text, base) < 4.5:  # a palette whose own text is too faint
        text = "#f0f2f4" if dark else "#1d232a"
    if dark:
        return Theme(
            dark=True, base=base, text=text, heading="#a9d1ff", muted="#b4bcc4",
            link="#8fc3ff", red="#ffa59b", risk_fg="#ffffff", risk_bg="#b3261e",
            box_fg="#ffd9d3", box_bg="#4a1f1c", site_bg="#1f3142", glance_bg="#263340",
            urgent_fg="#ffffff", urgent_bg="#8f2a68",
        )  # fmt: skip
    return Theme(
        dark=False, base=base, text=text, heading="#14324a", muted="#59636e",
        link="#1d5b94", red="#9c1f19", risk_fg="#ffffff", risk_bg="#b3261e",
        box_fg="#7d1a15", box_bg="#fbe9e7", site_bg="#edf4fa", glance_bg="#f1f5f8",
        urgent_fg="#ffffff", urgent_bg="#8f2a68",
    )  # fmt: skip


def style_sheet(theme: Theme, point_size: float) -> str:
    """The details page's style sheet (classes from viewer/content/html.py)."""
    t = theme
    small = max(point_size - 1.5, 7.0)
    return f"""
body {{ font-size: {point_size}pt; color: {t.text}; }}
h1 {{ font-size: {point_size + 5.5}pt; margin: 0 0 2px 0; color: {t.heading}; }}
h2 {{ font-size: {point_size + 2.5}pt; margin: 14px 0 2px 0; color: {t.heading}; }}
h3 {{ font-size: {point_size - 0.5}pt; margin: 8px 0 1px 0; color: {t.muted}; }}
ul {{ margin-top: 0; margin-bottom: 0; margin-left: 14px; -qt-list-indent: 0; }}
li {{ margin-bottom: 1px; }}
.aka {{ color: {t.muted}; margin-top: 0; }}
.freq {{ color: {t.muted}; font-size: {point_size - 0.5}pt; font-weight: normal; }}
.risk {{ color: {t.risk_fg}; background-color: {t.risk_bg}; font-weight: bold; }}
.urgent {{ color: {t.urgent_fg}; background-color: {t.urgent_bg}; font-weight: bold; }}
.riskbox {{ background-color: {t.box_bg}; color: {t.box_fg}; padding: 6px; }}
.site {{ background-color: {t.site_bg}; color: {t.text}; margin: 0; padding: 1px 6px; }}
.glance {{ background-color: {t.glance_bg}; color: {t.text}; }}
.gltitle {{ color: {t.muted}; font-size: {small}pt; font-weight: bold; margin: 2px 0 1px 0; }}
.glrow {{ margin: 0; font-size: {point_size - 1}pt; }}
.glhead {{ font-weight: bold; margin: 3px 0 0 0; font-size: {point_size - 1}pt; }}
.glflags {{ font-size: {point_size - 1}pt; }}
.gl {{ margin: 2px 0 0 0; font-size: {point_size - 1}pt; }}
.img {{ margin: 1px 0 1px 0; }}
.when {{ color: {t.heading}; font-weight: bold; }}
.red {{ color: {t.red}; }}
.tag {{ color: {t.link}; font-weight: bold; }}
.muted {{ color: {t.muted}; font-size: {small}pt; }}
.notes {{ color: {t.text}; }}
a {{ color: {t.link}; }}
.side {{ color: {t.muted}; font-size: {point_size + 1.5}pt; font-weight: normal; }}
"""
