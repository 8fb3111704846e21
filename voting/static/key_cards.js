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

  function showCards(made) {
    sheet.replaceChildren(
      ...made.cards.map((card) =>
        el(
          "article",
          { class: "key-card", "data-card": String(card.number) },
          el("h3", {}, "监票密钥卡 ", el("small", {}, "Key card " + card.number + " / " + made.cards.length)),
          el("p", {}, el("strong", {}, card.holder)),
          svgOf(card.qr_svg),
          el("p", { class: "card-text", "data-card-text": true }, card.text),
          el(
            "p",
            { class: "card-meta" },
            apiBase.replace("/api/votes/", "表决 Vote #").replace("/api/evaluations/", "测评 Round #") + " · 任意 " + made.threshold + " 张开启计票 any " + made.threshold + " open the count · 指纹 " + made.fingerprint.slice(0, 16),
          ),
          el("p", { class: "card-meta" }, "请妥善保管，计票结束后当场销毁。Keep it safe; destroy it after the count."),
        ),
      ),
      el("p", { class: "no-print" }, el("button", { type: "button", class: "btn primary", onclick: () => window.print() }, bi("打印密钥卡", "Print the cards"))),
    );
  }

  const ceremony = document.getElementById("ceremony-form");
  if (ceremony) {
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
          el("h2", {}, bi("计票已开启", "The count is open")),
          opened.ballots_cast !== undefined
            ? el("p", { "data-ballots-cast": String(opened.ballots_cast) }, bi("共开启 " + opened.ballots_cast + " 张选票，有效 " + opened.ballots_valid + " 张。", opened.ballots_cast + " ballots opened, " + opened.ballots_valid + " valid."))
            : el("p", { "data-rated": String(opened.rated) }, bi("已开启 " + opened.rated + " 份测评表，测评结果已公布。", opened.rated + " sheets opened; the ratings are published.")),
          el("p", {}, el("a", { class: "btn primary", href: document.body.dataset.back }, bi("返回", "Back"))),
        );
      } catch (error) {
        PJ.showError(errorBox, error);
      }
    });
  }
})();
