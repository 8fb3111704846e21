"use strict";
// Session console: what the presiding officer does to a vote (open, withdraw, close, announce, start or
// decline a runoff), each confirmed where it cannot be undone; a refusal stays on the vote's card.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const C = PJ.sessionConsole;
  const { refusals } = C;
  // What opening starts, in the words of the vote's mode (fresh nodes each time the dialog opens).
  const OPENING_WORDS = {
    electronic: () => bi("开始后，各代表平板立即显示选票。", "The ballot then shows on every tablet at once."),
    paper: () => bi("开始后，请工作人员发放纸质选票。", "Staff then hand out the paper ballots."),
    mixed: () => bi("开始后，各代表平板立即显示选票，用纸质选票的代表由工作人员发给选票。", "The ballot then shows on every tablet; staff hand paper ballots to the deputies voting on paper."),
  };

  /** Do one thing to a vote, then redraw the list; a refusal is shown on the card and kept across redraws. */
  C.act = async function act(vote, errorBox, work) {
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
    await C.reloadVotes();
  };

  /** Opening puts the ballot on every tablet at once and cannot be taken back: say which vote, to how many present. */
  C.openVote = async function openVote(vote, errorBox) {
    const turnout = await call("GET", "/api/votes/" + vote.id + "/turnout").catch(() => null);
    const ok = await PJ.confirmDialog({
      title: bi("确认开始表决？", "Open this vote?"),
      body: [
        el("p", {}, el("strong", {}, vote.title)),
        turnout
          ? el("p", { dataset: { presentNow: String(turnout.present) } }, bi("现出席代表 " + turnout.present + " 人（全体代表 " + turnout.total + " 人）。", turnout.present + " of " + turnout.total + " deputies are present."))
          : null,
        el("p", {}, (OPENING_WORDS[vote.mode] || OPENING_WORDS.electronic)(), " ", bi("表决开始后不能撤回，只能结束投票。", "An open vote cannot be withdrawn, only closed.")),
      ],
      ok: bi("开始表决", "Open"),
    });
    if (ok) await C.act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/open"));
  };

  C.withdrawVote = async function withdrawVote(vote, errorBox) {
    const reason = await PJ.askReason({
      title: bi("撤回表决「" + vote.title + "」？", "Withdraw this vote?"),
      hint: bi(
        "撤回后该表决不能再开始，也不会公开；由候选项目清单生成的，清单可重新开放。理由记入审计日志。",
        "A withdrawn vote can never be opened and is not public; a list it was made from can be reopened. The reason is logged.",
      ),
      ok: bi("撤回表决", "Withdraw"),
      danger: true,
    });
    if (!reason) return;
    await C.act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/withdraw", { body: { reason } }));
    await C.refreshListVote().catch(() => {});
  };

  C.closeVote = async function closeVote(vote, errorBox) {
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
    if (ok) await C.act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/close", { body: { confirm: true } }));
  };

  C.announce = async function announce(vote, errorBox) {
    const ok = await PJ.confirmDialog({
      title: bi("宣布表决结果？", "Announce the result?"),
      body: el("p", {}, bi("宣布后，结果将在大屏和公开页面上显示，不可撤回。", "The result then shows on the hall screen and the public page, for good.")),
      ok: bi("宣布结果", "Announce"),
    });
    if (ok) await C.act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/announce"));
  };

  C.startRunoff = function startRunoff(vote, errorBox) {
    return C.act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/runoff"));
  };

  C.declineRunoff = async function declineRunoff(vote, errorBox) {
    const reason = await PJ.askReason({
      title: bi("不举行再次投票？", "Not hold the runoff?"),
      hint: bi("剩余名额将作为空缺列入最终结果和公告，理由记入审计日志。", "The seats are listed as unfilled in the final result and the announcement; the reason is logged."),
      ok: bi("确认不举行", "Record"),
      danger: true,
    });
    if (reason) await C.act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/runoff/not-held", { body: { reason } }));
  };
})();
