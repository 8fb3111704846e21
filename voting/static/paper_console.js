"use strict";
// One vote's paper count: who counts, the recorded steps, the tellers' discrepancies for the
// scrutineers to resolve, the count report and the chief scrutineer's sign-off.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const page = document.body.dataset;
  const voteId = Number(page.voteId);
  const me = Number(page.me);
  // A body above watching this vote reads only (voting.auth.scope): no step, assignment or issue for it.
  const readOnly = "readOnly" in page;
  const presiding = !readOnly && (page.role === "admin" || page.role === "presiding");
  if (readOnly) document.getElementById("steps").hidden = true;
  const base = "/api/votes/" + voteId + "/paper";
  const errorBox = document.getElementById("count-error");
  const STATES = { issuing: ["发票中", "issuing"], counting: ["计票中", "counting"], void: ["本轮无效", "void round"], signed_off: ["已确认", "signed off"] };
  const STEPS = { issued: "发出", box_sealed: "验箱封箱", returned: "收回", void: "本轮无效", restarted: "重新投票", signed_off: "总监票人确认", recount: "重新计票" };
  const VOID = { overmarked: "作废（多选）", unreadable: "作废（无法辨认）" };
  let vote = null;
  let count = null;
  const names = new Map();

  async function act(work) {
    PJ.clearError(errorBox);
    try {
      await work();
      await refresh();
    } catch (error) {
      PJ.showError(errorBox, error);
    }
  }

  const askReason = PJ.askReason;

  function readingText(reading) {
    if (reading.void_reason) return VOID[reading.void_reason];
    const marks = Object.entries(reading.marks);
    if (!marks.length) return "空白票";
    const sign = { for: "○", against: "✕", abstain: "△" };
    return marks.map(([id, mark]) => (names.get(Number(id)) || "#" + id) + sign[mark]).join("、");
  }

  function showCounters() {
    const mine = count.counters.find((c) => c.staff_user_id === me);
    document.getElementById("counters").replaceChildren(
      ...count.counters.map((c) =>
        el("li", { dataset: { staffId: String(c.staff_user_id) } }, el("strong", {}, c.display_name), " ", c.role === "teller" ? bi("计票人", "teller") : c.is_chief ? bi("总监票人", "chief scrutineer") : bi("监票人", "scrutineer"),
          presiding && c.role === "scrutineer" && !c.is_chief ? el("button", { type: "button", class: "btn small ghost", onclick: () => act(() => call("POST", base + "/chief", { body: { staff_user_id: c.staff_user_id } })) }, bi("改任总监票人", "make chief")) : null),
      ),
      count.counters.length ? [] : el("li", { class: "muted" }, bi("尚未指定", "none assigned")),
    );
    document.getElementById("conflicts").replaceChildren(
      ...count.conflicts.map((f) => el("li", {}, f.display_name + " — " + f.candidate_name + "：" + f.reason)),
      count.conflicts.length ? [] : el("li", { class: "muted" }, bi("无", "none")),
    );
    document.getElementById("conflict-form").hidden = !mine;
    const chiefBox = document.getElementById("assign-form").chief;
    chiefBox.disabled = count.counters.some((c) => c.is_chief); // a new chief comes by 改任总监票人
    if (chiefBox.disabled) chiefBox.checked = false;
  }

  function showSteps() {
    // Before the vote opens (or once withdrawn) nothing is being issued: say what the console says.
    const [zh, en] = vote.state === "draft" ? ["未开始", "not started"] : vote.state === "withdrawn" ? ["已撤回", "withdrawn"] : STATES[count.state];
    document.getElementById("count-state").replaceChildren(bi(zh, en));
    document.getElementById("round").textContent = "第 " + count.round + " 轮";
    document.querySelector("[data-step=restart]").hidden = !(presiding && count.state === "void");
    document.getElementById("step-log").replaceChildren(
      ...count.steps.map((s) =>
        el("li", {}, "第" + s.round + "轮 ", el("strong", {}, STEPS[s.kind] || s.kind), s.count !== null ? " " + s.count + " 张" : "", s.reason ? "（" + s.reason + "）" : "", " · " + (s.actor_name || s.actor) + " · " + new Date(s.at).toLocaleTimeString("zh-CN")),
      ),
    );
  }

  function showProgress(progress) {
    const open = progress.discrepancies.filter((d) => !d.resolved).length;
    document.getElementById("progress").replaceChildren(
      bi("收回 " + (progress.returned ?? "–") + " 张 · 两人一致 " + progress.agreed + " 张 · 待裁定 " + open + " 张 · 未录齐 " + progress.missing.length + " 张", "returned · agreed · disputed · missing"),
      " ",
      ...Object.entries(progress.entered_by_teller).map(([id, n]) => {
        const who = count.counters.find((c) => String(c.staff_user_id) === id);
        return el("span", { class: "badge" }, (who ? who.display_name : "#" + id) + " 已录入 " + n);
      }),
    );
    const canResolve = page.role === "scrutineer" && count.state === "counting";
    document.getElementById("discrepancies").replaceChildren(
      ...progress.discrepancies.map((d) =>
        el(
          "div",
          { class: "discrepancy" + (d.resolved ? " resolved" : ""), dataset: { sheet: String(d.sheet) } },
          el("strong", {}, "第 " + d.sheet + " 张"),
          d.resolved ? [" ", bi("已裁定：" + readingText(d.resolved), "resolved")] : [" ", bi("两名计票人录入不一致", "tellers disagree")],
          el(
            "div",
            { class: "readings" },
            Object.entries(d.readings).map(([teller, reading]) => {
              const who = count.counters.find((c) => String(c.staff_user_id) === teller);
              return el("span", {}, (who ? who.display_name : "#" + teller) + "：" + readingText(reading) + " ",
                canResolve ? el("button", { type: "button", class: "btn small", dataset: { resolve: teller }, onclick: () => act(() => call("POST", base + "/sheets/" + d.sheet + "/resolution", { body: reading })) }, bi("以此为准", "use this")) : null);
            }),
          ),
        ),
      ),
    );
  }

  /** Whether every returned sheet is entered alike by two tellers or resolved (what the sign-off needs). */
  function allSheetsFinal(progress) {
    return Boolean(progress) && progress.returned !== null && !progress.missing.length && progress.discrepancies.every((d) => d.resolved);
  }

  // Waiting is not an error: a grey line says what comes first, and the sign-off stays disabled until then.
  // A mixed vote's per-candidate figures stay back while tablets vote (voting/paper/disclosure.py, as on 唱票).
  async function showReport(progress) {
    const box = document.getElementById("report");
    const chief = count.counters.some((c) => c.staff_user_id === me && c.is_chief);
    const ready = count.state === "counting" && allSheetsFinal(progress);
    const signOff = document.getElementById("sign-off");
    signOff.hidden = !(chief && count.state === "counting");
    signOff.disabled = !(ready && vote.state === "open");
    document.getElementById("recount").hidden = !(chief && count.state === "signed_off" && vote.state === "open"); // closed: the count stands
    const hint = (zh, en) => el("p", { class: "hint", dataset: { reportHint: "" } }, bi(zh, en));
    const withheld = count.figures_shown ? [] : [hint("混合表决：平板投票结束前不公布纸质选票的分项票数", "Mixed vote: the paper figures are shown once tablet voting has ended")];
    let report = count.report;
    if (!report && ready && count.figures_shown) {
      report = await call("GET", base + "/report").catch((error) => {
        box.replaceChildren(PJ.errorBox(error));
        return null;
      });
      if (!report) return;
    }
    if (!report) {
      const waiting =
        count.state !== "counting"
          ? hint("收回选票并录入完毕后生成", "Available once the ballots are collected and entered")
          : ready
            ? hint("全部选票已录齐，总监票人可以确认计票报告", "Every sheet is entered: the chief scrutineer may sign off")
            : hint("两名计票人一致录入全部选票、监票人裁定分歧后，总监票人才能确认计票报告", "The chief may sign off once two tellers entered every sheet alike and disputes are resolved");
      return box.replaceChildren(waiting, ...withheld);
    }
    const cell = (zh, value) => [el("span", {}, zh), el("b", {}, String(value))];
    const status = el("p", {}, count.report ? bi("总监票人已确认", "Signed off") : bi("草稿：尚未确认", "Draft: not signed off"));
    if (!report.tally) return box.replaceChildren(status, el("div", { class: "report-grid" }, cell("发出", report.issued), cell("收回", report.returned)), ...withheld);
    box.replaceChildren(
      status,
      el("div", { class: "report-grid" }, cell("发出", report.issued), cell("收回", report.returned), cell("有效", report.paper_valid), cell("无效", report.paper_invalid), cell("空白", report.paper_blank), cell("总票数", report.tally.ballots_cast)),
      el("ol", {}, vote.candidates.map((c) => {
        const line = report.tally.counts.find((l) => l.candidate_id === c.id);
        return el("li", {}, c.name + "：赞成 " + line.votes_for + (vote.rules.form === "per_candidate" ? "，反对 " + line.votes_against + "，弃权 " + line.abstentions : ""));
      })),
    );
  }

  // ------------------------------------------------ a paper ballot to a named deputy (mixed votes)

  const issuePanel = document.getElementById("issue-panel");
  const issueError = document.getElementById("issue-error");
  let deputies = null;

  function showIssuePanel() {
    if (!issuePanel) return;
    const scrutineer = count.counters.some((c) => c.staff_user_id === me && c.role === "scrutineer");
    issuePanel.hidden = !((presiding || scrutineer) && vote.state === "open" && count.state === "issuing");
    document.getElementById("issue-count").replaceChildren(bi("已逐一发出 " + count.handed_out + " 张", count.handed_out + " handed to named deputies"));
  }

  function matchesOf(query) {
    const q = query.trim().toLowerCase();
    if (!q || !deputies) return [];
    return deputies.filter((d) => d.status === "present" && (d.name.toLowerCase().includes(q) || d.seat.toLowerCase() === q || d.seat.toLowerCase().startsWith(q))).slice(0, 8);
  }

  async function showMatches() {
    const form = document.getElementById("issue-form");
    if (!deputies) deputies = (await call("GET", "/api/sessions/" + page.sessionId + "/attendance")).deputies;
    const found = matchesOf(form.q.value);
    document.getElementById("issue-matches").replaceChildren(
      ...found.map((d) =>
        el("li", { dataset: { deputyId: String(d.deputy_id) } }, el("span", { class: "seat" }, d.seat || "–"), el("strong", {}, d.name), el("span", { class: "muted" }, d.delegation),
          el("button", { type: "button", class: "btn small primary", onclick: () => issueTo(d) }, bi("发给纸质选票", "Issue paper ballot"))),
      ),
      form.q.value.trim() && !found.length ? el("li", { class: "muted" }, bi("没有找到已签到的代表", "No checked-in deputy matches")) : [],
    );
  }

  async function issueTo(deputy) {
    PJ.clearError(issueError);
    document.getElementById("issue-done").replaceChildren();
    const ok = await PJ.confirmDialog({
      title: bi("向 " + deputy.name + " 发出纸质选票？", "Issue a paper ballot to " + deputy.name + "?"),
      body: el("p", {}, bi("登记后该代表不能再用平板投票。", "Their tablet can then no longer vote.")),
      ok: bi("登记发出", "Issue"),
    });
    if (!ok) return;
    try {
      count = await call("POST", base + "/issued/" + deputy.deputy_id);
      document.getElementById("issue-done").replaceChildren(bi("已向 " + deputy.name + "（座位 " + (deputy.seat || "–") + "）发出纸质选票", "Paper ballot issued to " + deputy.name));
      const form = document.getElementById("issue-form");
      form.q.value = "";
      await showMatches();
      showIssuePanel();
      form.q.focus();
    } catch (error) {
      PJ.showError(issueError, error);
    }
  }

  if (issuePanel) {
    const form = document.getElementById("issue-form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const found = matchesOf(form.q.value);
      if (found.length === 1) issueTo(found[0]); // Enter on a unique seat number or name
    });
    form.q.addEventListener("input", () => {
      PJ.clearError(issueError);
      showMatches().catch((error) => PJ.showError(issueError, error));
    });
  }

  async function refresh() {
    // The vote is fetched each time: whether it is open decides what may be done here.
    [count, vote] = await Promise.all([call("GET", base), call("GET", "/api/votes/" + voteId)]);
    for (const c of vote.candidates) names.set(c.id, c.name);
    showCounters();
    showSteps();
    showIssuePanel();
    const progress = count.state === "issuing" ? null : await call("GET", base + "/progress");
    if (progress) showProgress(progress);
    await showReport(progress);
  }

  async function loadStaff() {
    const form = document.getElementById("assign-form");
    const staff = await call("GET", "/api/paper/staff");
    form.staff.replaceChildren(...staff.map((s) => el("option", { value: String(s.id), dataset: { role: s.role } }, s.display_name + "（" + (s.role === "teller" ? "计票人" : "监票人") + "）")));
    // No teller or scrutineer login in the body: an empty list and a silent 指定 would leave the count stuck.
    document.querySelector("[data-no-counting-staff]").hidden = staff.length > 0;
    form.hidden = !staff.length;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const option = form.staff.selectedOptions[0];
      if (!option) return;
      act(async () => {
        await call("POST", base + "/counters", { body: { staff_user_id: Number(option.value), role: option.dataset.role, is_chief: form.chief.checked } });
        form.chief.checked = false; // one chief per vote: the next assignment is an ordinary one
      });
    });
  }

  const steps = document.getElementById("steps");
  steps.addEventListener("click", async (event) => {
    const step = event.target.closest("[data-step]");
    if (!step) return;
    const kind = step.dataset.step;
    if (kind === "restart") {
      const reason = await askReason({
        title: bi("重新投票？", "Start the voting again?"),
        hint: bi("本轮投票无效。重新投票将撤销本轮已登记的纸质选票发放，请说明原因。", "This round is void. A new round withdraws this round's paper issues; say why."),
        value: "收回的选票多于发出的选票",
        ok: bi("重新投票", "Restart round"),
        danger: true,
      });
      if (reason) act(() => call("POST", base + "/restart", { body: { reason } }));
      return;
    }
    const body = kind === "box-sealed" ? undefined : { count: Number(steps[kind].value) };
    act(async () => {
      try {
        await call("POST", base + "/" + kind, { body });
      } catch (error) {
        if (error.code !== "issued_beyond_present") throw error;
        // More ballots issued than deputies present is usually a slip: ask before recording it.
        const sure = await PJ.confirmDialog({
          title: bi("发出选票多于出席代表？", "More ballots than deputies present?"),
          body: el("p", { class: "warn" }, bi(error.zh, error.en)),
          ok: bi("确认发出数无误", "The number is right"),
          danger: true,
        });
        if (sure) await call("POST", base + "/" + kind, { body: { ...body, beyond_present: true } });
      }
    });
  });
  document.getElementById("conflict-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    act(() => call("POST", base + "/conflicts", { body: { candidate_id: Number(form.candidate.value), reason: form.reason.value.trim() } }));
  });
  document.getElementById("sign-off").addEventListener("click", async () => {
    const ok = await PJ.confirmDialog({ title: bi("确认计票报告？", "Sign off the count?"), body: el("p", {}, bi("确认后不能再修改；如需更正须重新计票并说明理由。", "Afterwards nothing can be edited; a correction is a recount with a reason.")), ok: bi("确认", "Sign off") });
    if (ok) act(() => call("POST", base + "/sign-off"));
  });
  document.getElementById("recount").addEventListener("click", async () => {
    const reason = await askReason({
      title: bi("重新计票？", "Recount?"),
      hint: bi("将撤回总监票人的确认，计票人可更正录入后再次确认；原因将记录在案。", "Withdraws the sign-off so entries can be corrected and signed again; the reason is recorded."),
      ok: bi("重新计票", "Recount"),
      danger: true,
    });
    if (reason) act(() => call("POST", base + "/recount", { body: { reason } }));
  });

  if (presiding) loadStaff().catch((error) => PJ.showError(errorBox, error));
  PJ.live(Number(page.sessionId), (name, data) => {
    if ((name === "paper_count" && data.vote_id === voteId) || name.startsWith("vote_")) refresh().catch((error) => PJ.showError(errorBox, error));
  }, refresh, { fast: 3000 });
  refresh().catch((error) => PJ.showError(errorBox, error));
})();
