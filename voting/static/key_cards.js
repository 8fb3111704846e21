"use strict";
// The key-card page: the ceremony (cards shown once, then printed) and k holders opening the count.
// QR codes arrive as SVG made by the server; they are parsed as SVG documents, never put in as HTML.

(() => {
  const { el, bi, api } = PJ;
  const apiBase = document.body.dataset.apiBase; // /api/votes/{id} or /api/evaluations/{id}
  const errorBox = document.getElementById("keys-error");
  const sheet = document.getElementById("cards");

  function svgOf(text) {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return document.importNode(doc.documentElement, true);
  }

  // What a holder reads on the printed card: whose it is, what it opens, when to bring it; the 核对码 is for
  // comparing the card with the page (the public key's fingerprint), kept small.
  function showCards(made) {
    const rating = apiBase.startsWith("/api/evaluations/");
    const what = apiBase.replace("/api/votes/", "表决 #").replace("/api/evaluations/", "测评 #");
    sheet.replaceChildren(
      el(
        "p",
        { class: "no-print print-step notice warn" },
        el("button", { type: "button", class: "btn primary", dataset: { action: "print-cards" }, onclick: () => window.print() }, bi("打印钥匙卡", "Print the cards")),
        " ",
        bi("卡片只显示这一次：请现在就打印，打印后当面交给每位持卡人。", "Shown once only: print now and hand each holder theirs."),
      ),
      ...made.cards.map((card) =>
        el(
          "article",
          { class: "key-card", "data-card": String(card.number) },
          el("h3", {}, "开票钥匙卡 第 " + card.number + " 张（共 " + made.cards.length + " 张）", el("small", {}, " Key card " + card.number + " / " + made.cards.length)),
          el("p", { class: "card-holder" }, "持卡人：", el("strong", {}, card.holder)),
          el("p", { class: "card-what" }, document.body.dataset.title + "（" + what + "）"),
          svgOf(card.qr_svg),
          el("p", { class: "card-text", "data-card-text": true }, card.text),
          el("p", { class: "card-use" }, (rating ? "测评" : "投票") + "结束后，带着这张卡到计票处；任意 " + made.threshold + " 张卡一起才能开票计票。"),
          el("p", { class: "card-use" }, "请自己保管，不要交给别人，不要拍照；计票结束后当场销毁。"),
          el("p", { class: "card-meta" }, "核对码 " + made.fingerprint.slice(0, 16) + " · Any " + made.threshold + " cards open the count. Keep it to yourself; destroy it after the count."),
        ),
      ),
    );
  }

  const ceremony = document.getElementById("ceremony-form");
  if (ceremony) {
    // The steps say how many cards open the count: they follow the number chosen in the form.
    ceremony.querySelector("[name=threshold]").addEventListener("input", (event) => {
      const needed = event.target.value;
      if (needed) document.querySelectorAll("[data-threshold-text]").forEach((node) => (node.textContent = needed));
    });
    ceremony.addEventListener("submit", async (event) => {
      event.preventDefault();
      PJ.clearError(errorBox);
      const holders = [...ceremony.querySelectorAll("[name=holder]")].map((i) => i.value.trim());
      const threshold = Number(ceremony.querySelector("[name=threshold]").value);
      try {
        const made = await api("POST", apiBase + "/key-cards", { body: { holders, threshold } });
        document.getElementById("ceremony").hidden = true;
        showCards(made);
      } catch (error) {
        PJ.showError(errorBox, error);
      }
    });
  }

  const countForm = document.getElementById("count-form");
  if (countForm) {
    countForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      PJ.clearError(errorBox);
      const cards = [...countForm.querySelectorAll("[name=card]")].map((i) => i.value.trim()).filter(Boolean);
      try {
        const opened = await api("POST", apiBase + "/count", { body: { cards } });
        countForm.querySelectorAll("input").forEach((i) => (i.value = "")); // the cards leave the screen at once
        document.getElementById("open-count").hidden = true;
        const result = document.getElementById("count-result");
        result.hidden = false;
        result.replaceChildren(
          el("h2", {}, bi("已开票", "The count is open")),
          opened.ballots_cast !== undefined
            ? el("p", { "data-ballots-cast": String(opened.ballots_cast) }, bi("计票完成：共 " + opened.ballots_cast + " 张选票，有效 " + opened.ballots_valid + " 张。", "Counted: " + opened.ballots_cast + " ballots, " + opened.ballots_valid + " valid."))
            : el("p", { "data-rated": String(opened.rated) }, bi("已开启 " + opened.rated + " 份测评表，测评结果已公布。", opened.rated + " sheets opened; the ratings are published.")),
          el("p", {}, el("a", { class: "btn primary", href: document.body.dataset.back }, bi("返回", "Back"))),
        );
      } catch (error) {
        PJ.showError(errorBox, error);
      }
    });
  }
})();
