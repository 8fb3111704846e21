"""Whether a rating sheet rates every project of its round once, in the round's way (pure)."""

from __future__ import annotations

from tally.rating import Level, RatingMethod, RatingRules
from voting.errors import BadRequest
from voting.evaluation.models import ItemRating, RatingSheet, Round


def check_sheet(found: Round, sheet: RatingSheet) -> list[tuple[int, str | None, dict[str, int] | None]]:
    """The sheet's rows if it rates every project of the round exactly once, in the round's way."""
    expected = {i.item_id for i in found.items}
    given = [r.item_id for r in sheet.ratings]
    if len(set(given)) != len(given) or set(given) != expected:
        raise BadRequest(
            "sheet_incomplete", "须对本轮每个项目各评价一次", "Rate every project of the round exactly once"
        )
    rows = []
    for rating in sheet.ratings:
        rows.append((rating.item_id, *_one(found.rules, rating)))
    return rows


def _one(rules: RatingRules, rating: ItemRating) -> tuple[str | None, dict[str, int] | None]:
    if rules.method is RatingMethod.LEVELS:
        if rating.level is None or rating.scores is not None:
            raise BadRequest("level_required", "请选择满意程度", "Choose a level for each project")
        if rating.level is Level.ABSTAIN and not rules.allow_abstain:
            raise BadRequest("abstain_not_allowed", "本轮测评不设弃权", "This round does not allow abstaining")
        return rating.level.value, None
    names = {i.name for i in rules.indicators}
    if rating.scores is None or rating.level is not None or set(rating.scores) != names:
        raise BadRequest("scores_required", "请为每项指标打分（0–100）", "Score every indicator (0–100)")
    return None, dict(rating.scores)
