"""HTTP: paper ballots, count roles, the recorded steps, tellers' double entry and sign-off."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import presiding, provide_principal, staff_only
from voting.auth.guards import ballot_box, counters, scrutineers, tellers
from voting.paper import counting, reading, service, staffing
from voting.paper.models import (
    Assignment,
    ChiefTransfer,
    ConflictDeclare,
    Counter,
    CounterAssign,
    CountingStaffUser,
    CountReport,
    IssuedCount,
    PaperCount,
    Progress,
    Reading,
    Recount,
    RunningCount,
    SheetEntry,
    StepCount,
)

BASE = "/api/votes/{vote_id:int}/paper"
TAGS = ["paper"]


async def tell_screens(state: State, vote_id: int) -> None:
    """Tell the session's screens the paper count moved (they fetch what they may see)."""
    session_id = await service.session_of_vote(state.pool, vote_id)
    if session_id is not None:
        state.live.publish(session_id, "paper_count", {"vote_id": vote_id})


@get(BASE, guards=[staff_only], summary="The paper count", tags=TAGS)
async def get_paper_count(state: State, vote_id: FromPath[int]) -> PaperCount:
    """Mode, round, state, tellers and scrutineers, every recorded step, the signed report."""
    return await service.paper_count(state.pool, vote_id)


@post(f"{BASE}/counters", guards=[presiding], summary="Assign a teller or scrutineer", tags=TAGS)
async def assign_counter(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[CounterAssign]
) -> list[Counter]:
    """计票人 / 监票人 / 总监票人 for this vote."""
    return await service.assign_counter(state.pool, await provide_principal(request), vote_id, data)


@post(f"{BASE}/issued", guards=[ballot_box], status_code=200, summary="发出: ballots issued", tags=TAGS)
async def record_issued(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[IssuedCount]
) -> PaperCount:
    """How many paper ballots were handed out this round; more than present needs beyond_present (409 otherwise)."""
    done = await service.record_issued(state.pool, await provide_principal(request), vote_id, data)
    await tell_screens(state, vote_id)
    return done


@post(
    f"{BASE}/issued/{{deputy_id:int}}",
    guards=[ballot_box],
    status_code=200,
    summary="A paper ballot to a deputy",
    tags=TAGS,
)
async def issue_to_deputy(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], deputy_id: FromPath[int]
) -> PaperCount:
    """Record that this deputy took a paper ballot (blocks the tablet; refused if they voted by tablet)."""
    return await service.issue_to_deputy(state.pool, await provide_principal(request), vote_id, deputy_id)


@post(f"{BASE}/box-sealed", guards=[ballot_box], status_code=200, summary="Box checked and sealed", tags=TAGS)
async def seal_box(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> PaperCount:
    """验箱、封箱."""
    done = await service.seal_box(state.pool, await provide_principal(request), vote_id)
    await tell_screens(state, vote_id)
    return done


@post(f"{BASE}/returned", guards=[ballot_box], status_code=200, summary="收回: ballots returned", tags=TAGS)
async def record_returned(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[StepCount]
) -> PaperCount:
    """Ballots found in the box; more than issued voids the round (选举法 §44)."""
    done = await service.record_returned(state.pool, await provide_principal(request), vote_id, data.count)
    await tell_screens(state, vote_id)
    return done


@post(f"{BASE}/restart", guards=[presiding], status_code=200, summary="Start a void round again", tags=TAGS)
async def restart_round(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[Recount]
) -> PaperCount:
    """After a void round: a new paper round of the same vote (paper issues are withdrawn)."""
    done = await service.restart_round(state.pool, await provide_principal(request), vote_id, data.reason)
    await tell_screens(state, vote_id)
    return done


@post(f"{BASE}/entries", guards=[tellers], status_code=200, summary="A teller enters a sheet", tags=TAGS)
async def enter_sheet(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[SheetEntry]
) -> Progress:
    """One returned sheet as this teller reads it (double entry: two tellers enter every sheet)."""
    done = await counting.enter_sheet(state.pool, await provide_principal(request), vote_id, data)
    await tell_screens(state, vote_id)
    return done


@get(f"{BASE}/progress", guards=[staff_only], summary="Entry progress and discrepancies", tags=TAGS)
async def progress(state: State, vote_id: FromPath[int]) -> Progress:
    """Sheets entered per teller, agreed, discrepancies for the scrutineers, missing."""
    return await counting.progress(state.pool, vote_id)


@post(
    f"{BASE}/sheets/{{sheet:int}}/resolution",
    guards=[scrutineers],
    status_code=200,
    summary="Resolve a sheet",
    tags=TAGS,
)
async def resolve_sheet(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], sheet: FromPath[int], data: JSONBody[Reading]
) -> Progress:
    """A scrutineer records the correct reading of a disputed sheet."""
    done = await counting.resolve_sheet(state.pool, await provide_principal(request), vote_id, sheet, data)
    await tell_screens(state, vote_id)
    return done


@get(f"{BASE}/report", guards=[staff_only], summary="The draft count report", tags=TAGS)
async def count_report(state: State, vote_id: FromPath[int]) -> CountReport:
    """Issued, returned, valid, invalid, blank, every candidate's votes (electronic + paper)."""
    return await counting.count_report(state.pool, vote_id)


@post(f"{BASE}/sign-off", guards=[scrutineers], status_code=200, summary="Chief scrutineer signs off", tags=TAGS)
async def sign_off(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> PaperCount:
    """总监票人 confirms the count report; afterwards nothing can be edited."""
    done = await counting.sign_off(state.pool, await provide_principal(request), vote_id)
    await tell_screens(state, vote_id)
    return done


@post(f"{BASE}/recount", guards=[scrutineers], status_code=200, summary="A recorded recount", tags=TAGS)
async def recount(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[Recount]
) -> PaperCount:
    """Withdraw the sign-off for a correction, with a reason."""
    done = await counting.recount(state.pool, await provide_principal(request), vote_id, data.reason)
    await tell_screens(state, vote_id)
    return done


@get("/api/paper/assignments", guards=[counters], summary="The votes I count", tags=TAGS)
async def my_assignments(request: Request[Any, Any, Any], state: State) -> list[Assignment]:
    """For a teller or scrutineer: the votes they are assigned to, newest first."""
    return await staffing.my_assignments(state.pool, await provide_principal(request))


@get("/api/paper/staff", guards=[presiding], summary="Teller and scrutineer accounts", tags=TAGS)
async def counting_staff(request: Request[Any, Any, Any], state: State) -> list[CountingStaffUser]:
    """Active teller and scrutineer accounts of the caller's body, to assign to its votes."""
    return await staffing.counting_staff(state.pool, (await provide_principal(request)).body_id)


@post(f"{BASE}/conflicts", guards=[counters], summary="Declare a conflict of interest", tags=TAGS)
async def declare_conflict(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[ConflictDeclare]
) -> PaperCount:
    """An assigned teller or scrutineer declares a conflict with a candidate (shown on the report and 公告)."""
    return await staffing.declare_conflict(state.pool, await provide_principal(request), vote_id, data)


@post(f"{BASE}/chief", guards=[presiding], status_code=200, summary="Name another chief scrutineer", tags=TAGS)
async def transfer_chief(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[ChiefTransfer]
) -> PaperCount:
    """Another assigned scrutineer with no declared conflict becomes 总监票人."""
    return await staffing.transfer_chief(state.pool, await provide_principal(request), vote_id, data)


@get(f"{BASE}/reading", summary="唱票: the running count of paper ballots read", tags=TAGS)
async def running_count(state: State, vote_id: FromPath[int]) -> RunningCount:
    """Public, like the reading in the hall: paper sheets only; a mixed vote's figures once tablets are done."""
    return await reading.running_count(state.pool, vote_id)


ROUTES = [
    my_assignments,
    counting_staff,
    declare_conflict,
    transfer_chief,
    running_count,
    get_paper_count,
    assign_counter,
    record_issued,
    issue_to_deputy,
    seal_box,
    record_returned,
    restart_round,
    enter_sheet,
    progress,
    resolve_sheet,
    count_report,
    sign_off,
    recount,
]

__all__ = ["ROUTES"]
