"""The drill's congress: N deputies all checked in, 12 candidates, key cards made, an open vote, tablet tokens."""

from __future__ import annotations

import secrets
from decimal import Decimal

import asyncpg
import msgspec

from tally.models import VoteRules
from voting.auth import Principal, Role
from voting.bodies.models import BodyCreate
from voting.bodies.service import create_body
from voting.live import LiveEvents
from voting.programs.models import CandidateCreate, ProgramCreate
from voting.programs.service import add_candidate, create_program
from voting.roster.models import DeputyCreate
from voting.roster.service import add_deputies
from voting.sealing.models import KeyCeremony, SealingKey
from voting.sealing.votes import make_vote_cards, vote_sealing_key
from voting.sessions.models import SessionCreate
from voting.sessions.service import bulk_check_in, create_session, seat_cards, tablet_login
from voting.settings import Settings
from voting.votes.lifecycle import create_vote, open_vote
from voting.votes.models import VoteCreate

DRILL = Principal(role=Role.ADMIN, subject_id=0, name="drill")
CANDIDATES = 12
SEATS = 10


class DrillCongress(msgspec.Struct):
    """What the load needs."""

    body_id: int
    session_id: int
    vote_id: int
    candidate_ids: list[int]
    tokens: list[str]  # one tablet token per deputy
    cards: list[str]  # the vote's key cards, as the scrutineers hold them
    key: SealingKey  # what the tablets seal to


async def set_up_congress(pool: asyncpg.Pool, settings: Settings, deputies: int) -> DrillCongress:
    """A fresh body and an open vote, every deputy logged in on a tablet through the real login path."""
    tag = secrets.token_hex(3)
    body_id = (await create_body(pool, DRILL, BodyCreate(name=f"演练人大{tag}", level="county"))).id
    added = await add_deputies(
        pool,
        DRILL,
        body_id,
        [DeputyCreate(name=f"代表{i:04d}", delegation=f"第{i % 20 + 1}代表团") for i in range(deputies)],
        "imported",
    )
    program = await create_program(pool, DRILL, ProgramCreate(body_id=body_id, year=2027, title=f"演练{tag}"))
    candidate_ids = [
        (
            await add_candidate(
                pool, DRILL, program.id, CandidateCreate(name=f"演练项目{i + 1}", cost_wan=Decimal(100))
            )
        ).id
        for i in range(CANDIDATES)
    ]
    session = await create_session(
        pool, DRILL, SessionCreate(body_id=body_id, program_id=program.id, title=f"演练会议{tag}")
    )
    live = LiveEvents(None)
    cards = await seat_cards(pool, settings, DRILL, session.id)
    tokens = [(await tablet_login(pool, live, settings, card.code)).token for card in cards]
    await bulk_check_in(pool, session.id, [d.id for d in added])
    vote = await create_vote(
        pool,
        DRILL,
        session.id,
        VoteCreate(
            title="演练票决",
            reason="演练：测量投票速度",
            candidate_ids=candidate_ids,
            rules=VoteRules(seats=SEATS),
        ),
    )
    made = await make_vote_cards(pool, DRILL, vote.id, KeyCeremony())
    await open_vote(pool, live, DRILL, vote.id)
    return DrillCongress(
        body_id=body_id,
        session_id=session.id,
        vote_id=vote.id,
        candidate_ids=candidate_ids,
        tokens=tokens,
        cards=[c.text for c in made.cards],
        key=await vote_sealing_key(pool, vote.id, staff=True),
    )
