"""What importing a roster file would do to a body's roster: who is added, changed, left alone.

The key that matches a row to a deputy (docs/roster-import.md):
- a row with a 代表编号 matches the deputy with that number; failing that, the one deputy of the
  same name and delegation who has no number yet (who thereby gets it); failing that, it is new;
- a row without a number matches the one deputy of the same name and delegation (of the same
  name alone when the file has no delegation column); failing that, it is new.
Two deputies who share a name and a delegation need numbers: a row without one that could be
either of them (on the roster or in the file) is refused.
So the same file imported twice changes nothing the second time. No file removes a deputy or
restores an ended term: those stay separate, audited acts.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

import msgspec

from voting.roster.file_rows import FIELDS, FileRow
from voting.roster.models import (
    Deputy,
    FieldChange,
    ImportPreview,
    ImportRowError,
    PlannedChange,
    PlannedDeputy,
)


def plan_import(roster: list[Deputy], rows: list[FileRow]) -> ImportPreview | list[ImportRowError]:
    """The preview of importing these rows into this roster, or every row that cannot be matched."""
    by_number = {d.number: d for d in roster if d.number}
    by_name: dict[str, list[Deputy]] = defaultdict(list)  # a county's 450 deputies × a 450-row file
    for deputy in roster:
        by_name[deputy.name].append(deputy)
    errors: list[ImportRowError] = []
    added: list[PlannedDeputy] = []
    changed: list[PlannedChange] = []
    unchanged = 0
    claimed: dict[int, int] = {}  # deputy id → the line that matched it
    numbers_in_file: dict[str, int] = {}
    people_in_file = Counter(person_key(row.values) for row in rows)
    for row in rows:
        number = row.values.get("number", "")
        if number and number in numbers_in_file:
            errors.append(same_number(row.line, numbers_in_file[number]))
            continue
        if number:
            numbers_in_file[number] = row.line
        elif people_in_file[person_key(row.values)] > 1:
            # Without a number this row could be either of the file's namesakes, now or next time.
            errors.append(ImportRowError(row.line, *TWICE_IN_FILE))
            continue
        match = by_number.get(number) if number else None
        if match is None:
            namesakes = by_name[row.values["name"]]
            candidates = [d for d in namesakes if same_person(d, row.values) and not (number and d.number)]
            if len(candidates) > 1:
                errors.append(ImportRowError(row.line, *AMBIGUOUS))
                continue
            match = candidates[0] if candidates else None
        if match is None:
            added.append(PlannedDeputy(line=row.line, **{f: row.values.get(f, "") for f in FIELDS}))
            continue
        if match.id in claimed:
            errors.append(matched_twice(row.line, claimed[match.id]))
            continue
        claimed[match.id] = row.line
        changes = field_changes(match, row.values)
        if changes:
            ended = not match.active
            changed.append(PlannedChange(row.line, match.id, match.name, changes, ended))
        else:
            unchanged += 1
    if errors:
        return errors
    has_numbers = any("number" in row.values for row in rows)
    preview = ImportPreview(
        digest="",
        key="number" if has_numbers else "name_delegation",
        added=added,
        changed=changed,
        unchanged=unchanged,
        not_in_file=sum(1 for d in roster if d.active and d.id not in claimed),
    )
    preview.digest = plan_digest(roster, preview)
    return preview


AMBIGUOUS = (
    "名单中有两位以上同名且同代表团的代表，请在文件中填写“代表编号”列加以区分",
    "Several deputies share this name and delegation: add a 代表编号 (number) column to tell them apart",
)
TWICE_IN_FILE = (
    "文件中同名且同代表团的代表不止一行；如确是不同的人，请给每一行填写“代表编号”",
    "This name and delegation are on more than one row; if they are different people, give each row a 代表编号",
)


def same_number(line: int, first: int) -> ImportRowError:
    """A number the file already gave another row."""
    return ImportRowError(line, f"代表编号与第{first}行重复", f"Same deputy number as line {first}")


def matched_twice(line: int, first: int) -> ImportRowError:
    """Two rows of the file that are the same deputy."""
    return ImportRowError(line, f"与第{first}行是同一位代表", f"The same deputy as line {first}")


def person_key(values: dict[str, str]) -> tuple[str, str | None]:
    """Name and (when the file has the column) delegation: who a row without a number is."""
    return values["name"], values.get("delegation")


def same_person(deputy: Deputy | PlannedDeputy, values: dict[str, str]) -> bool:
    """Same name, and same delegation when the file has a delegation column."""
    if deputy.name != values["name"]:
        return False
    return "delegation" not in values or deputy.delegation == values["delegation"]


def field_changes(deputy: Deputy, values: dict[str, str]) -> list[FieldChange]:
    """The fields the file gives differently; an empty number in the file keeps the deputy's."""
    found = []
    for field in FIELDS:
        if field not in values or (field == "number" and not values[field]):
            continue
        before = getattr(deputy, field)
        if before != values[field]:
            found.append(FieldChange(field=field, before=before, after=values[field]))
    return found


def plan_digest(roster: list[Deputy], preview: ImportPreview) -> str:
    """A fingerprint of the plan and of the whole roster it was made against."""
    snapshot = sorted(roster, key=lambda d: d.id)
    blob = msgspec.json.encode([snapshot, preview.added, preview.changed, preview.unchanged])
    return hashlib.sha256(blob).hexdigest()
