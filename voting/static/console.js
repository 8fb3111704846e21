"use strict";
// The presiding console: attendance and quorum, and each vote from draft to announcement.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const page = document.body.dataset;
  const sessionId = Number(page.sessionId);
  const programId = page.programId ? Number(page.programId) : null;
  const canClerk = page.role === "admin" || page.role === "clerk";
  const canPreside = page.role === "admin" || page.role === "presiding";

  // ---------------------------------------------------------------- attendance

  const STATUS = { present: ["已签到", "present"], leave: ["请假", "on leave"], absent: ["未到", "absent"] };
  const VIA = { tablet: "平板 tablet", clerk: "人工 clerk" };
  const summaryRoot = document.getElementById("attendance-summary");
  const tbody = document.getElementById("attendance-body");
  const filterBox = document.getElementById("attendance-filter");
  const statusFilter = document.getElementById("attendance-status");
  const attendanceError = document.getElementById("attendance-error");
  let deputies = [];
  const rows = new Map(); // deputy id → {tr, cells…}, reused so a refresh never swallows a click

  async function loadAttendance() {
    const view = await call("GET", "/api/sessions/" + sessionId + "/attendance");
    PJ.showAttendance(summaryRoot, view.summary);
    showPlainHttp(view.plain_http_tablets || 0);
    deputies = view.deputies;
    renderAttendance();
  }
  // Tablets on plain HTTP can be read by anyone on the Wi-Fi: say so plainly (voting.auth.transport).
  function showPlainHttp(count) {
    const box = document.getElementById("plain-http-warning");
    box.hidden = count === 0;
    for (const slot of box.querySelectorAll("[data-plain-http-count]")) slot.textContent = String(count);
  }
  const reloadAttendance = PJ.debounce(() => loadAttendance().catch(() => {}), 400);

  function buildRow(deputy) {
    const row = { seat: el("td", { class: "seat" }), name: el("td", { class: "name" }), status: el("td", { class: "status" }), buttons: {} };
    const actions = el("td", { class: "actions", hidden: !canClerk });
    if (canClerk) {
      // Hundreds of rows: Chinese labels only, the English in the tooltip and the column header.
      for (const [value, zh, en] of [["present", "签到", "check in"], ["leave", "请假", "on leave"], ["absent", "未到", "absent"]]) {
        row.buttons[value] = el(
          "button",
          { type: "button", class: "btn small", title: en, "data-action": value, onclick: () => setStatus(deputy.deputy_id, value) },
          zh,
        );
        actions.append(row.buttons[value]);
      }
      actions.append(
        el(
          "button",
          { type: "button", class: "btn small ghost", title: "reissue the login code", "data-action": "reissue", onclick: () => reissue(deputy.deputy_id) },
          "重发登录码",
        ),
      );
    }
    row.tr = el("tr", { dataset: { deputyId: String(deputy.deputy_id) } }, row.seat, row.name, row.status, actions);
    return row;
  }

  function updateRow(row, deputy) {
    row.seat.textContent = deputy.seat;
    row.name.textContent = deputy.name;
    row.tr.dataset.status = deputy.status;
    const [zh, en] = STATUS[deputy.status];
    row.status.replaceChildren(el("span", { class: "badge att-" + deputy.status }, zh, " ", el("small", {}, en)));
    if (deputy.status === "present" && deputy.via) row.status.append(el("small", { class: "via" }, VIA[deputy.via] || deputy.via));
    for (const [value, button] of Object.entries(row.buttons)) {
      button.disabled = value === deputy.status;
      button.classList.toggle("current", value === deputy.status);
    }
  }

  function renderAttendance() {
    const words = filterBox.value.trim().toLowerCase();
    const wanted = statusFilter.value;
    const groups = new Map();
    for (const deputy of deputies) {
      const key = deputy.delegation || "（未分代表团）";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(deputy);
    }
    const out = [];
    for (const [delegation, members] of groups) {
      const shown = members.filter(
        (d) =>
          (!wanted || d.status === wanted) &&
          (!words || [d.name, d.delegation, d.seat].some((field) => field.toLowerCase().includes(words))),
      );
      if (!shown.length) continue;
      const present = members.filter((d) => d.status === "present").length;
      out.push(
        el("tr", { class: "group" }, el("th", { colspan: canClerk ? "4" : "3" }, delegation, el("small", {}, " 实到 " + present + " / " + members.length))),
      );
      for (const deputy of shown) {
        let row = rows.get(deputy.deputy_id);
        if (!row) {
          row = buildRow(deputy);
          rows.set(deputy.deputy_id, row);
        }
        updateRow(row, deputy);
        out.push(row.tr);
      }
    }
    if (!out.length) out.push(el("tr", {}, el("td", { colspan: "4", class: "muted" }, bi("没有符合条件的代表", "No deputies match"))));
    tbody.replaceChildren(...out);
  }

  async function setStatus(deputyId, status) {
    PJ.clearError(attendanceError);
    try {
      const summary = await call("POST", "/api/sessions/" + sessionId + "/attendance/" + deputyId, { body: { status } });
      PJ.showAttendance(summaryRoot, summary);
      const deputy = deputies.find((d) => d.deputy_id === deputyId);
      if (deputy) {
        deputy.status = status;
        deputy.via = status === "absent" ? null : "clerk";
      }
      renderAttendance();
    } catch (error) {
      PJ.showError(attendanceError, error);
    }
  }

  async function reissue(deputyId) {
    const deputy = deputies.find((d) => d.deputy_id === deputyId) || { name: "#" + deputyId };
    const ok = await PJ.confirmDialog({
      title: bi("为 " + deputy.name + " 重新发放登录码？", "Reissue the login code?"),
      body: el("p", {}, bi("原登录码作废，该代表已登录的平板将退出登录。", "The old code stops working and the deputy's tablets are logged out.")),
      ok: bi("重新发放", "Reissue"),
      danger: true,
    });
    if (!ok) return;
    try {
      const card = await call("POST", "/api/sessions/" + sessionId + "/seat-cards/" + deputyId + "/reissue");
      const base = "/console/sessions/" + sessionId + "/seat-cards";
      PJ.infoDialog(bi("新登录码 · " + card.name, "New login code"), [
        el("div", { class: "reissued" },
          el("div", {},
            el("p", {}, card.delegation, card.seat ? " · 座位 " + card.seat : ""),
            el("p", { class: "code big-code", "data-new-code": true }, card.code.slice(0, 4) + " " + card.code.slice(4)),
            el("p", {}, el("a", { href: base + "?deputy=" + deputyId, target: "_blank" }, bi("打印此座位卡", "Print this seat card"))),
          ),
          el("img", { class: "qr-img", alt: "QR", src: base + "/" + deputyId + "/qr.svg?t=" + Date.now() }),
        ),
      ]);
    } catch (error) {
      PJ.showError(attendanceError, error);
    }
  }

  if (!canClerk) document.querySelector(".attendance th:last-child").hidden = true;
  filterBox.addEventListener("input", renderAttendance);
  statusFilter.addEventListener("change", renderAttendance);

  // ---------------------------------------------------------------- votes

  const voteList = document.getElementById("vote-list");
  const votesError = document.getElementById("votes-error");
  const expanded = new Set(); // announced results the user opened
  const refusals = new Map(); // vote id → the last refusal, kept across redraws until the next try
  let loading = 0;

  let shownVotes = ""; // the vote list as last drawn: an unchanged list only gets its turnout refreshed

  async function loadVotes() {
    const ticket = ++loading;
    const votes = await call("GET", "/api/sessions/" + sessionId + "/votes");
    const drawn = JSON.stringify(votes);
    if (drawn === shownVotes) {
      for (const vote of votes.filter((v) => v.state === "open")) {
        showTurnout(await call("GET", "/api/votes/" + vote.id + "/turnout"));
        if (vote.kind === "practice") showNotPressed(await call("GET", "/api/sessions/" + sessionId + "/practice"));
      }
      return;
    }
    const cards = await Promise.all(votes.slice().reverse().map(voteCard));
    if (ticket !== loading) return; // a newer load finished first
    shownVotes = drawn;
    voteList.replaceChildren(...cards);
    if (!cards.length) voteList.append(el("p", { class: "muted" }, bi("尚未创建表决", "No votes yet")));
  }

  function button(zh, en, cls, action, onclick) {
    return el("button", { type: "button", class: "btn " + cls, "data-action": action, onclick }, bi(zh, en));
  }

  async function voteCard(vote) {
    const errorBox = el("div", { class: "error", role: "alert", hidden: true });
    const actions = el("div", { class: "vote-actions" });
    const card = el(
      "article",
      { class: "card vote", dataset: { voteId: String(vote.id), state: vote.state } },
      el("div", { class: "vote-head" }, el("h3", {}, vote.title), PJ.kindBadge(vote), PJ.stateBadge(vote.state)),
      el("div", { class: "vote-meta" }, PJ.describeRules(vote.rules), " · ", bi(vote.candidates.length + " 个候选项目", "candidates"), vote.mode !== "electronic" ? [" · ", bi(vote.mode === "paper" ? "纸质选票" : "平板+纸质", vote.mode)] : null),
    );
    if (vote.kind === "resolution" && vote.reason) {
      card.append(el("p", { class: "vote-reason" }, bi("非清单表决理由：" + vote.reason, "Not from the fixed list: reason recorded")));
    }
    if (vote.kind === "practice") return practiceCard(vote, card, actions, errorBox);
    if (vote.state === "withdrawn") {
      // Kept in the list so the record reads straight; nothing more can be done with it.
      card.append(el("p", { class: "muted" }, bi("已撤回：不会开始表决，也不公开。", "Withdrawn: it will not be opened and is not public.")));
      return card;
    }
    if (vote.mode !== "electronic") {
      actions.append(el("a", { class: "btn small", href: "/console/votes/" + vote.id + "/paper", dataset: { paperCount: String(vote.id) } }, bi("纸质计票", "Paper count")));
    }
    if (vote.state === "announced") actions.append(el("a", { href: "/public/votes/" + vote.id + "/announcement", target: "_blank" }, bi("公告", "Announcement")));
    if (vote.mode !== "paper" && ["draft", "awaiting_keys"].includes(vote.state)) {
      actions.append(el("a", { class: "btn small", href: "/count/votes/" + vote.id + "/keys", dataset: { keyCards: String(vote.id) } }, bi("密钥卡", "Key cards")));
    }
    if (vote.state === "awaiting_keys") {
      card.append(el("p", { class: "notice warn" }, bi("投票已结束，密封的选票等待监票人用密钥卡开启计票。", "Voting has ended; the sealed ballots wait for the scrutineers' key cards.")));
    } else if (vote.state === "draft") {
      card.append(el("ol", { class: "candidate-names" }, vote.candidates.map((c) => el("li", {}, c.name))));
      if (canPreside) {
        actions.append(button("开始表决", "Open", "primary", "open", () => openVote(vote, errorBox)));
        actions.append(button("撤回", "Withdraw", "ghost", "withdraw", () => withdrawVote(vote, errorBox)));
      }
    } else if (vote.state === "open") {
      const turnout = await call("GET", "/api/votes/" + vote.id + "/turnout").catch(() => null);
      if (turnout) card.append(PJ.turnoutView(turnout));
      card.append(el("p", { class: "hint" }, bi("投票进行中：结束并宣布前不显示任何结果。", "Voting: no results are shown until closed and announced.")));
      if (canPreside) actions.append(button("结束投票", "Close", "danger", "close", () => closeVote(vote, errorBox)));
    } else {
      card.append(...(await resultBlock(vote, errorBox)));
      if (vote.state === "closed" && canPreside) actions.append(button("宣布结果", "Announce", "primary", "announce", () => announce(vote, errorBox)));
      if (vote.state === "announced") actions.append(el("a", { href: "/public/votes/" + vote.id, target: "_blank" }, bi("公开结果页", "Public result page")));
      if (vote.state === "closed" || vote.state === "announced") actions.append(el("a", { href: "/api/votes/" + vote.id + "/result.xlsx", download: "" }, bi("结果Excel", "Result .xlsx")));
    }
    card.append(actions, errorBox);
    const refusal = refusals.get(vote.id);
    if (refusal) {
      PJ.showError(errorBox, refusal);
      errorBox.classList.toggle("quorum", refusal.code === "no_quorum");
    }
    return card;
  }

  async function resultBlock(vote, errorBox) {
    let result;
    try {
      result = await call("GET", "/api/votes/" + vote.id + "/result");
    } catch (error) {
      return [PJ.errorBox(error)];
    }
    const view = PJ.resultView(result);
    const details = el(
      "details",
      { class: "result-details", open: vote.state === "closed" || expanded.has(vote.id) },
      el("summary", {}, bi(vote.state === "closed" ? "计票结果（尚未宣布，仅工作人员可见）" : "计票结果", vote.state === "closed" ? "Result (staff only until announced)" : "Result")),
      view,
    );
    details.addEventListener("toggle", () => (details.open ? expanded.add(vote.id) : expanded.delete(vote.id)));
    return [runoffStep(vote, result, errorBox), details];
  }

  /** A runoff the count asks for stays in sight, outside the folded result, until held or declined with a reason. */
  function runoffStep(vote, result, errorBox) {
    const runoff = result.tally.runoff;
    if (!runoff) return null;
    const names = new Map(result.vote.candidates.map((c) => [c.id, c.name]));
    const tied = runoff.candidate_ids.map((id) => names.get(id) || "#" + id).join("、");
    if (result.runoff_vote_id) {
      return el("p", { class: "runoff-started" }, bi("已发起再次投票（见上方表决）", "Runoff created (see above)"));
    }
    if (vote.runoff_not_held) {
      return el("p", { class: "notice warn", dataset: { runoffNotHeld: "" } }, bi("已决定不举行再次投票：" + vote.runoff_not_held, "No runoff will be held (reason recorded)"));
    }
    const step = el(
      "div",
      { class: "next-step runoff-pending", role: "status", dataset: { runoffPending: String(vote.id) } },
      el("strong", {}, bi("下一步：再次投票", "Next step: the runoff")),
      el("p", {}, tied + " 得票相同，须就剩余 " + runoff.seats + " 个名额再次投票。", el("small", { class: "en" }, " Tied at the cut line: a runoff decides " + runoff.seats + " seat(s).")),
    );
    if (canPreside) {
      step.append(
        el(
          "div",
          { class: "vote-actions" },
          button("发起再次投票", "Start runoff", "primary", "runoff", () => startRunoff(vote, errorBox)),
          button("不举行再次投票…", "Record why not…", "ghost", "runoff-not-held", () => declineRunoff(vote, errorBox)),
        ),
      );
    }
    return step;
  }

  async function declineRunoff(vote, errorBox) {
    const reason = await PJ.askReason({
      title: bi("不举行再次投票？", "Not hold the runoff?"),
      hint: bi("剩余名额将作为空缺列入最终结果和公告，理由记入审计日志。", "The seats are listed as unfilled in the final result and the announcement; the reason is logged."),
      ok: bi("确认不举行", "Record"),
      danger: true,
    });
    if (reason) await act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/runoff/not-held", { body: { reason } }));
  }

  // ---------------------------------------------------------------- practice vote (试表决)

  async function practiceCard(vote, card, actions, errorBox) {
    card.classList.add("practice");
    if (vote.state === "open") {
      const turnout = await call("GET", "/api/votes/" + vote.id + "/turnout").catch(() => null);
      if (turnout) card.append(PJ.turnoutView(turnout));
      card.append(el("div", { class: "practice-missing", dataset: { voteId: String(vote.id) } }));
      card.append(el("p", { class: "hint" }, bi("试表决：不计入任何结果，不公开；结束时选票即销毁。", "Practice: never counted or published; its ballots are discarded when it ends.")));
      if (canPreside) actions.append(button("结束试表决", "End the practice", "danger", "end-practice", () => endPractice(vote, errorBox)));
      call("GET", "/api/sessions/" + sessionId + "/practice").then(showNotPressed).catch(() => {});
    } else if (vote.state === "ended") {
      const view = await call("GET", "/api/sessions/" + sessionId + "/practice").catch(() => null);
      const pressed = view && view.vote_id === vote.id ? view.pressed : null;
      card.append(el("p", { class: "muted" }, bi("试表决已结束" + (pressed === null ? "" : "，" + pressed + " 位代表按键") + "；选票已销毁，不计入任何结果。", "Practice over; ballots discarded, nothing counted.")));
    }
    card.append(actions, errorBox);
    return card;
  }

  /** 未按: the seats present that have not pressed yet, to find a broken tablet before the real vote. */
  function showNotPressed(view) {
    if (!view) return;
    const box = voteList.querySelector('.practice-missing[data-vote-id="' + view.vote_id + '"]');
    if (!box) return;
    const seats = view.not_pressed;
    box.replaceChildren(
      el("strong", {}, bi("未按 " + seats.length + " 席", seats.length + " not pressed")),
      seats.length
        ? el("ul", { class: "not-pressed" }, seats.map((s) => el("li", { dataset: { deputyId: String(s.deputy_id) } }, (s.seat ? s.seat + " " : "") + s.name)))
        : el("p", { class: "ok" }, bi("出席代表均已按键", "Every deputy present has pressed")),
    );
  }

  async function startPractice() {
    const errorBox = document.getElementById("practice-error");
    PJ.clearError(errorBox);
    try {
      await call("POST", "/api/sessions/" + sessionId + "/practice", { body: {} });
      await loadVotes();
    } catch (error) {
      PJ.showError(errorBox, error);
    }
  }

  async function endPractice(vote, errorBox) {
    const ok = await PJ.confirmDialog({
      title: bi("结束试表决？", "End the practice vote?"),
      body: el("p", {}, bi("结束后试表决的选票全部销毁，不计票、不公开。", "Its ballots are then discarded: nothing is counted or published.")),
      ok: bi("结束试表决", "End"),
    });
    if (ok) await act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/practice/end"));
  }

  async function act(vote, errorBox, work) {
    PJ.clearError(errorBox);
    refusals.delete(vote.id);
    try {
      await work();
    } catch (error) {
      refusals.set(vote.id, error);
      PJ.showError(errorBox, error);
      errorBox.classList.toggle("quorum", error.code === "no_quorum");
      return;
    }
    await loadVotes().catch((error) => PJ.showError(votesError, error));
  }

  function openVote(vote, errorBox) {
    return act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/open"));
  }

  async function withdrawVote(vote, errorBox) {
    const reason = await PJ.askReason({
      title: bi("撤回表决「" + vote.title + "」？", "Withdraw this vote?"),
      hint: bi(
        "撤回后该表决不能再开始，也不会公开；由候选项目清单生成的，清单可重新开放。理由记入审计日志。",
        "A withdrawn vote can never be opened and is not public; a list it was made from can be reopened. The reason is logged.",
      ),
      ok: bi("撤回表决", "Withdraw"),
      danger: true,
    });
    if (reason) await act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/withdraw", { body: { reason } }));
  }

  async function closeVote(vote, errorBox) {
    const turnout = await call("GET", "/api/votes/" + vote.id + "/turnout").catch(() => null);
    const missing = turnout ? turnout.present - turnout.cast : 0;
    const ok = await PJ.confirmDialog({
      title: bi("确认结束投票？", "Close this vote?"),
      body: [
        el("p", {}, el("strong", {}, vote.title)),
        turnout ? PJ.turnoutView(turnout) : null,
        turnout && turnout.paper_returned !== null && turnout.paper_returned !== undefined
          ? el("p", { dataset: { paperReturned: String(turnout.paper_returned) } }, bi("已投含收回的纸质选票 " + turnout.paper_returned + " 张。", "Cast includes " + turnout.paper_returned + " paper ballots returned."))
          : null,
        missing > 0 ? el("p", { class: "warn" }, bi("尚有 " + missing + " 位出席代表未投票。", missing + " deputies present have not voted.")) : null,
        el("p", {}, bi("结束后不再接收任何选票，并立即计票。此操作不可撤销。", "No ballot is taken afterwards and counting starts. This cannot be undone.")),
      ],
      ok: bi("确认结束投票", "Close and count"),
      danger: true,
    });
    if (ok) await act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/close", { body: { confirm: true } }));
  }

  async function announce(vote, errorBox) {
    const ok = await PJ.confirmDialog({
      title: bi("宣布表决结果？", "Announce the result?"),
      body: el("p", {}, bi("宣布后，结果将在大屏和公开页面上显示，不可撤回。", "The result then shows on the hall screen and the public page, for good.")),
      ok: bi("宣布结果", "Announce"),
    });
    if (ok) await act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/announce"));
  }

  function startRunoff(vote, errorBox) {
    return act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/runoff"));
  }

  function showTurnout(turnout) {
    const old = voteList.querySelector('.turnout[data-vote-id="' + turnout.vote_id + '"]');
    if (old) old.replaceWith(PJ.turnoutView(turnout));
  }

  // ---------------------------------------------------------------- new vote

  const createBox = document.getElementById("create-vote");
  const createForm = document.getElementById("create-vote-form");
  const createError = document.getElementById("create-vote-error");
  const fixedList = document.getElementById("fixed-list");
  const resolutionForm = document.getElementById("resolution-form");
  const resolutionError = document.getElementById("resolution-error");
  const picks = document.getElementById("candidate-picks");

  /** Only the presidium's fixed list and 票决办法 make the program's vote; nothing to tick, nothing to change. */
  async function prepareCreateForm() {
    if (!canPreside) {
      createBox.hidden = true;
      document.getElementById("practice-start").hidden = true;
      return;
    }
    document.getElementById("practice-button").addEventListener("click", startPractice);
    if (!programId) {
      fixedList.replaceChildren(el("p", { class: "warn" }, bi("本次会议未关联项目计划，无法创建表决。", "This session has no program: no candidates to vote on.")));
      createForm.hidden = true;
      document.getElementById("resolution").hidden = true;
      return;
    }
    const list = await call("GET", "/api/programs/" + programId + "/list");
    const method = list.method;
    if (!list.fixed || !method) {
      fixedList.replaceChildren(
        el("p", { class: "warn", dataset: { listNotFixed: "" } }, bi("主席团尚未确定候选项目清单和票决办法，不能创建票决。", "The presidium has not fixed the list and voting method yet.")),
        el("a", { href: "/console/programs/" + programId + "/deliberation" }, bi("去审议页确定清单", "Fix the list on the deliberation page")),
      );
      createForm.querySelector("button[type=submit]").disabled = true;
    } else {
      const rules = { seats: method.seats, form: method.form, threshold_base: method.threshold_base, threshold: method.threshold };
      fixedList.replaceChildren(
        el("p", { class: "fixed-method" }, el("strong", {}, method.title), " · ", PJ.describeRules(rules), " · ", bi("出席须达全体代表" + PJ.shareText(method.quorum), "quorum")),
        el("ol", { class: "candidate-names", dataset: { fixedList: "" } }, list.entries.map((c) => el("li", { dataset: { candidateId: String(c.id) } }, c.name))),
      );
    }
    resolutionForm.title.value = "";
    picks.replaceChildren(
      ...list.entries.map((c) =>
        el("label", { class: "pick" }, el("input", { type: "checkbox", name: "candidate", value: String(c.id) }), el("span", {}, c.name)),
      ),
    );
    if (!list.entries.length) picks.append(el("p", { class: "muted" }, bi("清单中尚无项目", "Nothing on the list yet")));
  }

  createForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    PJ.clearError(createError);
    const mode = createForm.querySelector("input[name=mode]:checked").value;
    try {
      await call("POST", "/api/programs/" + programId + "/vote", { body: { session_id: sessionId, mode } });
      createBox.open = false;
      await loadVotes();
    } catch (error) {
      PJ.showError(createError, error);
    }
  });

  resolutionForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    PJ.clearError(resolutionError);
    const candidateIds = [...picks.querySelectorAll("input[name=candidate]:checked")].map((box) => Number(box.value));
    const rules = {
      seats: Number(resolutionForm.seats.value),
      form: resolutionForm.querySelector("input[name=form]:checked").value,
      threshold_base: resolutionForm.querySelector("input[name=threshold_base]:checked").value,
    };
    const body = { title: resolutionForm.title.value.trim(), reason: resolutionForm.reason.value.trim(), candidate_ids: candidateIds, rules };
    try {
      await call("POST", "/api/sessions/" + sessionId + "/votes", { body });
      createBox.open = false;
      await loadVotes();
    } catch (error) {
      PJ.showError(resolutionError, error);
    }
  });

  // ---------------------------------------------------------------- live

  function resync() {
    return Promise.all([
      loadAttendance().catch((error) => PJ.showError(attendanceError, error)),
      loadVotes().catch((error) => PJ.showError(votesError, error)),
    ]);
  }

  PJ.live(
    sessionId,
    (name, data) => {
      if (name === "attendance") {
        PJ.showAttendance(summaryRoot, data);
        reloadAttendance();
      } else if (name === "turnout") {
        showTurnout(data);
        // A practice vote's seats not yet pressed (未按) follow every turnout: the console no longer polls.
        if (voteList.querySelector('.practice-missing[data-vote-id="' + data.vote_id + '"]')) {
          call("GET", "/api/sessions/" + sessionId + "/practice").then(showNotPressed).catch(() => {});
        }
      } else if (name.startsWith("vote_")) {
        loadVotes().catch((error) => PJ.showError(votesError, error));
      }
    },
    resync,
    { fast: 3000 }, // no polling while live: the server beats, and a silent stream is reopened
  );
  resync();
  prepareCreateForm().catch((error) => PJ.showError(createError, error));
})();
