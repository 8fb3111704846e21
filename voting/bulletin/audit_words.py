"""The words the audit viewer shows for the codes the log stores, Chinese first.

One place for every action the service records; the log, its hashes, the archive and the
CSV keep the codes. tests/bulletin/test_audit_words.py fails when code records an action
that has no words here.
"""

from __future__ import annotations

from voting.auth import ROLE_WORDS

Words = tuple[str, str]

ACTIONS: dict[str, Words] = {
    # Logins and accounts
    "staff.logged_in": ("登录", "Logged in"),
    "staff.logged_out": ("退出登录", "Logged out"),
    "staff.login_failed": ("登录失败", "Failed login"),
    "staff.password_reset": ("重置密码", "Password reset"),
    "staff.account_created": ("新建工作人员账号", "Staff login created"),
    "staff.account_changed": ("修改工作人员账号", "Staff login changed"),
    "staff.account_set": ("设置工作人员账号", "Staff login set"),
    "staff.first_admin_created": ("创建首个管理员", "First administrator created"),
    # Bodies, rosters, departments
    "body.created": ("新建人大", "Body created"),
    "body.edited": ("修改人大信息", "Body edited"),
    "roster.added": ("新增代表", "Deputy added"),
    "roster.imported": ("导入代表名册", "Roster imported"),
    "roster.updated": ("修改代表信息", "Deputy edited"),
    "roster.deleted": ("删除误录的代表", "Deputy deleted"),
    "department.created": ("新建职能部门", "Department created"),
    "department.liaison_set": ("设置部门联络员", "Department liaison set"),
    # Programs, suggestions, vetting, the list
    "program.created": ("新建年度项目计划", "Program created"),
    "program.scheduled": ("设定阶段日程", "Program schedule set"),
    "program.phase_changed": ("转入下一阶段", "Phase changed"),
    "suggestion.filed": ("收到意见建议", "Suggestion filed"),
    "suggestion.under_review": ("意见建议转入审查", "Suggestion under review"),
    "suggestion.merged": ("意见建议归并为候选项目", "Suggestion merged"),
    "suggestion.rejected": ("意见建议不予采纳", "Suggestion rejected"),
    "suggestion.on_hold": ("意见建议暂缓", "Suggestion on hold"),
    "candidate.added": ("新增候选项目", "Candidate added"),
    "candidate.exclusion": ("候选项目排除或恢复", "Candidate exclusion set"),
    "candidate.visit_note": ("记录调研走访", "Visit note recorded"),
    "feasibility.requested": ("请部门出具论证意见", "Feasibility opinion requested"),
    "feasibility.answered": ("部门出具论证意见", "Feasibility opinion given"),
    "feasibility.revised": ("部门修改论证意见", "Feasibility opinion revised"),
    "list.ordered": ("调整候选项目顺序", "List order changed"),
    "list.method": ("设定票决办法", "Voting method set"),
    "list.fixed": ("确定候选项目清单", "Candidate list fixed"),
    "list.reopened": ("重新打开候选项目清单", "Candidate list reopened"),
    # Sessions and attendance
    "session.created": ("新建会议", "Session created"),
    "session.edited": ("修改会议", "Session edited"),
    "attendance.present": ("签到", "Checked in"),
    "attendance.leave": ("请假", "On leave"),
    "attendance.absent": ("改为未到", "Marked absent"),
    "attendance.bulk_present": ("全体签到", "All checked in"),
    "login_code.created": ("生成座位卡登录码", "Seat-card codes made"),
    "login_code.reissued": ("重发登录码", "Login code reissued"),
    # Votes
    "practice.started": ("开始试表决", "Practice vote started"),
    "practice.ended": ("结束试表决", "Practice vote ended"),
    "vote.created": ("新建表决", "Vote created"),
    "vote.withdrawn": ("撤回表决", "Vote withdrawn"),
    "sealing.key_made": ("制作开票钥匙卡", "Key cards made"),
    "vote.opened": ("开始投票", "Vote opened"),
    "ballot.issued": ("代表投票（只记投票人，不记内容）", "Deputies voted (who, never what)"),
    "vote.closed": ("结束投票", "Vote closed"),
    "vote.unsealed": ("用钥匙卡开启密封选票", "Sealed ballots opened"),
    "vote.tallied": ("计票完成", "Counted"),
    "vote.announced": ("宣布表决结果", "Result announced"),
    "vote.result_signed": ("表决结果电子签名", "Result signed"),
    "vote.runoff_not_held": ("不再另行投票", "Runoff not held"),
    # Paper ballots
    "paper.chief_assigned": ("指定总监票人", "Chief scrutineer assigned"),
    "paper.counter_assigned": ("指定计票监票人员", "Counter assigned"),
    "paper.conflict_declared": ("申报回避", "Conflict of interest declared"),
    "paper.issued": ("发出纸质选票", "Paper ballots issued"),
    "paper.box_sealed": ("封存票箱", "Ballot box sealed"),
    "paper.returned": ("收回纸质选票", "Paper ballots returned"),
    "paper.round_void": ("本轮投票无效", "Round void"),
    "paper.round_restarted": ("重新投票", "Round restarted"),
    "paper.sheet_entered": ("录入纸质选票", "Paper ballot entered"),
    "paper.sheet_resolved": ("裁定纸质选票", "Paper ballot resolved"),
    "paper.recount": ("重新计票", "Recount"),
    "paper.signed_off": ("总监票人确认计票报告", "Count signed off"),
    # Supervision
    "implementation.items_created": ("建立实施项目", "Projects put in implementation"),
    "implementation.updated": ("修改实施项目", "Project edited"),
    "implementation.milestone_added": ("新增实施节点", "Milestone added"),
    "implementation.status_set": ("设定实施状态", "Project status set"),
    "report.submitted": ("提交进展报告", "Progress report submitted"),
    "report.published": ("发布进展报告", "Progress report published"),
    "report.returned": ("退回进展报告", "Progress report returned"),
    "inspection.recorded": ("记录代表视察", "Inspection recorded"),
    "issue.answered": ("答复视察问题", "Issue answered"),
    "issue.closed": ("视察问题办结", "Issue closed"),
    "issue.reopened": ("重新打开视察问题", "Issue reopened"),
    "change.requested": ("申请项目调整", "Change requested"),
    "change.decided": ("决定项目调整", "Change decided"),
    # Evaluation
    "evaluation.created": ("新建满意度测评", "Rating round created"),
    "evaluation.opened": ("开始满意度测评", "Rating round opened"),
    "evaluation.sheet_submitted": ("代表提交测评表（不记内容）", "Rating sheet submitted (never what)"),
    "evaluation.rating_ended": ("停止测评", "Rating ended"),
    "evaluation.unsealed": ("用钥匙卡开启测评表", "Rating sheets opened"),
    "evaluation.closed": ("公布测评结果", "Rating round closed"),
    "evaluation.voided": ("测评人数不足，不出结果", "Rating round void"),
}

# The groups the action filter lists, by the code's first word.
ACTION_GROUPS: dict[str, Words] = {
    "staff": ("登录和账号", "Logins"),
    "body": ("人大", "Bodies"),
    "roster": ("代表名册", "Roster"),
    "department": ("职能部门", "Departments"),
    "program": ("项目计划", "Programs"),
    "suggestion": ("意见建议", "Suggestions"),
    "candidate": ("候选项目", "Candidates"),
    "feasibility": ("论证意见", "Feasibility"),
    "list": ("候选项目清单", "Candidate list"),
    "session": ("会议", "Sessions"),
    "attendance": ("签到", "Attendance"),
    "login_code": ("登录码", "Login codes"),
    "practice": ("试表决", "Practice vote"),
    "vote": ("表决", "Votes"),
    "sealing": ("开票钥匙卡", "Key cards"),
    "ballot": ("投票", "Ballots"),
    "paper": ("纸质选票", "Paper ballots"),
    "implementation": ("实施项目", "Implementation"),
    "report": ("进展报告", "Progress reports"),
    "inspection": ("视察", "Inspections"),
    "issue": ("视察问题", "Issues"),
    "change": ("项目调整", "Changes"),
    "evaluation": ("满意度测评", "Evaluation"),
}

ROLES: dict[str, Words] = {
    **ROLE_WORDS,
    "system": ("系统", "system"),
    "public": ("公众", "public"),
}

OBJECTS: dict[str, Words] = {
    "body": ("人大", "body"),
    "deputy": ("代表", "deputy"),
    "department": ("职能部门", "department"),
    "staff_user": ("工作人员账号", "staff login"),
    "program": ("项目计划", "program"),
    "suggestion": ("意见建议", "suggestion"),
    "candidate": ("候选项目", "candidate"),
    "session": ("会议", "session"),
    "vote": ("表决", "vote"),
    "implementation_item": ("实施项目", "project"),
    "progress_report": ("进展报告", "progress report"),
    "inspection": ("视察", "inspection"),
    "item_issue": ("视察问题", "inspection issue"),
    "change_request": ("项目调整", "project change"),
    "evaluation_round": ("满意度测评", "rating round"),
}

# 详情: the label of each detail key a clerk reads. Keys not here stay in the folded raw JSON.
DETAIL_LABELS: dict[str, str] = {
    "title": "标题",
    "name": "名称",
    "display_name": "姓名",
    "username": "用户名",
    "role": "角色",
    "active": "启用",
    "year": "年度",
    "reason": "理由",
    "note": "备注",
    "source": "来源",
    "program_id": "项目计划",
    "session_id": "会议",
    "body_id": "人大",
    "department_id": "职能部门",
    "candidate_id": "候选项目",
    "candidates": "候选项目",
    "suggestions": "意见建议",
    "item_id": "实施项目",
    "item_ids": "实施项目",
    "items": "实施项目",
    "request_id": "论证请求",
    "deputy_id": "代表",
    "deputy_ids": "代表",
    "staff_user_id": "工作人员",
    "added": "新增代表",
    "changed": "修改",
    "unchanged": "未变",
    "delegation": "代表团",
    "tablet_logins_revoked": "注销平板登录",
    "from": "原阶段",
    "to": "新阶段",
    "status": "状态",
    "mode": "投票方式",
    "kind": "类型",
    "runoff_of": "再次投票所属表决",
    "channel": "投票方式",
    "via": "方式",
    "count": "数量",
    "total": "全体代表",
    "present": "出席",
    "pressed": "已按键",
    "deputies_total": "全体代表",
    "deputies_present": "出席代表",
    "ballots_cast": "投票数",
    "ballots_valid": "有效票",
    "ballots_invalid": "无效票",
    "ballots_blank": "空白票",
    "seats": "名额",
    "chosen": "入选项目",
    "seats_unfilled": "空缺名额",
    "awaiting_keys": "待钥匙卡开票",
    "threshold": "开票所需钥匙卡",
    "holders": "钥匙卡持有人",
    "cards": "使用的钥匙卡",
    "opened": "开启选票",
    "void": "无效票",
    "void_reason": "作废理由",
    "round": "轮次",
    "sheet": "选票编号",
    "issued": "发出",
    "returned": "收回",
    "figures_withheld": "平板投票结束前不记分项票数",
    "withdrawn_deputy_ids": "退出本轮的代表",
    "recommended": "建议列入",
    "cost_wan": "投资（万元）",
    "due_on": "答复期限",
    "rule": "排除依据",
    "percent": "进度（%）",
    "period_due": "报告期",
    "photos": "照片",
    "issues": "问题",
    "sheets": "测评表",
    "rated": "已测评",
    "members": "应测评",
    "needed": "所需人数",
    "outcomes": "测评结果",
    "categories": "类别",
    "dates": "阶段日程",
    "concerns": "提醒",
    "level": "级别",
    "parent_id": "上级人大",
    "term": "届次",
    "venue": "地点",
    "held_on": "日期",
    "number": "会次",
    "about_item_id": "关于实施项目",
    "is_chief": "总监票人",
    "approve": "同意",
    "decided_by": "决定机关",
    "decision_ref": "决定文号",
    "new_target_date": "新完成日期",
    "new_budget_wan": "新投资（万元）",
}

# Detail keys only for the technical reader: they stay in the folded raw record, never in 项：值.
RAW_KEYS = frozenset(
    {"fingerprint", "public_key", "signature", "card_commitments", "key_id", "rules", "method", "note_id", "demo"}
)

# Actions whose detail is only for the technical reader (signatures, keys): nothing in 项：值.
RAW_DETAIL_ONLY = frozenset({"vote.result_signed"})

# Codes some detail values carry, in words.
VALUES: dict[str, str] = {
    **{code: zh for code, (zh, _) in ROLES.items()},
    "solicit": "征集",
    "shortlist": "初定",
    "deliberate": "审议",
    "vote": "票决",
    "supervise": "监督",
    "evaluate": "评估",
    "closed": "结束",
    "electronic": "平板",
    "paper": "纸质选票",
    "mixed": "平板和纸质选票",
    "tablet": "平板",
    "list": "清单表决",
    "resolution": "非清单表决",
    "practice": "试表决",
    "mid_year": "年中测评",
    "year_end": "年终测评",
    "rectification": "整改复评",
    "in_progress": "实施中",
    "completed": "已完成",
    "adjusted": "已调整",
    "postponed": "暂缓实施",
    "stopped": "终止实施",
    "liaison_station": "代表联络站",
    "department": "职能部门",
    "project_feedback": "项目反馈",
    # program.phase_changed: what the clerk confirmed moving on despite (voting/programs/phases.py)
    "ahead_of_schedule": "早于日程",
    "nothing_collected": "征集阶段未收到意见建议",
    # bodies, project changes
    "township": "乡镇",
    "county": "县",
    "city": "市",
    "adjust": "调整",
    "postpone": "暂缓实施",
    "stop": "终止实施",
    "resume": "恢复实施",
}


def action_words(action: str) -> Words:
    """The action's Chinese and English words; an action without words reads as its code."""
    return ACTIONS.get(action, (action, action))


def role_words(role: str) -> Words:
    """A role's Chinese and English words."""
    return ROLES.get(role, (role, role))


def object_words(object_type: str) -> Words:
    """An object type's Chinese and English words."""
    return OBJECTS.get(object_type, (object_type, object_type))
