"""Words people use for ages, times and presentations, mapped to one form for search.

A query word found here is matched as its canonical form, and every indexed
word is indexed under its canonical form too: "teenager" finds "adolescent",
"hot swollen knee" finds "warm swelling of the knee".
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_GROUPS: dict[str, tuple[str, ...]] = {
    "adolescent": ("adolescent", "adolescents", "teenager", "teenagers", "teen", "teens", "teenage",
                   "adolescence", "youth"),
    "child": ("child", "children", "kid", "kids", "paediatric", "pediatric", "childhood",
              "schoolchild"),
    "infant": ("infant", "infants", "baby", "babies"),
    "toddler": ("toddler", "toddlers"),
    "older": ("older", "elderly", "old", "aged", "geriatric", "senior", "seniors"),
    "athlete": ("athlete", "athletes", "sportsman", "sportswoman", "sporty", "athletic"),
    "runner": ("runner", "runners", "running", "jogger", "joggers", "jogging"),
    "night": ("night", "nights", "nighttime", "nocturnal", "overnight"),
    "morning": ("morning", "mornings"),
    "fall": ("fall", "falls", "fell", "fallen", "falling"),
    "twist": ("twist", "twisted", "twisting", "inversion", "inverted", "rolled"),
    "hot": ("hot", "warm", "warmth"),
    "red": ("red", "redness", "erythema", "erythematous"),
    "swollen": ("swollen", "swelling", "swell", "swells", "effusion", "effusions"),
    "locking": ("locking", "locks", "locked", "lock"),
    "giving": ("giving", "gives", "gave", "buckling", "buckles", "instability", "unstable"),
    "limp": ("limp", "limping", "limps"),
    "numb": ("numb", "numbness", "tingling", "pins", "paraesthesia", "paresthesia"),
    "fever": ("fever", "febrile", "feverish", "temperature", "pyrexia"),
    "bruise": ("bruise", "bruised", "bruising", "ecchymosis"),
    "stiff": ("stiff", "stiffness"),
    "weak": ("weak", "weakness"),
    "diabetic": ("diabetic", "diabetes", "diabetics"),
    "kneecap": ("kneecap", "patella", "patellar"),
    "shin": ("shin", "shins"),
    "heel": ("heel", "heels"),
    "pop": ("pop", "popped", "popping", "snap", "snapped"),
}  # fmt: skip

CANONICAL: Mapping[str, str] = MappingProxyType(
    {word: canonical for canonical, forms in _GROUPS.items() for word in forms}
)
