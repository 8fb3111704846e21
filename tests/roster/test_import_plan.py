"""The import plan on its own (no database): whatever the roster and the file, applying the plan and
planning the same file again finds nothing more to do."""

from __future__ import annotations

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from voting.roster.file_rows import FileRow
from voting.roster.import_plan import plan_import
from voting.roster.models import Deputy, ImportPreview

NAMES = st.sampled_from(["王伟", "李娜", "张伟", "刘洋"])
DELEGATIONS = st.sampled_from(["一组", "二组"])
NUMBERS = st.sampled_from(["", "", "A1", "A2", "A3"])
SHORT = st.sampled_from(["", "1", "2"])


@st.composite
def rosters(draw: st.DrawFn) -> list[Deputy]:
    """Deputies with unique numbers (as the database keeps them)."""
    deputies, used = [], set()
    for n in range(draw(st.integers(0, 6))):
        number = draw(NUMBERS)
        if number in used:
            number = ""
        used.add(number or None)
        deputies.append(
            Deputy(
                id=n + 1,
                body_id=1,
                name=draw(NAMES),
                delegation=draw(DELEGATIONS),
                seat=draw(SHORT),
                phone=draw(SHORT),
                active=draw(st.booleans()),
                number=number,
            )
        )
    return deputies


@st.composite
def files(draw: st.DrawFn) -> list[FileRow]:
    """Rows with the same columns each (name always; the others or not)."""
    columns = ["name", *draw(st.sets(st.sampled_from(["delegation", "seat", "phone", "number"])))]
    fields = {"name": NAMES, "delegation": DELEGATIONS, "seat": SHORT, "phone": SHORT, "number": NUMBERS}
    return [
        FileRow(line=line, values={c: draw(fields[c]) for c in columns})
        for line in range(2, 2 + draw(st.integers(0, 6)))
    ]


def applied(roster: list[Deputy], plan: ImportPreview) -> list[Deputy]:
    """The roster after the plan, as confirm_import writes it."""
    after = {d.id: d for d in roster}
    for change in plan.changed:
        after[change.deputy_id] = msgspec.structs.replace(
            after[change.deputy_id], **{c.field: c.after for c in change.changes}
        )
    next_id = max(after, default=0) + 1
    for n, new in enumerate(plan.added):
        fields = msgspec.structs.asdict(new)
        del fields["line"]
        after[next_id + n] = Deputy(id=next_id + n, body_id=1, active=True, **fields)
    return list(after.values())


@given(rosters(), files())
def test_the_same_file_again_changes_nothing(roster: list[Deputy], rows: list[FileRow]) -> None:
    plan = plan_import(roster, rows)
    if not isinstance(plan, ImportPreview):
        assert plan and all(e.line in {r.line for r in rows} for e in plan)
        return
    again = plan_import(applied(roster, plan), rows)
    assert isinstance(again, ImportPreview)
    assert again.added == [] and again.changed == []
    assert again.unchanged == len(rows)


@given(rosters(), files())
def test_the_digest_changes_with_the_roster(roster: list[Deputy], rows: list[FileRow]) -> None:
    plan = plan_import(roster, rows)
    if not isinstance(plan, ImportPreview) or not roster:
        return
    edited = [msgspec.structs.replace(roster[0], seat=roster[0].seat + "x"), *roster[1:]]
    replanned = plan_import(edited, rows)
    assert not isinstance(replanned, ImportPreview) or replanned.digest != plan.digest


def test_two_namesakes_in_one_delegation_need_numbers() -> None:
    roster = [
        Deputy(id=1, body_id=1, name="王伟", delegation="一组", seat="", phone="", active=True),
        Deputy(id=2, body_id=1, name="王伟", delegation="一组", seat="", phone="", active=True),
    ]
    refused = plan_import(roster, [FileRow(5, {"name": "王伟", "delegation": "一组"})])
    assert not isinstance(refused, ImportPreview) and refused[0].line == 5
