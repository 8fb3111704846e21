"use strict";
// Tablet: the receipt (the sealed ballot's tracker) once a ballot is saved, "you have voted" with it
// afterwards, and where to check it once the result is announced.

(() => {
  const { el, bi } = PJ;
  const T = PJ.tablet;

  T.showReceipt = function showReceipt(voteId, receipt) {
    T.ballot = null;
    T.receiptVote = voteId;
    T.setBanner(null);
    T.show(
      "receipt",
      el(
        "div",
        { class: "done" },
        el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"),
        el("h1", {}, bi("您的选票已保存", "Your ballot is saved")),
        receiptBlock(receipt),
        T.practiceVotes.has(voteId)
          ? el("p", { class: "practice-mark", "data-practice": true }, bi("这是试表决：表决器工作正常。试表决选票在结束时销毁，不计入任何结果。", "A practice vote: your tablet works. Practice ballots are discarded, never counted."))
          : el("p", {}, bi("您的选票已在本机封好，只有持开票钥匙卡的人共同开启计票时才能读取，谁也看不到您投了什么。请记下回执码，结果公布后可以用它核对您的选票已被计入。", "Your ballot was sealed on this tablet: only the key-card holders together can open the count, and nobody can see how you voted. Note the receipt: after the result is published you can check with it that your ballot was counted.")),
        T.practiceVotes.has(voteId) ? null : verifyHint(voteId),
      ),
    );
  };

  /** "You have voted", with the receipt; once the vote has closed (`closed`), it stays until the next one opens. */
  T.showVoted = function showVoted(vote, closed = false) {
    T.ballot = null;
    T.votedVote = vote;
    const receipt = T.receipts()[vote.id];
    T.show(
      "voted",
      el(
        "div",
        { class: "done" },
        el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"),
        el("h1", {}, bi("您已投票", "You have voted")),
        el("p", {}, vote.title),
        receipt ? receiptBlock(receipt) : null,
        closed
          ? el("p", { class: "muted", "data-closed": true }, bi("投票已结束，请等待主持人宣布结果。", "Voting has closed; please wait for the result to be announced."))
          : el("p", { class: "muted" }, bi("请等待主持人宣布结果。", "Please wait for the result to be announced.")),
      ),
    );
  };

  function receiptBlock(receipt) {
    return el("div", { class: "receipt" }, el("div", { class: "receipt-label" }, bi("回执码", "Receipt")), el("div", { class: "receipt-code", "data-receipt": true }, receipt));
  }

  /** Where to check the receipt once the result is announced: the verification page, with its QR code. */
  function verifyHint(voteId) {
    const path = "/public/votes/" + voteId + "/verify";
    return el("div", { class: "verify-hint", dataset: { verifyHint: path } },
      el("img", { src: path + "/qr.svg", alt: "核验页二维码 QR code of the verification page", width: "132", height: "132" }),
      el("p", {}, bi("结果宣布后，用手机扫描二维码，或打开 " + location.host + path + "，输入回执码核对。", "After the announcement, scan the code or open " + location.host + path + " and type the receipt.")));
  }
})();
