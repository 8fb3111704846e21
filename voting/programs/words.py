"""The words the program pages show for stored codes, Chinese first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypedDict

from voting.programs.models import Phase
from voting.programs.phases import CONGRESS_TZ, PHASE_NAMES, PHASES

STAGES = {
    "received": ("已收到", "Received"),
    "under_review": ("审查中", "Under review"),
    "on_hold": ("暂缓", "On hold"),
    "merged": ("已归并为候选项目", "Merged into a candidate"),
    "rejected": ("不予采纳", "Not adopted"),
    "put_to_vote": ("已提交票决", "Put to the vote"),
    "chosen": ("已票决入选", "Chosen"),
    "implemented": ("已实施完成", "Implemented"),
    # Branches off the ladder once merged: what became of the candidate.
    "candidate_excluded": ("所归并的候选项目未予采纳", "Its candidate was excluded"),
    "not_listed": ("未列入候选项目清单", "Not on the candidate list"),
    "not_chosen": ("票决未入选", "Not chosen in the vote"),
}
# Stages where the public ladder stops (the page shows the reason instead).
BRANCHES = ("rejected", "on_hold", "candidate_excluded", "not_listed", "not_chosen")
# The public ladder a suggestion climbs (rejected and on hold branch off it).
LADDER = ("received", "under_review", "merged", "put_to_vote", "chosen", "implemented")
SOURCES = {
    "public": ("群众", "Resident"),
    "deputy": ("人大代表", "Deputy"),
    "liaison_station": ("代表联络站", "Liaison station"),
    "department": ("职能部门", "Department"),
    "project_feedback": ("项目反馈", "Project feedback"),
}
EXCLUSIONS = {
    "office_building": ("楼堂馆所", "Office building"),
    "assigned_from_above": ("上级已下达任务", "Already assigned from above"),
    "debt_burden": ("新增债务或群众负担", "Adds debt or burden on residents"),
    "other": ("其他", "Other"),
}
# A listed candidate once the vote on the list is announced (the public program page).
OUTCOMES = {
    "chosen": ("入选", "Chosen"),
    "runoff": ("待再次投票", "Runoff to come"),
    "not_chosen": ("未入选", "Not chosen"),
}
VETTING_STAGES = {
    "draft": ("待论证", "Draft"),
    "requested": ("论证中", "Requested"),
    "vetted": ("已论证", "Vetted"),
    "excluded": ("已排除", "Excluded"),
}


def local_time(moment: dt.datetime | None, form: str = "%Y-%m-%d %H:%M") -> str:
    """A stored moment as the congress reads it (Asia/Shanghai), not in the server's zone."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # naive values are UTC, as PostgreSQL's timestamptz arrive
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(CONGRESS_TZ).strftime(form)


class ProgramWords(TypedDict):
    """What every program page's template looks codes up in (pages pass it as **WORDS)."""

    phases: tuple[Phase, ...]
    phase_names: dict[str, tuple[str, str]]
    stages: dict[str, tuple[str, str]]
    ladder: tuple[str, ...]
    branches: tuple[str, ...]
    sources: dict[str, tuple[str, str]]
    exclusions: dict[str, tuple[str, str]]
    vetting_stages: dict[str, tuple[str, str]]
    outcome_names: dict[str, tuple[str, str]]
    local_time: Callable[[dt.datetime | None, str], str]


WORDS: ProgramWords = {
    "phases": PHASES,
    "phase_names": PHASE_NAMES,
    "stages": STAGES,
    "ladder": LADDER,
    "branches": BRANCHES,
    "sources": SOURCES,
    "exclusions": EXCLUSIONS,
    "vetting_stages": VETTING_STAGES,
    "outcome_names": OUTCOMES,
    "local_time": local_time,
}
