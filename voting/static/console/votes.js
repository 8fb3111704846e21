"use strict";
// Session console: the vote list, newest first, and each vote's card by its state (draft, open with
// its turnout, awaiting key cards, the result and a pending runoff, withdrawn), with the controls
// the login's role allows (controls.js does them).

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const C = PJ.sessionConsole;
  const { sessionId, canPreside, voteList, refusals, button } = C;

  const votesError = document.getElementById("votes-error");
  const expanded = new Set(); // announced results the user opened
  let loading = 0;

  let shownVotes = ""; // the vote list as last drawn: an unchanged list only gets its turnout refreshed

  C.loadVotes = async function loadVotes() {
    const ticket = ++loading;
    const votes = await call("GET", "/api/sessions/" + sessionId + "/votes");
    const drawn = JSON.stringify(votes);
    if (drawn === shownVotes) {
      for (const vote of votes.filter((v) => v.state === "open")) {
        C.showTurnout(await call("GET", "/api/votes/" + vote.id + "/turnout"));
        if (vote.kind === "practice") C.showNotPressed(await call("GET", "/api/sessions/" + sessionId + "/practice"));
      }
      return;
    }
    const cards = await Promise.all(votes.slice().reverse().map(voteCard));
    if (ticket !== loading) return; // a newer load finished first
    shownVotes = drawn;
    voteList.replaceChildren(...cards);
    // One vote is open at a time in a session: no practice can start while one is (the server would refuse);
    // and only who presides here starts one.
    const practiceStart = document.getElementById("practice-start");
    if (practiceStart) practiceStart.hidden = !canPreside || votes.some((v) => v.state === "open");
    if (!cards.length) voteList.append(el("p", { class: "muted" }, bi("尚未创建表决", "No votes yet")));
  };

  /** After a change or an event: the list again, a failure said above it. */
  C.reloadVotes = () => C.loadVotes().catch((error) => PJ.showError(votesError, error));

  async function voteCard(vote) {
    const errorBox = el("div", { class: "error", role: "alert", hidden: true });
    const actions = el("div", { class: "vote-actions" });
    const card = el(
      "article",
      { class: "card vote", dataset: { voteId: String(vote.id), state: vote.state } },
      el("div", { class: "vote-head" }, el("h3", {}, vote.title), PJ.kindBadge(vote), PJ.stateBadge(vote.state)),
      el("div", { class: "vote-meta" }, PJ.describeRules(vote.rules), " · ", bi(vote.candidates.length + " 个候选项目", "candidates"), " · ", bi({ electronic: "平板投票", paper: "纸质选票", mixed: "平板+纸质" }[vote.mode], vote.mode)),
    );
    if (vote.kind === "resolution" && vote.reason) {
      card.append(el("p", { class: "vote-reason" }, bi("非清单表决理由：" + vote.reason, "Not from the fixed list: reason recorded")));
    }
    if (vote.kind === "practice") return C.practiceCard(vote, card, actions, errorBox);
    if (vote.state === "withdrawn") {
      // Kept in the list so the record reads straight; nothing more can be done with it.
      card.append(el("p", { class: "muted" }, bi("已撤回：不会开始表决，也不公开。", "Withdrawn: it will not be opened and is not public.")));
      return card;
    }
    if (vote.mode !== "electronic") {
      actions.append(el("a", { class: "btn small", href: "/console/votes/" + vote.id + "/paper", dataset: { paperCount: String(vote.id) } }, bi("纸质计票", "Paper count")));
    }
    if (vote.state === "announced") actions.append(el("a", { href: "/public/votes/" + vote.id + "/announcement", target: "_blank" }, bi("公告", "Announcement")));
    // The key-card page is the presiding officer's (and the scrutineers', from their /count page).
    if (canPreside && vote.mode !== "paper" && ["draft", "awaiting_keys"].includes(vote.state)) {
      actions.append(el("a", { class: "btn small", href: "/count/votes/" + vote.id + "/keys", dataset: { keyCards: String(vote.id) } }, bi("开票钥匙卡", "Key cards")));
    }
    if (vote.state === "awaiting_keys") {
      card.append(el("p", { class: "notice warn" }, bi("投票已结束，选票还锁着，等待监票人带开票钥匙卡来开票计票。", "Voting has ended; the sealed ballots wait for the scrutineers' key cards.")));
    } else if (vote.state === "draft") {
      card.append(el("ol", { class: "candidate-names" }, vote.candidates.map((c) => el("li", {}, c.name))));
      if (canPreside) {
        actions.append(button("开始表决", "Open", "primary", "open", () => C.openVote(vote, errorBox)));
        actions.append(button("撤回", "Withdraw", "ghost", "withdraw", () => C.withdrawVote(vote, errorBox)));
      }
    } else if (vote.state === "open") {
      const turnout = await call("GET", "/api/votes/" + vote.id + "/turnout").catch(() => null);
      if (turnout) card.append(PJ.turnoutView(turnout));
      card.append(el("p", { class: "hint" }, bi("投票进行中：结束并宣布前不显示任何结果。", "Voting: no results are shown until closed and announced.")));
      if (canPreside) actions.append(button("结束投票", "Close", "danger", "close", () => C.closeVote(vote, errorBox)));
    } else {
      card.append(...(await resultBlock(vote, errorBox)));
      if (vote.state === "closed" && canPreside) actions.append(button("宣布结果", "Announce", "primary", "announce", () => C.announce(vote, errorBox)));
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
    return [runoffStep(vote, result, errorBox), details].filter(Boolean); // card.append would print a null
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
          button("发起再次投票", "Start runoff", "primary", "runoff", () => C.startRunoff(vote, errorBox)),
          button("不举行再次投票…", "Record why not…", "ghost", "runoff-not-held", () => C.declineRunoff(vote, errorBox)),
        ),
      );
    }
    return step;
  }

  /** An open vote's turnout, redrawn in its card (on each turnout event and each unchanged reload). */
  C.showTurnout = function showTurnout(turnout) {
    const old = voteList.querySelector('.turnout[data-vote-id="' + turnout.vote_id + '"]');
    if (old) old.replaceWith(PJ.turnoutView(turnout));
  };
})();
