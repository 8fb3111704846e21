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
    deputies = view.deputies;
    renderAttendance();
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
      el("div", { class: "vote-head" }, el("h3", {}, vote.title), PJ.stateBadge(vote.state)),
      el("div", { class: "vote-meta" }, PJ.describeRules(vote.rules), " · ", bi(vote.candidates.length + " 个候选项目", "candidates"), vote.mode !== "electronic" ? [" · ", bi(vote.mode === "paper" ? "纸质选票" : "平板+纸质", vote.mode)] : null),
    );
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
      card.append(await resultBlock(vote, errorBox));
      if (vote.state === "closed" && canPreside) actions.append(button("宣布结果", "Announce", "primary", "announce", () => announce(vote, errorBox)));
      if (vote.state === "announced") actions.append(el("a", { href: "/public/votes/" + vote.id, target: "_blank" }, bi("公开结果页", "Public result page")));
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
      return PJ.errorBox(error);
    }
    const view = PJ.resultView(result);
    const notice = view.querySelector(".runoff-notice");
    if (notice && result.runoff_vote_id) {
      notice.append(el("p", { class: "runoff-started" }, bi("已发起再次投票（见上方表决）", "Runoff created (see above)")));
    } else if (notice && canPreside) {
      notice.append(button("发起再次投票", "Start runoff", "primary", "runoff", () => startRunoff(vote, errorBox)));
    }
    const details = el(
      "details",
      { class: "result-details", open: vote.state === "closed" || expanded.has(vote.id) },
      el("summary", {}, bi(vote.state === "closed" ? "计票结果（尚未宣布，仅工作人员可见）" : "计票结果", vote.state === "closed" ? "Result (staff only until announced)" : "Result")),
      view,
    );
    details.addEventListener("toggle", () => (details.open ? expanded.add(vote.id) : expanded.delete(vote.id)));
    return details;
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
  const picks = document.getElementById("candidate-picks");

  async function prepareCreateForm() {
    if (!canPreside) {
      createBox.hidden = true;
      return;
    }
    if (!programId) {
      picks.replaceChildren(el("p", { class: "warn" }, bi("本次会议未关联项目计划，无法创建表决。", "This session has no program: no candidates to vote on.")));
      createForm.querySelector("button[type=submit]").disabled = true;
      return;
    }
    const [candidates, programs] = await Promise.all([
      call("GET", "/api/programs/" + programId + "/candidates"),
      call("GET", "/api/programs").catch(() => []),
    ]);
    const program = programs.find((p) => p.id === programId);
    createForm.title.value = program ? program.title : "民生实事项目票决";
    createForm.seats.value = String(Math.max(1, Math.floor(candidates.length / 1.2)));
    createForm.seats.max = String(candidates.length);
    picks.replaceChildren(
      ...candidates.map((c) =>
        el(
          "label",
          { class: "pick" },
          el("input", { type: "checkbox", name: "candidate", value: String(c.id), checked: true }),
          el("span", {}, c.position + ". " + c.name),
          el("small", {}, c.cost_wan + " 万元"),
        ),
      ),
    );
  }

  createForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    PJ.clearError(createError);
    const candidateIds = [...picks.querySelectorAll("input[name=candidate]:checked")].map((box) => Number(box.value));
    const rules = {
      seats: Number(createForm.seats.value),
      form: createForm.querySelector("input[name=form]:checked").value,
      threshold_base: createForm.querySelector("input[name=threshold_base]:checked").value,
    };
    const mode = createForm.querySelector("input[name=mode]:checked").value;
    try {
      await call("POST", "/api/sessions/" + sessionId + "/votes", { body: { title: createForm.title.value.trim(), candidate_ids: candidateIds, rules, mode } });
      createBox.open = false;
      await loadVotes();
    } catch (error) {
      PJ.showError(createError, error);
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
      } else if (name.startsWith("vote_")) {
        loadVotes().catch((error) => PJ.showError(votesError, error));
      }
    },
    resync,
    { slow: 3000, fast: 3000 }, // polls even while the stream is up: a stream can go quiet without closing
  );
  resync();
  prepareCreateForm().catch((error) => PJ.showError(createError, error));
})();
