"use strict";
// Tablet: the receipt (the sealed ballot's tracker) once a ballot is saved, "you have voted" with it
// afterwards, and where to check it once the result is announced.

(() => {
  const { el, bi } = PJ;
  const T = PJ.tablet;

  /** The receipt just given; redrawn when the vote closes (`closed`) to say so, and when its result is announced. */
  T.showReceipt = function showReceipt(voteId, receipt, closed = false) {
    T.ballot = null;
    T.receiptVote = voteId;
    T.setBanner(null);
    const practice = T.practiceVotes.has(voteId);
    const announced = closed && T.announcedVotes.has(voteId);
    T.show(
      "receipt",
      el(
        "div",
        { class: "done" },
        el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"),
        el("h1", {}, bi("您的选票已保存", "Your ballot is saved")),
        receiptBlock(receipt),
        practice || !closed ? null : closedStatus(announced),
        practice
          ? el("p", { class: "practice-mark", "data-practice": true }, bi("这是试表决：表决器工作正常。试表决选票在结束时销毁，不计入任何结果。", "A practice vote: your tablet works. Practice ballots are discarded, never counted."))
          : el("p", {}, bi("您的选票已在本机封好，只有持开票钥匙卡的人共同开启计票时才能读取，谁也看不到您投了什么。", "Your ballot was sealed on this tablet: only the key-card holders together can open the count, and nobody can see how you voted."), " ", announced
            ? bi("请记下回执码，用它核对您的选票已被计入。", "Note the receipt and check with it that your ballot was counted.")
            : bi("请记下回执码，结果公布后可以用它核对您的选票已被计入。", "Note the receipt: after the result is published you can check with it that your ballot was counted.")),
        practice ? null : verifyHint(voteId, announced),
      ),
    );
  };

  /** "You have voted", with the receipt; once the vote has closed (`closed`), it stays until the next one opens,
   * saying when the result has been announced and where to check the receipt then. */
  T.showVoted = function showVoted(vote, closed = false) {
    T.ballot = null;
    T.votedVote = vote;
    if (vote.kind === "practice") T.practiceVotes.add(vote.id);
    const receipt = T.receipts()[vote.id];
    const announced = closed && T.announcedVotes.has(vote.id);
    let status;
    if (vote.kind === "practice") {
      status = el("p", { class: "practice-mark", "data-practice": true }, bi("这是试表决：表决器工作正常，请等待试表决结束。", "A practice vote: your tablet works. Please wait for the practice to end."));
    } else if (closed) {
      status = closedStatus(announced);
    } else {
      status = el("p", { class: "muted" }, bi("请等待主持人宣布结果。", "Please wait for the result to be announced."));
    }
    T.show(
      "voted",
      el(
        "div",
        { class: "done" },
        el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"),
        el("h1", {}, bi("您已投票", "You have voted")),
        el("p", {}, vote.title),
        receipt ? receiptBlock(receipt) : null,
        status,
        announced && receipt ? verifyHint(vote.id, true) : null,
      ),
    );
  };

  /** What a closed vote's receipt or "you have voted" adds: wait for the announcement, or it has been made. */
  function closedStatus(announced) {
    return announced
      ? el("p", { class: "notice ok", "data-announced": true }, bi("结果已宣布，请看大屏。", "The result has been announced: see the hall screen."))
      : el("p", { class: "muted", "data-closed": true }, bi("投票已结束，请等待主持人宣布结果。", "Voting has closed; please wait for the result to be announced."));
  }

  function receiptBlock(receipt) {
    return el("div", { class: "receipt" }, el("div", { class: "receipt-label" }, bi("回执码", "Receipt")), el("div", { class: "receipt-code", "data-receipt": true }, receipt));
  }

  /** Where to check the receipt once the result is announced: the verification page, with its QR code. */
  function verifyHint(voteId, announced = false) {
    const path = "/public/votes/" + voteId + "/verify";
    const where = location.host + path;
    return el("div", { class: "verify-hint", dataset: { verifyHint: path } },
      el("img", { src: path + "/qr.svg", alt: "核验页二维码 QR code of the verification page", width: "132", height: "132" }),
      el("p", {}, announced
        ? bi("现在可以用手机扫描二维码，或打开 " + where + "，输入回执码核对您的选票已被计入。", "Scan the code or open " + where + " and type the receipt to check your ballot was counted.")
        : bi("结果宣布后，用手机扫描二维码，或打开 " + where + "，输入回执码核对。", "After the announcement, scan the code or open " + where + " and type the receipt.")));
  }
})();
