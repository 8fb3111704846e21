"""How alike two suggestions read, for proposing duplicates to merge (pure: no I/O).

pg_trgm compares three-character pieces, which suits words with spaces between them;
short Chinese titles share few of those (县城第二座体育馆 and 城东建体育馆 share only
体育馆), and long descriptions drown the title. Here two-character pieces (bigrams) of
the title count most, the whole text less, and pieces common to most of the program's
suggestions (县城, 建设, 希望…) weigh little, so 县城 alone does not make 县城地下停车场 a
duplicate of a gym. Same category, then same place, break ties.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TITLE_WEIGHT = 0.7  # the rest goes to the whole text (title and description)
NOT_TEXT = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Text:
    """One suggestion as the comparison needs it."""

    id: int
    title: str
    description: str
    category: str = ""
    place: str = ""


def bigrams(text: str) -> set[str]:
    """The two-character pieces of each run of letters, digits or CJK characters (a lone one counts alone)."""
    pieces: set[str] = set()
    for run in NOT_TEXT.split(text.lower()):
        if len(run) == 1:
            pieces.add(run)
        pieces.update(run[i : i + 2] for i in range(len(run) - 1))
    return pieces


def weights(texts: Iterable[set[str]]) -> dict[str, float]:
    """Inverse document frequency of each piece among these texts: rare pieces say more."""
    frequency: Counter[str] = Counter()
    count = 0
    for pieces in texts:
        frequency.update(pieces)
        count += 1
    return {piece: math.log(1 + count / n) for piece, n in frequency.items()}


def dice(a: set[str], b: set[str], weight: dict[str, float]) -> float:
    """Weighted Dice coefficient: 1 for the same pieces, 0 for none in common."""
    total = sum(weight.get(p, 1.0) for p in a) + sum(weight.get(p, 1.0) for p in b)
    if total == 0:
        return 0.0
    return 2 * sum(weight.get(p, 1.0) for p in a & b) / total


def rank_similar(target: Text, others: Sequence[Text], limit: int, floor: float = 0.08) -> list[tuple[Text, float]]:
    """The others most like target, best first, with a score in [0, 1]; below floor is left out."""
    titles = {t.id: bigrams(t.title) for t in (target, *others)}
    whole = {t.id: bigrams(f"{t.title} {t.description}") for t in (target, *others)}
    title_weight = weights(titles.values())
    text_weight = weights(whole.values())
    scored = []
    for other in others:
        if other.id == target.id:
            continue
        score = TITLE_WEIGHT * dice(titles[target.id], titles[other.id], title_weight) + (1 - TITLE_WEIGHT) * dice(
            whole[target.id], whole[other.id], text_weight
        )
        if score >= floor:
            same_category = bool(target.category) and other.category == target.category
            same_place = bool(target.place) and other.place == target.place
            scored.append((round(score, 4), same_category, same_place, -other.id, other))
    scored.sort(key=lambda s: s[:4], reverse=True)
    return [(s[4], s[0]) for s in scored[:limit]]
