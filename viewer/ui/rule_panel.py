"""The decision rules at the selected region, as checklists that give their result.

Ticking a criterion gives the result at once ("Ankle X-ray indicated"), with
what to do next and the rule's pitfalls; the result is kept per region for the
summary for the record. Content is shown as plain text throughout.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from viewer.content.model import Atlas, Rule
from viewer.content.rules import RuleResult, evaluate


def _label(text: str, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    if name:
        label.setObjectName(name)
    return label


class RuleBox(QGroupBox):
    """One rule: its question, its criteria to tick, its result."""

    changed = Signal(object)  # RuleResult

    def __init__(self, rule: Rule, parent: QWidget | None = None) -> None:
        super().__init__(rule.name, parent)
        self.rule = rule
        self.setObjectName(f"rule_{rule.id}")
        self.setAccessibleName(rule.name)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(_label(rule.question))
        layout.addWidget(_label(f"For: {rule.applies_to}", name="ruleAppliesTo"))
        for criterion in rule.criteria:
            points = "" if criterion.gate or criterion.points == 1 else f"  ({criterion.points:+g})"
            text = ("First: " if criterion.gate else "") + criterion.text + points
            box = QCheckBox(text)
            box.setObjectName(f"criterion_{criterion.id}")
            box.setAccessibleName(criterion.text)
            box.toggled.connect(self._on_toggled)
            self.boxes[criterion.id] = box
            layout.addWidget(box)
        self.result_label = _label("", bold=True, name="ruleResult")
        self.result_label.setAccessibleName(f"{rule.name} result")
        self.advice_label = _label("", name="ruleAdvice")
        layout.addWidget(self.result_label)
        layout.addWidget(self.advice_label)
        details = "Not for: " + "; ".join(rule.exclusions) if rule.exclusions else ""
        pitfalls = "Pitfalls: " + " ".join(rule.pitfalls)
        layout.addWidget(_label("\n".join(part for part in (pitfalls, details) if part)))
        self._show(evaluate(rule, ()))

    def ticked(self) -> list[str]:
        return [criterion for criterion, box in self.boxes.items() if box.isChecked()]

    def result(self) -> RuleResult:
        return evaluate(self.rule, self.ticked())

    def restore(self, ticked: list[str]) -> None:
        """Tick exactly these criteria (as they were at a region), without reporting it."""
        for criterion, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(criterion in ticked)
            box.blockSignals(False)
        self._show(self.result())

    def _on_toggled(self, _checked: bool) -> None:
        result = self.result()
        self._show(result)
        self.changed.emit(result)

    def _show(self, result: RuleResult) -> None:
        score = "" if self.rule.id.startswith("ottawa") else f"Score {result.score:g}. "
        self.result_label.setText(f"{score}{result.result}")
        self.advice_label.setText(result.advice)


class RulePanel(QScrollArea):
    """Every rule at the region, one box each; the results ticked so far, per region.

    A rule's box is made the first time a region needs it and kept: moving to
    another region shows and hides boxes and puts back that region's ticks, so a
    click on the drawing never builds widgets here.
    """

    result_changed = Signal(str, object)  # region id, RuleResult

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self.region = ""
        self.boxes: dict[str, RuleBox] = {}  # the rules at the region shown
        self._made: dict[str, RuleBox] = {}  # every box made so far
        self._ticked: dict[tuple[str, str], list[str]] = {}  # (region, rule) -> criteria
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Decision rules")
        content = QWidget()
        self._layout = QVBoxLayout(content)
        self._none = _label("No decision rule applies at this region.")
        self._layout.addWidget(self._none)
        self._layout.addStretch(1)
        self.setWidget(content)

    def _box(self, rule: Rule) -> RuleBox:
        box = self._made.get(rule.id)
        if box is None:
            box = RuleBox(rule)
            box.changed.connect(self._on_changed)
            self._layout.insertWidget(self._layout.count() - 1, box)
            self._made[rule.id] = box
        return box

    def show_region(self, region: str) -> None:
        self.region = region
        rules = self._atlas.rules_at(region) if region else []
        self.boxes = {rule.id: self._box(rule) for rule in rules}
        for rule_id, box in self._made.items():
            if rule_id in self.boxes:
                box.restore(self._ticked.get((region, rule_id), []))
            box.setVisible(rule_id in self.boxes)
        self._none.setVisible(not rules)
        self.verticalScrollBar().setValue(0)

    def _on_changed(self, result: RuleResult) -> None:
        box = self.boxes.get(result.rule)
        if box is not None:
            self._ticked[(self.region, result.rule)] = box.ticked()
        self.result_changed.emit(self.region, result)

    def applied(self, region: str) -> list[str]:
        """One line per rule ticked at this region, for the record."""
        lines = []
        for rule in self._atlas.rules_at(region):
            ticked = self._ticked.get((region, rule.id))
            if ticked:
                lines.append(evaluate(rule, ticked).summary(rule.name))
        return lines
