"""Yearly programs (年度民生实事项目计划) and their candidate projects; phases and their calendar."""

from voting.programs.models import (
    Candidate,
    CandidateCreate,
    PhaseChange,
    PhaseDate,
    Program,
    ProgramCreate,
    ProgramDetail,
    ProgramSchedule,
)
from voting.programs.phases import CONGRESS_TZ, PHASE_NAMES, PHASES, congress_today, in_window, solicit_window
from voting.programs.schedule import change_phase, get_program, load_program, require_intake_open, set_schedule
from voting.programs.service import (
    add_candidate,
    append_candidate,
    count_suggestions,
    create_program,
    list_candidates,
    list_programs,
)

__all__ = [
    "CONGRESS_TZ",
    "PHASES",
    "PHASE_NAMES",
    "Candidate",
    "CandidateCreate",
    "PhaseChange",
    "PhaseDate",
    "Program",
    "ProgramCreate",
    "ProgramDetail",
    "ProgramSchedule",
    "add_candidate",
    "append_candidate",
    "change_phase",
    "congress_today",
    "count_suggestions",
    "create_program",
    "get_program",
    "in_window",
    "list_candidates",
    "list_programs",
    "load_program",
    "require_intake_open",
    "set_schedule",
    "solicit_window",
]
