"use strict";
// Tablet: submitting. A submitted ballot is sealed to the vote's key (seal.js) and stored locally before
// it is sent, then resent, the very same sealed bytes with the same cast_id, until the server answers:
// a dropped connection or a reload never loses it and never casts it twice. The receipt is its tracker.

(() => {
  const { el, bi } = PJ;
  const T = PJ.tablet;
  const { store } = T;

  function newCastId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  T.submit = async function submit() {
    const marks = {};
    for (const [id, mark] of T.ballot.marks) marks[String(id)] = mark;
    let key;
    try {
      key = await PJ.api("GET", "/api/votes/" + T.ballot.vote.id + "/sealing-key", { token: T.login.token, anonymous: true });
    } catch (error) {
      return T.toast("无法取得本次表决的加密密钥，请重试", "Could not fetch this vote's sealing key; try again");
    }
    // Sealed once and stored before sending: a reload or a dropped connection resends these very bytes.
    const { sealed, receipt } = PJ.seal.seal(key, marks);
    const pending = { vote_id: T.ballot.vote.id, cast_id: newCastId(), sealed, receipt, deputy_id: T.login.deputy_id };
    store.set(T.PENDING, pending);
    await T.send(pending);
  };

  function showSending(retrying) {
    T.show(
      "sending",
      el(
        "div",
        { class: "waiting" },
        el("div", { class: "spinner", "aria-hidden": "true" }),
        el("h1", {}, bi("正在提交选票…", "Submitting your ballot…")),
        retrying ? el("p", { class: "warn" }, bi("网络不稳定，正在自动重试，请勿关闭页面。", "Network trouble: retrying automatically. Keep this page open.")) : null,
      ),
    );
  }

  T.send = async function send(pending) {
    showSending(false);
    for (let delay = 1000; ; delay = Math.min(delay * 2, 8000)) {
      try {
        const answer = await PJ.api("POST", "/api/votes/" + pending.vote_id + "/ballots", {
          token: T.login.token,
          body: { cast_id: pending.cast_id, sealed: pending.sealed },
          anonymous: true,
        });
        store.drop(T.PENDING);
        store.set(T.RECEIPTS, { ...T.receipts(), [pending.vote_id]: answer.receipt });
        return T.showReceipt(pending.vote_id, answer.receipt);
      } catch (error) {
        if (error.status === 0 || error.status >= 500 || error.status === 429) {
          showSending(true);
          await sleep(delay);
          continue;
        }
        if (error.status === 401) return T.loggedOut(error);
        store.drop(T.PENDING); // refused for good: resending cannot help
        if (error.code === "vote_not_open" && T.practiceVotes.has(pending.vote_id)) {
          T.practiceEnded = true; // a practice ballot too late is no refusal: the practice is simply over
          return T.backToWaiting();
        }
        T.screen = "refused";
        return error.code === "already_voted" ? showAlreadyVoted(error) : showRefused(error);
      }
    }
  };

  function showAlreadyVoted(error) {
    T.ballot = null;
    T.show("refused", el("div", { class: "done" }, el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"), el("h1", {}, bi("您已投票", "You have voted")), PJ.errorBox(error)));
  }

  function showRefused(error) {
    const message = el("div", { class: "error big", role: "alert" }, el("strong", {}, error.zh), el("small", {}, error.en));
    const why =
      error.code === "vote_not_open"
        ? el("p", {}, bi("表决已经结束或尚未开始，您的选票没有被接收。如有疑问，请联系工作人员。", "Voting had ended (or not begun), so your ballot was not taken. Ask the staff if unsure."))
        : null;
    T.show("refused", el("div", { class: "refused" }, message, why, T.bigButton("返回", "Back", "primary", T.backToWaiting, "back")));
  }
})();
