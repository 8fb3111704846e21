"use strict";
// The deputy's tablet: log in with the seat-card code, wait for a vote, mark, review, submit, keep the receipt.
// A submitted ballot is sealed to the vote's key (seal.js) and stored locally before it is sent, then
// resent, the very same sealed bytes with the same cast_id, until the server answers: a dropped
// connection or a reload never loses it and never casts it twice. The receipt is its tracker.

(() => {
  const { el, bi } = PJ;
  const LOGIN = "pj.tablet.login";
  const PENDING = "pj.tablet.pending";
  const RECEIPTS = "pj.tablet.receipts";
  const main = document.getElementById("tablet-main");
  const banner = document.getElementById("tablet-banner");
  const toastBox = document.getElementById("toast");

  const store = {
    get(key) {
      try {
        return JSON.parse(localStorage.getItem(key));
      } catch (_) {
        return null;
      }
    },
    set: (key, value) => localStorage.setItem(key, JSON.stringify(value)),
    drop: (key) => localStorage.removeItem(key),
  };

  let login = store.get(LOGIN); // {token, deputy_id, deputy_name, session_id, expires_at}
  let screen = "loading"; // login | waiting | marking | review | sending | receipt | voted | refused
  let ballot = null; // {vote, marks: Map(candidate id → "for" | "against" | "abstain")}
  let receiptVote = null; // the vote whose receipt is on screen
  let live = null;

  // ---------------------------------------------------------------- small pieces

  function show(name, ...content) {
    toastBox.hidden = true;
    screen = name;
    main.dataset.screen = name;
    main.replaceChildren(...content);
    window.scrollTo(0, 0);
  }

  let toastTimer = null;
  function toast(zh, en) {
    toastBox.replaceChildren(el("strong", {}, zh), el("small", {}, en));
    toastBox.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toastBox.hidden = true), 3500);
  }

  function setBanner(content) {
    banner.replaceChildren(...(content ? [content] : []));
    banner.hidden = !content;
  }

  function bigButton(zh, en, cls, onclick, action) {
    return el("button", { type: "button", class: "btn big " + cls, onclick, "data-action": action }, bi(zh, en));
  }

  function newCastId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function receipts() {
    return store.get(RECEIPTS) || {};
  }

  // ---------------------------------------------------------------- login

  function showLogin(error) {
    login = null;
    document.getElementById("tablet-who").replaceChildren();
    document.getElementById("tablet-session").replaceChildren();
    setBanner(null);
    const input = el("input", {
      id: "code",
      class: "code-input",
      name: "code",
      maxlength: "10",
      autocomplete: "off",
      autocapitalize: "characters",
      spellcheck: "false",
      placeholder: "XXXXXXXX",
      "aria-label": "登录码 login code",
    });
    const errorBox = el("div", { class: "error big", role: "alert", hidden: true });
    if (error) PJ.showError(errorBox, error);
    const form = el(
      "form",
      { class: "tablet-login", onsubmit: (event) => (event.preventDefault(), input.value.trim() && logIn(input.value)) },
      el("h1", {}, bi("代表登录", "Deputy login")),
      el("p", {}, bi("请扫描座位卡上的二维码，或输入座位卡上的8位登录码。", "Scan the QR code on your seat card, or type its 8-character code.")),
      input,
      errorBox,
      el("button", { type: "submit", class: "btn big primary", "data-action": "login" }, bi("登录", "Log in")),
    );
    show("login", form);
    input.focus();
  }

  async function logIn(code) {
    try {
      const token = await PJ.api("POST", "/api/tablet/login", { body: { code: code.trim() }, anonymous: true });
      if (login && login.deputy_id !== token.deputy_id) store.drop(RECEIPTS); // another deputy's tablet now
      login = token;
      store.set(LOGIN, login);
      await afterLogin();
    } catch (error) {
      const kept = store.get(LOGIN);
      if (kept && new Date(kept.expires_at) > new Date()) {
        // A used code scanned again on a tablet that is still logged in: carry on.
        login = kept;
        await afterLogin();
        toast(error.zh, error.en);
      } else {
        showLogin(error);
      }
    }
  }

  function loggedOut(error) {
    store.drop(LOGIN);
    // Never leave marks on a device next to a deputy who is no longer logged in (a lost or
    // handed-back tablet). A ballot already stored is still counted; an unsent one is marked again.
    store.drop(PENDING);
    showLogin(error);
  }

  async function afterLogin() {
    document.getElementById("tablet-who").replaceChildren(el("span", { class: "label" }, "代表"), el("strong", {}, login.deputy_name));
    show("waiting", el("p", { class: "waiting" }, bi("正在加载…", "Loading…")));
    if (live && live.sessionId !== login.session_id) return location.reload(); // now bound to another session
    if (!live) live = { sessionId: login.session_id, ...PJ.live(login.session_id, onEvent, refresh, { fast: 3000 }) };
    const pending = store.get(PENDING);
    if (pending && pending.deputy_id === login.deputy_id && pending.sealed) {
      await send(pending);
    } else {
      store.drop(PENDING);
    }
    await refresh();
  }

  // ---------------------------------------------------------------- what to show

  function onEvent(name) {
    if (name.startsWith("vote_")) refresh();
  }

  async function refresh() {
    if (!login || screen === "sending" || screen === "login") return;
    let view;
    try {
      view = await PJ.api("GET", "/api/tablet/me", { token: login.token, anonymous: true });
    } catch (error) {
      if (error.status === 401) return loggedOut(error);
      setBanner(PJ.errorBox(error));
      return;
    }
    if (screen === "sending" || screen === "login") return; // changed while we waited
    document.getElementById("tablet-session").replaceChildren(el("span", {}, view.body_name), " · ", el("strong", {}, view.session_title));
    decide(view);
  }

  function decide(view) {
    const vote = view.vote;
    const marking = (screen === "marking" || screen === "review") && ballot;
    if (marking && (!vote || vote.id !== ballot.vote.id)) {
      // Leave the marks on screen; the server refuses a late ballot and we say so then.
      setBanner(el("div", { class: "notice warn" }, bi("本次表决已结束投票。", "This vote has closed."), " ", bigButton("返回", "Back", "", backToWaiting, "back")));
      return;
    }
    setBanner(null);
    if (!vote) {
      if (screen !== "receipt" && screen !== "refused") showWaiting();
      return;
    }
    if (vote.mode === "paper") return showPaperVote(vote);
    if (view.voted) {
      if (!(screen === "receipt" && receiptVote === vote.id)) showVoted(vote);
      return;
    }
    if (marking || (screen === "refused" && ballot && ballot.vote.id === vote.id)) return;
    startMarking(vote);
  }

  function backToWaiting() {
    ballot = null;
    setBanner(null);
    show("waiting", el("p", { class: "waiting" }, bi("正在刷新…", "Refreshing…")));
    refresh();
  }

  function showWaiting() {
    ballot = null;
    show(
      "waiting",
      el(
        "div",
        { class: "waiting" },
        el("div", { class: "pulse", "aria-hidden": "true" }),
        el("h1", {}, bi("暂无进行中的表决，请等待", "No vote is open. Please wait.")),
        el("p", {}, bi("表决开始后，选票会自动显示在这里。", "The ballot appears here as soon as a vote opens.")),
      ),
    );
  }

  /** A paper-only vote: the tablet shows no ballot (the server would refuse one anyway). */
  function showPaperVote(vote) {
    ballot = null;
    show(
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

  function showVoted(vote) {
    ballot = null;
    const receipt = receipts()[vote.id];
    show(
      "voted",
      el(
        "div",
        { class: "done" },
        el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"),
        el("h1", {}, bi("您已投票", "You have voted")),
        el("p", {}, vote.title),
        receipt ? receiptBlock(receipt) : null,
        el("p", { class: "muted" }, bi("请等待主持人宣布结果。", "Please wait for the result to be announced.")),
      ),
    );
  }

  function receiptBlock(receipt) {
    return el("div", { class: "receipt" }, el("div", { class: "receipt-label" }, bi("回执码", "Receipt")), el("div", { class: "receipt-code", "data-receipt": true }, receipt));
  }

  // ---------------------------------------------------------------- marking

  function startMarking(vote) {
    const kept = ballot && ballot.vote.id === vote.id ? ballot.marks : new Map();
    ballot = { vote, marks: kept };
    renderMarking();
  }

  function facts(candidate) {
    return el(
      "p",
      { class: "cand-facts" },
      candidate.category ? el("span", { class: "chip" }, candidate.category) : null,
      el("span", {}, "投资 " + candidate.cost_wan + " 万元"),
      candidate.responsible_unit ? el("span", {}, candidate.responsible_unit) : null,
    );
  }

  function details(candidate) {
    const box = el(
      "dl",
      { class: "cand-details", hidden: true },
      el("dt", {}, "项目内容"), el("dd", {}, candidate.summary || "—"),
      el("dt", {}, "资金来源"), el("dd", {}, candidate.funding || "—"),
      el("dt", {}, "实施单位"), el("dd", {}, candidate.responsible_unit || "—"),
      el("dt", {}, "完成时限"), el("dd", {}, candidate.completion_date || "—"),
      el("dt", {}, "投资估算"), el("dd", {}, candidate.cost_wan + " 万元"),
    );
    const toggle = el("button", { type: "button", class: "btn details-toggle", "aria-expanded": "false" }, bi("详情 ▾", "details"));
    toggle.addEventListener("click", (event) => {
      event.stopPropagation();
      box.hidden = !box.hidden;
      toggle.setAttribute("aria-expanded", String(!box.hidden));
      toggle.replaceChildren(bi(box.hidden ? "详情 ▾" : "收起 ▴", box.hidden ? "details" : "less"));
    });
    return [toggle, box];
  }

  function renderMarking() {
    const { vote, marks } = ballot;
    const seats = vote.rules.seats;
    const perCandidate = vote.rules.form === "per_candidate";
    const counter = el("div", { class: "counter", "aria-live": "polite" });
    const updateCounter = () => {
      if (perCandidate) {
        counter.replaceChildren(bi("已表态 " + marks.size + " / " + vote.candidates.length + " 项", marks.size + " of " + vote.candidates.length + " marked"));
      } else {
        counter.replaceChildren(bi("已选 " + marks.size + " / 最多 " + seats, marks.size + " chosen, at most " + seats));
        counter.classList.toggle("full", marks.size === seats);
      }
    };
    const cards = vote.candidates.map((candidate, index) =>
      perCandidate ? perCandidateCard(candidate, index, updateCounter) : chooseCard(candidate, index, seats, updateCounter),
    );
    updateCounter();
    const instructions = perCandidate
      ? bi("请对每个项目选择“赞成”“反对”或“弃权”。未表态的项目按弃权计。", "Mark each project for, against or abstain. Unmarked projects count as abstentions.")
      : bi("请点选您同意的项目（画○），最多选 " + seats + " 项，可以少选。", "Tap the projects you support, at most " + seats + "; fewer is fine.");
    show(
      "marking",
      el(
        "section",
        { class: "ballot" },
        el(
          "div",
          { class: "ballot-head" },
          practiceMark(vote),
          el("h1", {}, vote.title),
          el("p", { class: "instructions" }, instructions),
        ),
        el("div", { class: "cand-list" }, cards),
        el("div", { class: "ballot-foot" }, counter, bigButton("下一步：确认选票", "Review", "primary", renderReview, "review")),
      ),
    );
  }

  function chooseCard(candidate, index, seats, updateCounter) {
    const { marks } = ballot;
    const card = el(
      "article",
      { class: "cand choose", role: "button", tabindex: "0", dataset: { candidateId: String(candidate.id) } },
      el("div", { class: "mark-circle", "aria-hidden": "true" }, "○"),
      el("div", { class: "cand-text" }, el("h2", {}, el("span", { class: "cand-no" }, String(index + 1)), candidate.name), facts(candidate), details(candidate)),
    );
    const paint = () => {
      card.classList.toggle("marked", marks.has(candidate.id));
      card.setAttribute("aria-pressed", String(marks.has(candidate.id)));
    };
    const tap = () => {
      if (marks.has(candidate.id)) {
        marks.delete(candidate.id);
      } else if (marks.size >= seats) {
        toast("最多只能选 " + seats + " 项。如需更换，请先取消一项。", "At most " + seats + ". Untick one first to change.");
        return;
      } else {
        marks.set(candidate.id, "for");
      }
      paint();
      updateCounter();
    };
    card.addEventListener("click", tap);
    card.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        tap();
      }
    });
    paint();
    return card;
  }

  const CHOICES = [["for", "赞成", "for"], ["against", "反对", "against"], ["abstain", "弃权", "abstain"]];

  function perCandidateCard(candidate, index, updateCounter) {
    const { marks } = ballot;
    const buttons = CHOICES.map(([value, zh, en]) => {
      const button = el("button", { type: "button", class: "btn choice choice-" + value, "data-mark": value }, bi(zh, en));
      button.addEventListener("click", () => {
        if (marks.get(candidate.id) === value) marks.delete(candidate.id);
        else marks.set(candidate.id, value);
        paint();
        updateCounter();
      });
      return button;
    });
    const card = el(
      "article",
      { class: "cand per", dataset: { candidateId: String(candidate.id) } },
      el("div", { class: "cand-text" }, el("h2", {}, el("span", { class: "cand-no" }, String(index + 1)), candidate.name), facts(candidate), details(candidate)),
      el("div", { class: "choices", role: "group" }, buttons),
    );
    const paint = () => {
      for (const button of buttons) {
        const on = marks.get(candidate.id) === button.dataset.mark;
        button.classList.toggle("on", on);
        button.setAttribute("aria-pressed", String(on));
      }
    };
    paint();
    return card;
  }

  // ---------------------------------------------------------------- review and submit

  const MARK_WORDS = { for: ["赞成", "for"], against: ["反对", "against"], abstain: ["弃权", "abstain"] };

  function renderReview() {
    const { vote, marks } = ballot;
    let summary;
    if (vote.rules.form === "per_candidate") {
      summary = el(
        "table",
        { class: "review-table" },
        vote.candidates.map((c) => {
          const [zh, en] = marks.has(c.id) ? MARK_WORDS[marks.get(c.id)] : ["未表态（按弃权计）", "unmarked: abstain"];
          return el("tr", { class: "mark-" + (marks.get(c.id) || "none") }, el("td", {}, c.name), el("td", {}, bi(zh, en)));
        }),
      );
    } else {
      const chosen = vote.candidates.filter((c) => marks.has(c.id));
      summary = chosen.length
        ? [
            el("p", {}, bi("您选择了以下 " + chosen.length + " 项（最多 " + vote.rules.seats + " 项）：", "You chose these " + chosen.length + ":")),
            el("ol", { class: "review-list" }, chosen.map((c) => el("li", {}, c.name))),
          ]
        : el("div", { class: "notice warn" }, bi("您没有选择任何项目，提交后为空白票。", "You chose nothing: this will be a blank ballot."));
    }
    show(
      "review",
      el(
        "section",
        { class: "review" },
        el("h1", {}, bi("确认选票", "Review your ballot")),
        el("p", { class: "muted" }, vote.title),
        summary,
        el("p", { class: "hint" }, bi("提交后不能修改。", "A submitted ballot cannot be changed.")),
        el("div", { class: "review-actions ballot-foot" }, bigButton("← 返回修改", "Back", "", renderMarking, "back"), bigButton("提交", "Submit", "primary", submit, "submit")),
      ),
    );
  }

  async function submit() {
    const marks = {};
    for (const [id, mark] of ballot.marks) marks[String(id)] = mark;
    let key;
    try {
      key = await PJ.api("GET", "/api/votes/" + ballot.vote.id + "/sealing-key", { token: login.token, anonymous: true });
    } catch (error) {
      return toast("无法取得本次表决的加密密钥，请重试", "Could not fetch this vote's sealing key; try again");
    }
    // Sealed once and stored before sending: a reload or a dropped connection resends these very bytes.
    const { sealed, receipt } = PJ.seal.seal(key, marks);
    const pending = { vote_id: ballot.vote.id, cast_id: newCastId(), sealed, receipt, deputy_id: login.deputy_id };
    store.set(PENDING, pending);
    await send(pending);
  }

  function showSending(retrying) {
    show(
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

  async function send(pending) {
    showSending(false);
    for (let delay = 1000; ; delay = Math.min(delay * 2, 8000)) {
      try {
        const answer = await PJ.api("POST", "/api/votes/" + pending.vote_id + "/ballots", {
          token: login.token,
          body: { cast_id: pending.cast_id, sealed: pending.sealed },
          anonymous: true,
        });
        store.drop(PENDING);
        store.set(RECEIPTS, { ...receipts(), [pending.vote_id]: answer.receipt });
        return showReceipt(pending.vote_id, answer.receipt);
      } catch (error) {
        if (error.status === 0 || error.status >= 500 || error.status === 429) {
          showSending(true);
          await sleep(delay);
          continue;
        }
        if (error.status === 401) return loggedOut(error);
        store.drop(PENDING); // refused for good: resending cannot help
        screen = "refused";
        return error.code === "already_voted" ? showAlreadyVoted(error) : showRefused(error);
      }
    }
  }

  // 试表决: marked on the ballot and the receipt screen; it is never counted (issue 11).
  const practiceVotes = new Set();
  function practiceMark(vote) {
    if (vote.kind !== "practice") return null;
    practiceVotes.add(vote.id);
    return el("p", { class: "practice-mark", "data-practice": true }, bi("试表决 · 不计入任何结果", "Practice vote · never counted"));
  }

  function showReceipt(voteId, receipt) {
    ballot = null;
    receiptVote = voteId;
    setBanner(null);
    show(
      "receipt",
      el(
        "div",
        { class: "done" },
        el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"),
        el("h1", {}, bi("您的选票已保存", "Your ballot is saved")),
        receiptBlock(receipt),
        practiceVotes.has(voteId)
          ? el("p", { class: "practice-mark", "data-practice": true }, bi("这是试表决：表决器工作正常。试表决选票在结束时销毁，不计入任何结果。", "A practice vote: your tablet works. Practice ballots are discarded, never counted."))
          : el("p", {}, bi("您的选票已在本机加密，只有监票人持密钥卡共同开启计票时才能读取。请记下回执码（加密选票的指纹），结果公布后可以核对您的选票已被计入。", "Your ballot was sealed on this tablet; only the scrutineers' key cards together open the count. Note the receipt (your sealed ballot's fingerprint): after the result is published you can check it was counted.")),
        practiceVotes.has(voteId) ? null : verifyHint(voteId),
      ),
    );
  }

  /** Where to check the receipt once the result is announced: the verification page, with its QR code. */
  function verifyHint(voteId) {
    const path = "/public/votes/" + voteId + "/verify";
    return el("div", { class: "verify-hint", dataset: { verifyHint: path } },
      el("img", { src: path + "/qr.svg", alt: "核验页二维码 QR code of the verification page", width: "132", height: "132" }),
      el("p", {}, bi("结果宣布后，用手机扫描二维码，或打开 " + location.host + path + "，输入回执码核对。", "After the announcement, scan the code or open " + location.host + path + " and type the receipt.")));
  }

  function showAlreadyVoted(error) {
    ballot = null;
    show("refused", el("div", { class: "done" }, el("div", { class: "done-icon", "aria-hidden": "true" }, "✓"), el("h1", {}, bi("您已投票", "You have voted")), PJ.errorBox(error)));
  }

  function showRefused(error) {
    const message = el("div", { class: "error big", role: "alert" }, el("strong", {}, error.zh), el("small", {}, error.en));
    const why =
      error.code === "vote_not_open"
        ? el("p", {}, bi("表决已经结束或尚未开始，您的选票没有被接收。如有疑问，请联系工作人员。", "Voting had ended (or not begun), so your ballot was not taken. Ask the staff if unsure."))
        : null;
    show("refused", el("div", { class: "refused" }, message, why, bigButton("返回", "Back", "primary", backToWaiting, "back")));
  }

  // ---------------------------------------------------------------- start

  const code = new URLSearchParams(location.search).get("code");
  if (code) {
    history.replaceState(null, "", location.pathname); // the code must not linger in the address bar or history
    logIn(code);
  } else if (login && new Date(login.expires_at) > new Date()) {
    afterLogin();
  } else {
    store.drop(LOGIN);
    showLogin();
  }
})();
