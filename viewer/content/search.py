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

import heapq
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from viewer.content.model import FREQUENCIES, Atlas
from viewer.content.synonyms import CANONICAL

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
    "named test": 0.88,
    "presentation": 0.86,
    "key feature": 0.82,
    "site note": 0.80,
    "symptom": 0.78,
    "sign": 0.78,
    "imaging": 0.72,
    "red flag": 0.70,
    "summary": 0.65,
}
_NAME_FIELDS = frozenset({"region", "region alias", "condition", "condition alias"})
_FREQUENCY_PENALTY = {frequency: 0.6 * rank for rank, frequency in enumerate(FREQUENCIES)}
NAMED_SCORE = 85.0  # a word this close to a region's name or alias names the region
MAX_WORDS_PER_TOKEN = 40
MAX_OWNERS_PER_TOKEN = 1500
MAX_NAMED_REGIONS = 40  # regions a query may name, best first, when pairing them with conditions


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
    lowered = text.lower()
    if lowered.isascii():  # most text: nothing to decompose (a fifth of the index's build)
        return lowered.replace("'", "")
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("'", "").replace("\u2019", "")


def words(text: str) -> list[str]:
    found = _WORD.findall(normalise(text))
    meaningful = [word for word in found if word not in _STOP_WORDS]
    return meaningful or found


def query_words(text: str) -> list[str]:
    """A query's words, each said the one way the index knows ("teenager" -> "adolescent")."""
    return [CANONICAL.get(word, word) for word in words(text)]


@dataclass(frozen=True, slots=True)
class _Entry:
    owner: int
    field: str
    text: str
    name_words: int  # how many words, for a region's or condition's name; 0 for other texts


@dataclass(frozen=True, slots=True)
class _TokenMatch:
    """The owners a query word matches, and the regions it names (see NAMED_SCORE)."""

    owners: dict[int, tuple[float, int]]  # owner -> (best score, its entry)
    named: list[tuple[int, float]]  # (region owner, score)


class SearchIndex:
    def __init__(self, atlas: Atlas) -> None:
        self._atlas = atlas
        # owners: (region id or "", condition id or "")
        self._owners: list[tuple[str, str]] = []
        self._owner_ids: dict[tuple[str, str], int] = {}
        self._entries: list[_Entry] = []
        self._region_order = {region: index for index, region in enumerate(atlas.regions)}
        # condition -> [(region, how much lower it ranks there than at its best site)]
        self._condition_regions: dict[str, list[tuple[str, float]]] = {}  # while building
        # condition -> [((region, condition), penalty)], best site first
        self._condition_places: dict[str, list[tuple[tuple[str, str], float]]] = {}
        self._regions_by_word: dict[str, set[str]] = {}
        # region owner -> [(condition owner, link owner)] for every condition linked there
        self._links: dict[int, list[tuple[int, int]]] = {}
        self._link_penalty: dict[int, float] = {}
        # owner -> the words of each of its texts (" word word" a line), for co-occurrence
        self._owner_words: dict[int, str] = {}
        self._said: dict[int, list[str]] = {}  # the same, while building
        self._urgent: set[int] = set()  # condition owners that must not be missed
        # word -> owner -> (best field weight, entry index), while building
        postings: dict[str, dict[int, tuple[float, int]]] = {}
        self._build(postings)
        # Taken a text list at a time: freed in one call, they would hold the interpreter
        # lock (and the window's frame) for milliseconds at 100x content.
        while self._said:
            owner, texts = self._said.popitem()
            self._owner_words[owner] = "\n".join(texts)
        self._vocabulary = sorted(postings)
        # Typos seldom hit a word's first letter: fuzzy matching looks there first.
        self._by_initial: dict[str, list[str]] = {}
        for word in self._vocabulary:
            self._by_initial.setdefault(word[0], []).append(word)
        # Per word, the owners best-described first: a capped scan keeps the best of them.
        self._ranked: dict[str, list[tuple[int, float, int]]] = {
            word: sorted(
                ((owner, weight, entry) for owner, (weight, entry) in owners.items()),
                key=lambda posting: -posting[1],
            )
            for word, owners in postings.items()
        }
        # Let the postings go a word at a time: freed at once, in one call, they held
        # the interpreter lock for a quarter of a second at 100x content.
        while postings:
            postings.popitem()
        self._candidates = lru_cache(maxsize=512)(self._word_candidates)
        # The words of a query already typed are not matched again at the next keystroke.
        self._token_owners = lru_cache(maxsize=64)(self._owners_of_token)

    # -- building ------------------------------------------------------------------------

    def _owner(self, region: str, condition: str) -> int:
        key = (region, condition)
        if key not in self._owner_ids:
            self._owner_ids[key] = len(self._owners)
            self._owners.append(key)
        return self._owner_ids[key]

    def _add(
        self,
        postings: dict[str, dict[int, tuple[float, int]]],
        owner: int,
        field: str,
        texts: Iterable[str],
    ) -> None:
        weight = FIELD_WEIGHTS[field]
        for text in texts:
            entry = len(self._entries)
            found = words(text)
            canonical_text = " ".join(CANONICAL.get(word, word) for word in found)
            name_words = len(found) if field in _NAME_FIELDS else 0
            self._entries.append(_Entry(owner, field, text, name_words))
            # With a space in front, "in" finds a word that begins with a token.
            self._said.setdefault(owner, []).append(" " + canonical_text)
            canonical = [CANONICAL[word] for word in found if word in CANONICAL]
            for word in (*found, *canonical):
                owners = postings.setdefault(word, {})
                best = owners.get(owner)
                if best is None or best[0] < weight:
                    owners[owner] = (weight, entry)

    def _build(self, postings: dict[str, dict[int, tuple[float, int]]]) -> None:
        atlas = self._atlas
        for region in atlas.regions.values():
            owner = self._owner(region.id, "")
            self._add(postings, owner, "region", [region.name])
            self._add(postings, owner, "region alias", region.aliases)
            self._add(postings, owner, "summary", [region.summary])
            for text in (region.name, *region.aliases):
                for word in words(text):
                    self._regions_by_word.setdefault(word, set()).add(region.id)
            for link in region.conditions:
                # Commoner here ranks higher; so, a little, does more said about this site.
                penalty = _FREQUENCY_PENALTY.get(link.frequency, 2.0) - 0.02 * min(
                    len(link.notes), 10
                )
                self._condition_regions.setdefault(link.condition, []).append((region.id, penalty))
                link_owner = self._owner(region.id, link.condition)
                self._link_penalty[link_owner] = penalty
                self._links.setdefault(owner, []).append(
                    (self._owner("", link.condition), link_owner)
                )
                self._add(postings, link_owner, "site note", link.notes)
        for condition in atlas.conditions.values():
            owner = self._owner("", condition.id)
            if condition.must_not_miss:
                self._urgent.add(owner)
            self._add(postings, owner, "condition", [condition.name])
            self._add(postings, owner, "condition alias", condition.aliases)
            self._add(postings, owner, "named test", [test.name for test in condition.tests])
            self._add(postings, owner, "presentation", condition.presentations)
            self._add(postings, owner, "key feature", [condition.key_feature])
            self._add(postings, owner, "symptom", condition.symptoms)
            self._add(postings, owner, "sign", condition.signs)
            self._add(postings, owner, "imaging", [note.note for note in condition.imaging])
            self._add(postings, owner, "red flag", condition.red_flags)
        while self._condition_regions:
            condition_id, regions = self._condition_regions.popitem()
            regions.sort(key=lambda item: (item[1], self._region_order[item[0]]))
            # A result's key made once, not at each keystroke that finds the condition.
            self._condition_places[condition_id] = [
                ((region, condition_id), penalty) for region, penalty in regions
            ]

    # -- matching one word -----------------------------------------------------------------

    def _word_candidates(self, token: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words that match a query word, with a similarity of 0-100."""
        found: dict[str, float] = {}
        if token in self._ranked:
            found[token] = 100.0
        if len(token) < 2:
            return tuple(found.items())  # one letter: too many words begin with it
        # Prefixes: "kneec" finds "kneecap" while the word is still being typed.
        start = bisect_left(self._vocabulary, token)
        for word in self._vocabulary[start : start + 400]:
            if not word.startswith(token):
                break
            if word != token:
                found.setdefault(word, 90.0 + 8.0 * len(token) / len(word))
        if len(token) >= 4:
            cutoff = 80.0 if len(token) >= 6 else 74.0
            near = self._by_initial.get(token[0], [])
            for pool in (near, self._vocabulary):
                for word, score, _ in process.extract(
                    token, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=MAX_WORDS_PER_TOKEN
                ):
                    if score > found.get(word, 0.0):
                        # Typos rank below exact and prefix matches.
                        found[word] = score * 0.95
                if found:
                    break  # the whole vocabulary only when nothing starts the same way
        # The closest words only: "st" begins hundreds of words, none of them meant yet.
        best = sorted(found.items(), key=lambda item: -item[1])[:MAX_WORDS_PER_TOKEN]
        return tuple(best)

    def _owners_of_token(self, token: str) -> _TokenMatch:
        """Owners with a word matching this query word: (best score, its entry).

        Closest words first, best-described owners first, and no more than
        MAX_OWNERS_PER_TOKEN of them: a word as common as "pain" cannot make a
        keystroke slow, and what is cut scores below what is kept.
        """
        best = self._best_owners(token)
        links = self._links
        named = [
            (owner, score)
            for owner, (score, _) in best.items()
            if score >= NAMED_SCORE and owner in links
        ]
        return _TokenMatch(best, named)

    def _best_owners(self, token: str) -> dict[int, tuple[float, int]]:
        best: dict[int, tuple[float, int]] = {}
        for word, similarity in self._candidates(token):
            for owner, weight, entry_index in self._ranked[word]:
                score = weight * similarity
                current = best.get(owner)
                if current is None:
                    if len(best) >= MAX_OWNERS_PER_TOKEN:
                        return best
                    best[owner] = (score, entry_index)
                elif current[0] < score:
                    best[owner] = (score, entry_index)
        return best

    # -- the query ------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        tokens = list(dict.fromkeys(query_words(query)))
        if not tokens:
            return []
        matched: list[_TokenMatch] = []
        for token in tokens:
            match = self._token_owners(token)
            if not match.owners:
                if len(token) == 1 and token == tokens[-1] and matched:
                    # "hip f": a word begun, its first letter alone says nothing yet; the
                    # results of the words before stay, not "no match" until the next.
                    tokens = tokens[:-1]
                    break
                return []
            matched.append(match)
        scored = self._score_owners(matched, len(tokens))
        # Each owner gives at least one result, moved by at most a few points when
        # expanded: the best few hundred owners hold the best `limit` results.
        scored = heapq.nlargest(limit * 2 + 50, scored)
        if len(tokens) > 1:
            phrase = " " + " ".join(tokens)
            starts = [" " + token for token in tokens]
            scored = [
                (score + self._together(owner, phrase, starts), owner, entry)
                for score, owner, entry in scored
            ]
        return self._expand(scored, set(tokens), limit)

    def _together(self, owner: int, phrase: str, starts: list[str]) -> float:
        """More for an owner that says all the query's words in one text, most for the
        words as written: "hot swollen knee" is a presentation, not three matches. A
        condition that must not be missed wins a near tie."""
        said = self._owner_words.get(owner, "")
        # One C-level search over all its texts at once; a text at a time only when
        # every word is said somewhere.
        if phrase in said:
            return 6.0 + (1.0 if owner in self._urgent else 0.0)
        if not all(start in said for start in starts):
            return 0.0
        for text in said.split("\n"):
            if all(start in text for start in starts):
                return 3.0 + (1.0 if owner in self._urgent else 0.0)
        return 0.0

    def _score_owners(
        self, matched: list[_TokenMatch], token_count: int
    ) -> list[tuple[float, int, int]]:
        """(score, owner, entry) for owners matching every query word.

        "femoral neck stress fracture" names a region and a condition: a condition
        at a region whose name matched also counts, each word taken from the
        region, the condition or the site notes, whichever matched it best.
        """
        per_token = [match.owners for match in matched]
        ordered = sorted(per_token, key=len)
        rest = ordered[1:]
        entries = self._entries
        scored: list[tuple[float, int, int]] = []

        def keep(owner: int, total: float, best: tuple[float, int]) -> None:
            score = total / token_count
            name_words = entries[best[1]].name_words
            if name_words:
                # "Jones fracture" matches the name "Jones fracture" better than a longer one.
                score += 4.0 * min(1.0, token_count / name_words)
            scored.append((score, owner, best[1]))

        for owner, first in ordered[0].items():
            total, best = first[0], first
            for matches in rest:
                match = matches.get(owner)
                if match is None:
                    break
                total += match[0]
                if match[0] > best[0]:
                    best = match
            else:
                keep(owner, total, best)
        if token_count < 2:
            return scored
        done = {owner for _, owner, _ in scored}
        named = heapq.nlargest(
            MAX_NAMED_REGIONS,
            {owner: score for match in matched for owner, score in match.named}.items(),
            key=lambda item: item[1],
        )
        for region_owner, _ in named:
            for condition_owner, link_owner in self._links[region_owner]:
                if link_owner in done:
                    continue
                total, best, adds = 0.0, (0.0, 0), False
                for matches in per_token:
                    found = [
                        matches[o]
                        for o in (region_owner, condition_owner, link_owner)
                        if o in matches
                    ]
                    if not found:
                        break
                    match = max(found)
                    total += match[0]
                    best = max(best, match)
                    # The condition must say something the region's name did not.
                    adds = adds or match > matches.get(region_owner, (0.0, 0))
                else:
                    if adds:
                        keep(link_owner, total, best)
        return scored

    def _expand(
        self, scored: list[tuple[float, int, int]], tokens: set[str], limit: int
    ) -> list[Hit]:
        """Owners to (region, condition) results; a condition shows at each of its regions."""
        # "Achilles rupture": the Achilles tendon before the calf, as it names the region.
        named: dict[str, int] = {}
        for token in tokens:
            for region in self._regions_by_word.get(token, ()):
                named[region] = named.get(region, 0) + 1
        share = 1.0 / len(tokens)
        best: dict[tuple[str, str], tuple[float, int]] = {}
        owners, link_penalty, condition_places = (
            self._owners,
            self._link_penalty,
            self._condition_places,
        )
        found = best.get
        for score, owner, entry_index in scored:
            key = owners[owner]  # (region, condition): a result's key already
            if key[0]:
                places: Iterable[tuple[tuple[str, str], float]] = (
                    (key, link_penalty.get(owner, 0.0)),
                )
                lifted = False
            else:
                places = condition_places.get(key[1], ())
                lifted = bool(named)
            # Thousands of places at a keystroke at 100x content: the loop is kept bare.
            for place, penalty in places:
                final = score - penalty
                if lifted:
                    final += named.get(place[0], 0) * share
                current = found(place)
                if current is None or current[0] < final:
                    best[place] = (final, entry_index)
        order = self._region_order
        top = heapq.nlargest(limit + 20, best.items(), key=lambda item: item[1][0])
        top.sort(key=lambda item: (-round(item[1][0], 2), order.get(item[0][0], 0), item[0][1]))
        hits = []
        for (region, condition), (score, entry_index) in top[:limit]:
            entry = self._entries[entry_index]
            hits.append(Hit(region, condition, round(score, 2), entry.field, entry.text))
        return hits


@dataclass(frozen=True, slots=True)
class HitGroup:
    """One result row: a condition with the regions it matched at, best first
    (or a region on its own, when the region itself matched)."""

    condition: str  # "" for a region's own row
    regions: tuple[str, ...]
    best: Hit


def group_hits(hits: Iterable[Hit], limit: int = 30) -> list[HitGroup]:
    """Results grouped one row per condition, in the order of each group's best hit:
    a symptom query reads as a short differential, not one row per site."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        key = hit.condition or f"region:{hit.region}"
        groups.setdefault(key, []).append(hit)
    rows = [
        HitGroup(found[0].condition, tuple(dict.fromkeys(h.region for h in found)), found[0])
        for found in groups.values()
    ]
    return rows[:limit]
