"""A decision rule applied to the criteria a clinician ticked (no Qt here)."""

from collections.abc import Iterable
from typing import NamedTuple

from viewer.content.model import Rule


class RuleResult(NamedTuple):
    rule: str  # rule id
    score: float
    gate_met: bool
    result: str  # e.g. "Ankle X-ray indicated"
    advice: str
    ticked: tuple[str, ...]  # the ticked criteria's texts, in the rule's order

    def summary(self, name: str) -> str:
        """One line for the record: the rule, its result and why."""
        why = "; ".join(self.ticked) if self.ticked else "no criterion met"
        return f"{name}: {self.result} ({why})"


def evaluate(rule: Rule, ticked: Iterable[str]) -> RuleResult:
    """The rule's outcome for these ticked criterion ids (unknown ids are ignored)."""
    chosen = set(ticked)
    criteria = [c for c in rule.criteria if c.id in chosen]
    gates = [c for c in rule.criteria if c.gate]
    gate_met = all(c.id in chosen for c in gates)
    score = sum(c.points for c in criteria if not c.gate)
    texts = tuple(c.text for c in criteria)
    if not gate_met:
        return RuleResult(rule.id, score, False, rule.gate_not_met, "", texts)
    fitting = [o for o in rule.outcomes if score >= o.min_score]
    outcome = max(fitting, key=lambda o: o.min_score) if fitting else None
    if outcome is None:
        return RuleResult(rule.id, score, True, "No outcome for this score", "", texts)
    return RuleResult(rule.id, score, True, outcome.result, outcome.advice, texts)
