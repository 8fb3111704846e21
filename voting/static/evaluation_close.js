"use strict";
// Closing an evaluation round: the clerk sees how many members rated and confirms. With too few sheets
// (below the round's participation floor, 过半数 by default) no result can be published: the round stays
// open, or is closed as void with no result and no 整改.

(() => {
  const { el, bi } = PJ;

  async function closeRound(box) {
    const errorBox = box.querySelector("[data-error]");
    PJ.clearError(errorBox);
    const url = "/api/evaluations/" + box.dataset.closeRound;
    try {
      const round = await PJ.api("GET", url);
      const rated = round.rated;
      const total = round.deputies_total;
      const needed = round.rated_needed;
      const enough = rated >= needed && total > 0;
      const figures = el("p", { class: "facts", dataset: { participation: rated + "/" + total } },
        bi("已参评 " + rated + " / " + total + " 人，公布结果须至少 " + needed + " 人（过半数）", rated + " of " + total + " members rated; " + needed + " needed for a result"));
      const ok = await PJ.confirmDialog(enough
        ? {
            title: bi("结束测评并公布结果？", "Close the round and publish?"),
            body: [figures, el("p", {}, bi("结束后不再接受评价；结果立即公开，评为不满意的项目列入整改。", "No more sheets are taken; the results are public at once and 不满意 projects go to rectification."))],
            ok: bi("结束并公布", "Close and publish"),
          }
        : {
            title: bi("参评人数不足，不能公布结果", "Too few members rated to publish a result"),
            body: [figures, el("p", { class: "warn" }, bi("可以取消并继续测评；或作为无效测评结束：不公布任何结果，不产生整改，已提交的评价不计。", "Cancel and keep the round open, or close it as void: no result, no rectification, the sheets are not counted."))],
            ok: bi("作为无效测评结束", "Close as void"),
            danger: true,
          });
      if (!ok) return;
      await PJ.api("POST", url + "/close", { body: { confirm: true, void: !enough } });
      location.reload();
    } catch (error) {
      PJ.showError(errorBox, error);
    }
  }

  for (const box of document.querySelectorAll("[data-close-round]")) {
    box.querySelector("[data-close]").addEventListener("click", () => closeRound(box));
  }
})();
