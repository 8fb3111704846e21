"""An audit entry in words (pure): who, what, about what, and the detail as 项：值 pairs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from voting.bulletin.audit_reading import actor_text, detail_items, mentioned, read_entry
from voting.bulletin.models import AuditEntryView

NAMES = {"staff:3": "张三", "deputy:17": "李四", "vote:2": "2027年民生实事项目票决", "candidate:5": "城东幼儿园"}


def entry(action: str, actor: str = "system", role: str = "system", **detail: Any) -> AuditEntryView:
    return AuditEntryView(
        seq=1,
        at=datetime(2026, 11, 30, tzinfo=UTC),
        actor=actor,
        role=role,
        action=action,
        object_type="vote",
        object_id="2",
        detail=detail,
        hash="00",
    )


def pairs(action: str, **detail: Any) -> list[tuple[str, str]]:
    return [(i.label, i.value) for i in detail_items(action, detail, NAMES)]


def test_actors_read_as_names_and_roles_never_as_codes() -> None:
    assert actor_text("staff:3", "clerk", NAMES) == "张三（秘书处）"
    assert actor_text("deputy:17", "deputy", NAMES) == "李四（代表）"
    assert actor_text("system", "system", NAMES) == "系统"
    assert actor_text("public", "public", NAMES) == "公众"
    assert actor_text("public:public", "public", NAMES) == "公众"
    assert actor_text("public:project_feedback", "public", NAMES) == "公众（项目反馈）"
    # Someone the viewer may not name reads as the log already had them: role and number.
    assert actor_text("staff:9", "admin", NAMES) == "管理员 #9"


def test_an_entry_reads_in_words() -> None:
    reading = read_entry(entry("vote.announced", "staff:3", "presiding"), NAMES)
    assert (reading.action, reading.action_en) == ("宣布表决结果", "Result announced")
    assert reading.actor == "张三（主持人）"  # the role the entry recorded
    assert reading.object == "表决「2027年民生实事项目票决」"
    assert read_entry(entry("vote.paused"), NAMES).action == "vote.paused"  # no words yet: the code, not a blank


def test_details_read_as_pairs_in_a_fixed_order() -> None:
    assert pairs("practice.ended", pressed=3, present=110) == [("出席", "110"), ("已按键", "3")]
    assert pairs("attendance.present", deputy_id=17, via="tablet") == [("代表", "李四"), ("方式", "平板")]
    assert pairs("vote.tallied", chosen=[5, 6], seats=2) == [("名额", "2"), ("入选项目", "城东幼儿园、#6")]
    assert pairs("program.phase_changed", to="shortlist", concerns=["nothing_collected"]) == [
        ("新阶段", "初定"),
        ("提醒", "征集阶段未收到意见建议"),
    ]
    assert pairs("vote.closed", ballots_cast=3, awaiting_keys=True) == [("投票数", "3"), ("待钥匙卡开票", "是")]


def test_people_are_counted_and_technical_keys_stay_raw() -> None:
    assert pairs("ballot.issued", channel="tablet", deputy_ids=[17, 18, 19]) == [("代表", "3 人"), ("投票方式", "平板")]
    assert pairs("roster.imported", added=[1, 2], changed={"17": ["phone"]}, unchanged=40) == [
        ("新增代表", "2 人"),
        ("修改", "1 人"),
        ("未变", "40"),
    ]
    assert pairs("roster.updated", changed=["phone", "seat"]) == [("修改", "电话、座位")]
    assert pairs("sealing.key_made", fingerprint="ab", public_key="cd", threshold=2) == [("开票所需钥匙卡", "2")]
    assert pairs("vote.result_signed", kind="result", signature="ef") == []
    assert pairs("vote.opened", something_new=1) == []  # an unknown key waits in the raw record


def test_the_names_wanted_are_the_ones_mentioned() -> None:
    e = entry("paper.chief_assigned", "staff:3", "clerk", staff_user_id=4, candidates=[5, 6])
    assert mentioned([e]) == {"staff": {3, 4}, "vote": {2}, "candidate": {5, 6}}
