"""Ranked, typo-tolerant search over regions and conditions (no Qt here).

The index is built once: every searchable text (region names and aliases,
condition names and aliases, symptoms, signs, imaging notes, site notes and
region summaries) is split into words, and each word points to the things
("owners") whose texts contain it: a region, a condition, or a condition at
one region. A query is matched word by word against the vocabulary: exactly,
as a prefix (so results come as you type), or fuzzily with rapidfuzz (so
"metatarsel" finds "metatarsal"). An owner must match every query word. Work
per keystroke is bounded by the vocabulary and the owners of matching words,
never by the total amount of text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from viewer.content.model import FREQUENCIES, Atlas

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)
FIELD_WEIGHTS: dict[str, float] = {
    "region": 1.0,
    "region alias": 0.97,
    "condition": 0.95,
    "condition alias": 0.93,
    "site note": 0.80,
    "symptom": 0.78,
    "sign": 0.78,
    "imaging": 0.72,
    "summary": 0.65,
}
_NAME_FIELDS = frozenset({"region", "region alias", "condition", "condition alias"})
_FREQUENCY_PENALTY = {frequency: 0.6 * rank for rank, frequency in enumerate(FREQUENCIES)}
NAMED_SCORE = 85.0  # a word this close to a region's name or alias names the region


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked result: a region, and the condition that matched there, if any."""

    region: str
    condition: str  # "" when the region itself matched
    score: float  # 0-100ish; higher is better
    field: str  # which kind of text matched (a key of FIELD_WEIGHTS)
    text: str  # the text that matched, to show the user


def normalise(text: str) -> str:
    """Lower case, accents and apostrophes dropped: "Morton’s" -> "mortons"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("'", "").replace("\u2019", "")


def words(text: str) -> list[str]:
    found = _WORD.findall(normalise(text))
    meaningful = [word for word in found if word not in _STOP_WORDS]
    return meaningful or found


@dataclass(frozen=True, slots=True)
class _Entry:
    owner: int
    field: str
    text: str
    word_count: int


class SearchIndex:
    def __init__(self, atlas: Atlas) -> None:
        self._atlas = atlas
        # owners: (region id or "", condition id or "")
        self._owners: list[tuple[str, str]] = []
        self._owner_ids: dict[tuple[str, str], int] = {}
        self._entries: list[_Entry] = []
        # word -> owner -> (best field weight, entry index)
        self._postings: dict[str, dict[int, tuple[float, int]]] = {}
        self._region_order = {region: index for index, region in enumerate(atlas.regions)}
        # condition -> [(region, how much lower it ranks there than at its best site)]
        self._condition_regions: dict[str, list[tuple[str, float]]] = {}
        self._region_words: dict[str, frozenset[str]] = {}
        # region owner -> [(condition owner, link owner)] for every condition linked there
        self._links: dict[int, list[tuple[int, int]]] = {}
        self._link_penalty: dict[int, float] = {}
        self._build()
        self._vocabulary = sorted(self._postings)
        self._candidates = lru_cache(maxsize=512)(self._word_candidates)

    # -- building ------------------------------------------------------------------------

    def _owner(self, region: str, condition: str) -> int:
        key = (region, condition)
        if key not in self._owner_ids:
            self._owner_ids[key] = len(self._owners)
            self._owners.append(key)
        return self._owner_ids[key]

    def _add(self, owner: int, field: str, texts: Iterable[str]) -> None:
        weight = FIELD_WEIGHTS[field]
        for text in texts:
            entry = len(self._entries)
            found = words(text)
            self._entries.append(_Entry(owner, field, text, len(found)))
            for word in found:
                owners = self._postings.setdefault(word, {})
                best = owners.get(owner)
                if best is None or best[0] < weight:
                    owners[owner] = (weight, entry)

    def _build(self) -> None:
        atlas = self._atlas
        for region in atlas.regions.values():
            owner = self._owner(region.id, "")
            self._add(owner, "region", [region.name])
            self._add(owner, "region alias", region.aliases)
            self._add(owner, "summary", [region.summary])
            self._region_words[region.id] = frozenset(
                word for text in (region.name, *region.aliases) for word in words(text)
            )
            for link in region.conditions:
                # Commoner here ranks higher; so, a little, does more said about this site.
                penalty = _FREQUENCY_PENALTY.get(link.frequency, 2.0) - 0.02 * min(
                    len(link.notes), 10
                )
                self._condition_regions.setdefault(link.condition, []).append(
                    (region.id, penalty)
                )
                link_owner = self._owner(region.id, link.condition)
                self._link_penalty[link_owner] = penalty
                self._links.setdefault(owner, []).append(
                    (self._owner("", link.condition), link_owner)
                )
                self._add(link_owner, "site note", link.notes)
        for condition in atlas.conditions.values():
            owner = self._owner("", condition.id)
            self._add(owner, "condition", [condition.name])
            self._add(owner, "condition alias", condition.aliases)
            self._add(owner, "symptom", condition.symptoms)
            self._add(owner, "sign", condition.signs)
            self._add(owner, "imaging", [note.note for note in condition.imaging])
        for regions in self._condition_regions.values():
            regions.sort(key=lambda item: (item[1], self._region_order[item[0]]))

    # -- matching one word -----------------------------------------------------------------

    def _word_candidates(self, token: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words that match a query word, with a similarity of 0-100."""
        found: dict[str, float] = {}
        if token in self._postings:
            found[token] = 100.0
        # Prefixes: "kneec" finds "kneecap" while the word is still being typed.
        start = bisect_left(self._vocabulary, token)
        for word in self._vocabulary[start : start + 200]:
            if not word.startswith(token):
                break
            if word != token:
                found.setdefault(word, 90.0 + 8.0 * len(token) / len(word))
        if len(token) >= 4:
            cutoff = 80.0 if len(token) >= 6 else 74.0
            for word, score, _ in process.extract(
                token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            ):
                if score > found.get(word, 0.0):
                    # Typos rank below exact and prefix matches.
                    found[word] = score * 0.95
        return tuple(found.items())

    # -- the query ------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        tokens = list(dict.fromkeys(words(query)))
        if not tokens:
            return []
        per_token: list[dict[int, tuple[float, int]]] = []
        for token in tokens:
            best: dict[int, tuple[float, int]] = {}
            for word, similarity in self._candidates(token):
                for owner, (weight, entry_index) in self._postings[word].items():
                    score = weight * similarity
                    current = best.get(owner)
                    if current is None or current[0] < score:
                        best[owner] = (score, entry_index)
            if not best:
                return []
            per_token.append(best)
        phrase = " ".join(tokens)
        scored: list[tuple[float, int, int]] = []
        for owner, matches in self._matching_owners(per_token):
            score = sum(score for score, _ in matches) / len(matches)
            entry_index = max(matches, key=lambda match: match[0])[1]
            entry = self._entries[entry_index]
            if entry.field in _NAME_FIELDS and entry.word_count:
                # "Jones fracture" matches the name "Jones fracture" better than a longer one.
                score += 4.0 * min(1.0, len(tokens) / entry.word_count)
            if len(tokens) > 1 and phrase in " ".join(words(entry.text)):
                score += 2.0
            scored.append((score, owner, entry_index))
        return self._expand(scored, set(tokens), limit)

    def _matching_owners(
        self, per_token: list[dict[int, tuple[float, int]]]
    ) -> Iterator[tuple[int, list[tuple[float, int]]]]:
        """Owners matching every query word, with each word's best (score, entry).

        "femoral neck stress fracture" names a region and a condition: a condition
        at a region whose name matched also counts, each word taken from the
        region, the condition or the site notes, whichever matched it best.
        """
        ordered = sorted(per_token, key=len)
        owners = set(ordered[0])
        for best in ordered[1:]:
            owners &= best.keys()
        for owner in owners:
            yield owner, [best[owner] for best in per_token]
        if len(per_token) < 2:
            return
        named = {
            owner
            for best in per_token
            for owner, (score, _) in best.items()
            if score >= NAMED_SCORE and owner in self._links
        }
        for region_owner in named:
            for condition_owner, link_owner in self._links[region_owner]:
                if link_owner in owners:
                    continue
                matches = []
                adds = False  # the condition must say something the region's name did not
                for best in per_token:
                    found = [
                        best[o] for o in (region_owner, condition_owner, link_owner) if o in best
                    ]
                    if not found:
                        break
                    matches.append(max(found))
                    adds = adds or max(found) > best.get(region_owner, (0.0, 0))
                else:
                    if adds:
                        yield link_owner, matches

    def _expand(
        self, scored: list[tuple[float, int, int]], tokens: set[str], limit: int
    ) -> list[Hit]:
        """Owners to (region, condition) results; a condition shows at each of its regions."""
        results: dict[tuple[str, str], Hit] = {}
        for score, owner, entry_index in scored:
            region, condition = self._owners[owner]
            entry = self._entries[entry_index]
            places = (
                [(region, self._link_penalty.get(owner, 0.0))]
                if region
                else [
                    # "Achilles rupture": the Achilles tendon before the calf.
                    (place, penalty - len(tokens & self._region_words[place]) / len(tokens))
                    for place, penalty in self._condition_regions.get(condition, [])
                ]
            )
            for place, penalty in places:
                final = round(score - penalty, 2)
                key = (place, condition)
                if key not in results or results[key].score < final:
                    results[key] = Hit(place, condition, final, entry.field, entry.text)
        order = self._region_order
        ranked = sorted(
            results.values(),
            key=lambda hit: (-hit.score, order.get(hit.region, 0), hit.condition),
        )
        return ranked[:limit]


def regions_in(hits: Iterable[Hit]) -> list[str]:
    """The distinct regions of some hits, best first."""
    return list(dict.fromkeys(hit.region for hit in hits))
