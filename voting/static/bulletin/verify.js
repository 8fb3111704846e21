"use strict";
// The verification page's receipt box: asks whether a receipt was counted; never sends cookies.

(() => {
  const { el, bi } = PJ;
  const voteId = Number(document.body.dataset.voteId);
  const form = document.getElementById("receipt-form");
  const answer = document.getElementById("receipt-answer");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const receipt = document.getElementById("receipt-input").value;
    try {
      // POST keeps the receipt out of URLs, history and access logs.
      const result = await PJ.api("POST", "/api/votes/" + voteId + "/receipts/check", {
        body: { receipt },
        anonymous: true,
      });
      answer.replaceChildren(
        result.counted
          ? el("div", { class: "notice ok", dataset: { counted: "true" } }, bi("已计入：您的选票在计票之列。", "Counted: your ballot is among those counted."))
          : el("div", { class: "notice warn", dataset: { counted: "false" } }, bi("未找到此回执。请核对后重试，或联系大会秘书处。", "Receipt not found. Check it and retry, or ask the secretariat.")),
      );
    } catch (error) {
      answer.replaceChildren(PJ.errorBox(error instanceof PJ.ApiError ? error : new PJ.ApiError(0, {})));
    }
  });
})();
