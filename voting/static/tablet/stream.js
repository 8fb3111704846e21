"use strict";
// Tablet: what to show as the session's votes open and close (on each vote event and each resync):
// waiting, a paper-only vote, "you have voted", or the ballot.

(() => {
  const { el, bi } = PJ;
  const T = PJ.tablet;

  T.onEvent = function onEvent(name, data) {
    if (name === "vote_announced" && data && data.vote_id) T.announcedVotes.add(data.vote_id);
    if (name.startsWith("vote_")) T.refresh();
  };

  T.refresh = async function refresh() {
    if (!T.login || T.screen === "sending" || T.screen === "login") return;
    let view;
    try {
      view = await PJ.api("GET", "/api/tablet/me", { token: T.login.token, anonymous: true });
    } catch (error) {
      if (error.status === 401) return T.loggedOut(error);
      T.setBanner(PJ.errorBox(error));
      return;
    }
    if (T.screen === "sending" || T.screen === "login") return; // changed while we waited
    document.getElementById("tablet-session").replaceChildren(el("span", {}, view.body_name), " · ", el("strong", {}, view.session_title));
    decide(view);
  };

  /** The practice vote whose ballot, receipt or "you have voted" is on screen, if any. */
  function practiceOnScreen() {
    const { screen, ballot } = T;
    if (["marking", "review", "refused"].includes(screen) && ballot) return T.practiceVotes.has(ballot.vote.id) ? ballot.vote.id : null;
    if (screen === "receipt") return T.practiceVotes.has(T.receiptVote) ? T.receiptVote : null;
    if (screen === "voted" && T.votedVote) return T.practiceVotes.has(T.votedVote.id) ? T.votedVote.id : null;
    return null;
  }

  function decide(view) {
    const vote = view.vote;
    const practice = practiceOnScreen();
    if (practice !== null && (!vote || vote.id !== practice)) {
      // A practice's ballots are discarded when it ends: nothing to keep, nothing to refuse, so the
      // tablet goes back to waiting by itself (a real vote keeps the marks and says it has closed).
      T.practiceEnded = true;
      showWaiting();
    }
    if (vote) T.practiceEnded = false;
    const { screen, ballot } = T;
    const marking = (screen === "marking" || screen === "review") && ballot;
    if (marking && (!vote || vote.id !== ballot.vote.id)) {
      // Leave the marks on screen; the server refuses a late ballot and we say so then.
      T.setBanner(el("div", { class: "notice warn" }, bi("本次表决已结束投票。", "This vote has closed."), " ", T.bigButton("返回", "Back", "", T.backToWaiting, "back")));
      return;
    }
    T.setBanner(null);
    if (!vote) {
      // The receipt stays on screen until the next vote opens, so a deputy can still note it.
      const earlier = view.voted_earlier; // the latest closed vote this deputy voted in (after a restart too)
      if (earlier && earlier.state === "announced") T.announcedVotes.add(earlier.id);
      if (screen === "voted" && T.votedVote) T.showVoted(T.votedVote, true);
      else if (screen === "receipt") T.showReceipt(T.receiptVote, T.receipts()[T.receiptVote], true);
      else if (screen !== "refused" && earlier && !T.practiceEnded) T.showVoted(earlier, true);
      else if (screen !== "refused") showWaiting();
      return;
    }
    if (vote.mode === "paper") return showPaperVote(vote);
    if (view.voted) {
      if (!(screen === "receipt" && T.receiptVote === vote.id)) T.showVoted(vote);
      return;
    }
    if (marking || (screen === "refused" && ballot && ballot.vote.id === vote.id)) return;
    T.startMarking(vote);
  }

  T.backToWaiting = function backToWaiting() {
    T.ballot = null;
    T.setBanner(null);
    T.show("waiting", el("p", { class: "waiting" }, bi("正在刷新…", "Refreshing…")));
    T.refresh();
  };

  function showWaiting() {
    T.ballot = null;
    T.show(
      "waiting",
      el(
        "div",
        { class: "waiting" },
        T.practiceEnded
          ? el("p", { class: "notice practice-ended", "data-practice-ended": true }, bi("试表决已结束。试表决的选票已销毁，不计入任何结果。", "The practice vote has ended; its ballots are discarded, never counted."))
          : null,
        el("div", { class: "pulse", "aria-hidden": "true" }),
        el("h1", {}, bi("暂无进行中的表决，请等待", "No vote is open. Please wait.")),
        el("p", {}, bi("表决开始后，选票会自动显示在这里。", "The ballot appears here as soon as a vote opens.")),
      ),
    );
  }

  /** A paper-only vote: the tablet shows no ballot (the server would refuse one anyway). */
  function showPaperVote(vote) {
    T.ballot = null;
    T.show(
      "paper",
      el(
        "div",
        { class: "waiting", "data-paper-vote": true },
        el("h1", {}, bi("本次表决使用纸质选票", "This vote uses paper ballots")),
        el("p", {}, vote.title),
        el("p", { class: "muted" }, bi("请向工作人员领取纸质选票，在选票上填写后投入票箱。", "Take a paper ballot from the staff, mark it and put it in the ballot box.")),
      ),
    );
  }
})();
