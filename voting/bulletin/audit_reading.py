"""An audit entry in words: who did it (name and role), what, about what, and its detail as 项：值 pairs.

Pure: the names come in as one mapping from "kind:id" ("staff:3", "deputy:17", "vote:2", "program:1")
to a name, holding only what the viewer may name (voting.bulletin.audit_log looks them up within the
viewer's bodies); whatever is not in it reads as its kind and number, as the log has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from voting.bulletin.audit_words import (
    DETAIL_LABELS,
    RAW_DETAIL_ONLY,
    VALUES,
    action_words,
    object_words,
    role_words,
)
from voting.bulletin.models import AuditEntryView, AuditReading, DetailItem

# Detail keys whose values are ids of things with a name, and the kind of thing: shown by name.
NAMED_KEYS = {
    "deputy_id": "deputy",
    "staff_user_id": "staff",
    "program_id": "program",
    "session_id": "session",
    "body_id": "body",
    "parent_id": "body",
    "department_id": "department",
    "candidate_id": "candidate",
    "candidates": "candidate",
    "chosen": "candidate",
    "runoff_of": "vote",
}
# The object types whose objects have a name, and the kind of name.
NAMED_OBJECTS = {
    "staff_user": "staff",
    "deputy": "deputy",
    "vote": "vote",
    "session": "session",
    "program": "program",
    "body": "body",
    "candidate": "candidate",
    "department": "department",
}
# Detail keys listing people (or mapping them to what changed): shown as a head count.
PEOPLE_KEYS = frozenset({"deputy_ids", "added", "withdrawn_deputy_ids", "changed"})
# Detail keys whose values are ids of other objects without a name here: shown as #12.
ID_KEYS = frozenset({"suggestions", "about_item_id", "item_id", "item_ids", "items", "request_id"})
# Detail keys whose values are codes with words in VALUES.
CODE_KEYS = frozenset({"from", "to", "status", "mode", "kind", "channel", "via", "role", "source", "concerns", "level"})
# The actor `voting demo` and `voting drill` set things up as (an admin principal with no login behind it).
SET_UP_ACTOR = "staff:0"
LABEL_ORDER = {key: n for n, key in enumerate(DETAIL_LABELS)}
# A list longer than this reads as its length.
LIST_SHOWN = 6
# The fields a changed roster row lists (roster.updated), in words.
FIELD_WORDS = {**DETAIL_LABELS, "name": "姓名", "phone": "电话", "seat": "座位", "number": "代表编号"}


def mentioned(entries: Iterable[AuditEntryView]) -> dict[str, set[int]]:
    """The ids of named things the entries mention, by kind, as actors, objects or in their detail."""
    found: dict[str, set[int]] = {}
    for e in entries:
        kind, _, number = e.actor.partition(":")
        if kind in ("staff", "deputy") and number.isdigit():
            found.setdefault(kind, set()).add(int(number))
        if e.object_type in NAMED_OBJECTS and e.object_id.isdigit():
            found.setdefault(NAMED_OBJECTS[e.object_type], set()).add(int(e.object_id))
        for key, value in e.detail.items():
            if key not in NAMED_KEYS:
                continue
            ids = value if isinstance(value, list) else [value]
            found.setdefault(NAMED_KEYS[key], set()).update(i for i in ids if isinstance(i, int))
    return found


def actor_text(actor: str, role: str, names: Mapping[str, str]) -> str:
    """张三（秘书处）; 系统; 公众; a person the viewer may not name: their role and number, as the log has them."""
    kind, _, rest = actor.partition(":")
    if kind == "system":
        return "系统"
    if kind == "public":
        return "公众" if rest in ("", "public") else f"公众（{VALUES.get(rest, rest)}）"
    if actor == SET_UP_ACTOR:
        return "演示或演练的设置程序"
    role_zh = role_words(role)[0]
    name = names.get(actor)
    return f"{name}（{role_zh}）" if name else f"{role_zh} #{rest}"


def object_text(object_type: str, object_id: str, names: Mapping[str, str]) -> str:
    """表决「…」 by name where the viewer may name it, else 表决 #3; a failed login's hashed user name as such."""
    zh = object_words(object_type)[0]
    name = names.get(f"{NAMED_OBJECTS.get(object_type)}:{object_id}")
    if name:
        return f"{zh}「{name}」"
    if object_id.startswith("sha256:"):
        return f"{zh}（用户名已隐去）"
    return f"{zh} #{object_id}"


def value_text(key: str, value: Any, names: Mapping[str, str]) -> str:
    """One detail value in words; "" leaves the pair out (nothing to say, or only for the raw JSON)."""
    if isinstance(value, dict):  # nested: for the raw record, unless it maps people (a roster import's changes)
        return f"{len(value)} 人" if value and key in PEOPLE_KEYS else ""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return list_text(key, value, names)
    if key in NAMED_KEYS:
        return names.get(f"{NAMED_KEYS[key]}:{value}", f"#{value}")
    if key in ID_KEYS:
        return f"#{value}"
    if key in CODE_KEYS and isinstance(value, str):
        return VALUES.get(value, value)
    return str(value)


def list_text(key: str, values: list[Any], names: Mapping[str, str]) -> str:
    """A list: people as a head count, a long or nested list as its length, a short one item by item."""
    if key == "changed":  # a deputy's changed fields (roster.updated)
        return "、".join(FIELD_WORDS.get(str(v), str(v)) for v in values)
    if key in PEOPLE_KEYS:
        return f"{len(values)} 人"
    if len(values) > LIST_SHOWN or any(isinstance(v, (dict, list)) for v in values):
        return f"{len(values)} 项"
    return "、".join(value_text(key, v, names) for v in values)


def detail_items(action: str, detail: Mapping[str, Any], names: Mapping[str, str]) -> list[DetailItem]:
    """The detail's known keys as 项：值 pairs, in DETAIL_LABELS' order; the rest stays in the raw JSON."""
    if action in RAW_DETAIL_ONLY:
        return []
    items = []
    for key in sorted(detail.keys() & DETAIL_LABELS.keys(), key=LABEL_ORDER.__getitem__):
        text = value_text(key, detail[key], names)
        if text:
            items.append(DetailItem(label=DETAIL_LABELS[key], value=text))
    return items


def read_entry(entry: AuditEntryView, names: Mapping[str, str]) -> AuditReading:
    """The entry in words."""
    zh, en = action_words(entry.action)
    return AuditReading(
        action=zh,
        action_en=en,
        actor=actor_text(entry.actor, entry.role, names),
        object=object_text(entry.object_type, entry.object_id, names),
        detail=detail_items(entry.action, entry.detail, names),
    )
