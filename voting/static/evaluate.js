"use strict";
// The deputy's rating screen (满意度测评): uses the tablet login stored by tablet/login.js, shows the open rounds,
// one choice per project, a confirmation, then a single submission. Nothing about the choices is kept.
// On the vote screen (tablet.html) it only shows the link to this screen while a round waits for the deputy.

(() => {
  const { el, bi, api } = PJ;
  const main = document.getElementById("evaluate-main");
  const link = document.querySelector("[data-evaluate-link]");
  if (!main) {
    if (link) watchLink(link);
    return;
  }
  const LEVELS = [
    ["satisfied", "满意", "Satisfied"],
    ["basic", "基本满意", "Basically satisfied"],
    ["unsatisfied", "不满意", "Unsatisfied"],
    ["abstained", "弃权", "Abstain"],
  ];
  let login = null;
  try {
    login = JSON.parse(localStorage.getItem("pj.tablet.login"));
  } catch (_) {
    login = null;
  }

  function message(zh, en, cls) {
    main.replaceChildren(el("div", { class: "card " + (cls || "") }, el("h2", {}, zh), el("p", { class: "muted" }, en)));
  }

  async function load() {
    if (!login || !login.token) {
      message("请先在表决页面登录", "Log in on the voting screen first", "");
      main.append(el("p", {}, el("a", { class: "btn primary big", href: "/tablet" }, bi("去登录", "Log in"))));
      return;
    }
    document.getElementById("tablet-who").replaceChildren(bi(login.deputy_name || "", "代表 deputy"));
    let rounds;
    try {
      rounds = await api("GET", "/api/tablet/evaluations", { token: login.token });
    } catch (error) {
      main.replaceChildren(PJ.errorBox(error));
      return;
    }
    const todo = rounds.filter((r) => !r.rated);
    if (!rounds.length) return message("当前没有进行中的测评", "No evaluation round is open");
    if (!todo.length) return message("您已提交本轮测评，谢谢！", "You have rated in every open round. Thank you.", "done");
    showRound(todo[0].round);
  }

  function levelButtons(item, round, choices) {
    const allowed = LEVELS.filter(([code]) => code !== "abstained" || round.rules.allow_abstain);
    const buttons = allowed.map(([code, zh, en]) =>
      el(
        "button",
        {
          type: "button",
          class: "btn",
          "aria-pressed": "false",
          "data-level": code,
          onclick: (event) => {
            choices.set(item.item_id, { item_id: item.item_id, level: code });
            main.querySelectorAll(".error").forEach((box) => PJ.clearError(box));
            for (const b of event.currentTarget.parentNode.children) b.setAttribute("aria-pressed", String(b === event.currentTarget));
          },
        },
        zh,
        el("small", {}, en),
      ),
    );
    return el("div", { class: "levels", role: "group" }, buttons);
  }

  function scoreInputs(item, round, choices) {
    const inputs = round.rules.indicators.map((indicator) =>
      el("input", { type: "number", min: 0, max: 100, required: true, inputmode: "numeric", "data-indicator": indicator.name }),
    );
    const update = () => {
      const scores = {};
      for (const input of inputs) scores[input.dataset.indicator] = Number.parseInt(input.value, 10);
      if (Object.values(scores).every((s) => Number.isInteger(s) && s >= 0 && s <= 100)) choices.set(item.item_id, { item_id: item.item_id, scores });
      else choices.delete(item.item_id);
    };
    inputs.forEach((input) => input.addEventListener("input", update));
    return el(
      "div",
      { class: "scores" },
      round.rules.indicators.map((indicator, n) => [el("label", {}, indicator.name + "（权重" + indicator.weight + "）"), inputs[n]]),
    );
  }

  function showRound(round) {
    const choices = new Map();
    const byLevels = round.rules.method === "levels";
    const errorBox = el("div", { class: "error", role: "alert", hidden: true });
    const cards = round.items.map((item) =>
      el(
        "section",
        { class: "card rate-item", "data-item": item.item_id },
        el("h3", {}, item.name),
        el("p", { class: "muted" }, item.program_year + "年 · " + (item.department_name || "") + " · 进度 " + item.percent + "%"),
        byLevels ? levelButtons(item, round, choices) : scoreInputs(item, round, choices),
      ),
    );
    const submit = el("button", { type: "button", class: "btn primary big", "data-action": "submit-rating" }, bi("提交测评", "Submit"));
    submit.addEventListener("click", async () => {
      PJ.clearError(errorBox);
      if (choices.size !== round.items.length) {
        PJ.showError(errorBox, new PJ.ApiError(400, { message_zh: "请对每个项目作出评价", message_en: "Rate every project" }));
        return;
      }
      const ok = await PJ.confirmDialog({
        title: "确认提交测评？",
        body: [el("p", {}, "提交后不能修改。测评不记名，任何人都无法看到您的选择。"), el("p", { class: "muted" }, "Once submitted it cannot be changed. Ratings are secret.")],
        ok: bi("确认提交", "Submit"),
      });
      if (!ok) return;
      submit.disabled = true;
      try {
        // Sealed on this tablet to the round's key: only its key cards together open the sheets at close.
        const key = await api("GET", "/api/evaluations/" + round.id + "/sealing-key", { anonymous: true });
        const { sealed } = PJ.seal.seal(key, { ratings: [...choices.values()] });
        await api("POST", "/api/evaluations/" + round.id + "/ratings", { token: login.token, body: { sealed } });
        message("测评已提交，谢谢！", "Your sealed ratings were received. Thank you.", "done");
      } catch (error) {
        PJ.showError(errorBox, error);
        submit.disabled = false;
      }
    });
    main.replaceChildren(
      el("h1", {}, round.title, " ", el("small", { class: "en" }, "Satisfaction evaluation")),
      el("p", { class: "hint" }, byLevels ? "请对每个项目选择：满意、基本满意或不满意。" : "请为每个项目的各项指标打分（0–100）。"),
      el("div", { class: "rate-list" }, cards),
      errorBox,
      el("div", { class: "rate-actions" }, submit),
    );
  }

  function storedToken() {
    try {
      return (JSON.parse(localStorage.getItem("pj.tablet.login")) || {}).token || null;
    } catch (_) {
      return null;
    }
  }

  // Asks the server now and then (rounds open without a tablet event), and at once when the tablet logs in.
  function watchLink(target) {
    let token = null;
    async function check() {
      token = storedToken();
      let waiting = false;
      if (token) {
        try {
          const rounds = await api("GET", "/api/tablet/evaluations", { token, anonymous: true });
          waiting = rounds.some((r) => !r.rated);
        } catch (_) {
          waiting = false;
        }
      }
      target.hidden = !waiting;
    }
    check();
    setInterval(check, 20000 + Math.floor(Math.random() * 5000));
    setInterval(() => {
      if (storedToken() !== token) check();
    }, 1500);
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) check();
    });
  }

  load();
})();
