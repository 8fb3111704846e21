"""The words the program pages show for stored codes, Chinese first."""

from __future__ import annotations

from voting.programs.phases import PHASE_NAMES, PHASES

STAGES = {
    "received": ("已收到", "Received"),
    "under_review": ("审查中", "Under review"),
    "on_hold": ("暂缓", "On hold"),
    "merged": ("已归并为候选项目", "Merged into a candidate"),
    "rejected": ("不予采纳", "Not adopted"),
    "put_to_vote": ("已提交票决", "Put to the vote"),
    "chosen": ("已票决入选", "Chosen"),
    "implemented": ("已实施完成", "Implemented"),
}
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
VETTING_STAGES = {
    "draft": ("待论证", "Draft"),
    "requested": ("论证中", "Requested"),
    "vetted": ("已论证", "Vetted"),
    "excluded": ("已排除", "Excluded"),
}

WORDS = {
    "phases": PHASES,
    "phase_names": PHASE_NAMES,
    "stages": STAGES,
    "ladder": LADDER,
    "sources": SOURCES,
    "exclusions": EXCLUSIONS,
    "vetting_stages": VETTING_STAGES,
}
