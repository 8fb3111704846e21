"""Every group of roles, named once; the API guards (voting.auth.guards) and page access use these."""

from __future__ import annotations

from voting.auth.tokens import LOGIN_ROLES, STAFF_ROLES, Role

ADMINS = (Role.ADMIN,)
CLERKS = (Role.ADMIN, Role.CLERK)  # 秘书处: rosters, programs, intake, supervision
PRESIDING = (Role.ADMIN, Role.PRESIDING)  # 大会执行主席: runs the live votes
PRESIDIUM = (Role.ADMIN, Role.CLERK, Role.PRESIDING)  # 主席团 / 主任会议: the list, the method, changes
COUNTERS = (Role.TELLER, Role.SCRUTINEER)  # 计票人、监票人
TELLERS = (Role.TELLER,)
SCRUTINEERS = (Role.SCRUTINEER,)
BALLOT_BOX = (Role.ADMIN, Role.PRESIDING, Role.SCRUTINEER)  # 发出、封箱、收回 the paper ballots
COUNT_OPENERS = (Role.ADMIN, Role.PRESIDING, Role.SCRUTINEER)  # key cards: scrutineers, or the console they type into
CLERKS_OR_LIAISONS = (*CLERKS, Role.LIAISON)  # milestones and change requests on a project
PRESIDIUM_OR_LIAISONS = (*PRESIDIUM, Role.LIAISON)  # feasibility opinions: the department and who weighs them
LIAISONS = (Role.LIAISON,)
DEPUTIES = (Role.DEPUTY,)
STAFF = STAFF_ROLES
LOGINS = LOGIN_ROLES

# What each login role is called on the pages (Chinese, English): the staff header, the set-up pages
# and the audit log all read these words.
ROLE_WORDS: dict[str, tuple[str, str]] = {
    Role.ADMIN.value: ("管理员", "administrator"),
    Role.CLERK.value: ("秘书处", "clerk"),
    Role.PRESIDING.value: ("主持人", "presiding officer"),
    Role.TELLER.value: ("计票人", "teller"),
    Role.SCRUTINEER.value: ("监票人", "scrutineer"),
    Role.LIAISON.value: ("部门联络员", "department liaison"),
    Role.DEPUTY.value: ("代表", "deputy"),
}
