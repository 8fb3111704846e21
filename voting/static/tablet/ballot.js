"use strict";
// Tablet: the ballot. Marking (per candidate: for / against / abstain; or choose up to N), each
// candidate's facts and details, and the review before submitting.

(() => {
  const { el, bi } = PJ;
  const T = PJ.tablet;

  T.startMarking = function startMarking(vote) {
    const kept = T.ballot && T.ballot.vote.id === vote.id ? T.ballot.marks : new Map();
    T.ballot = { vote, marks: kept };
    renderMarking();
  };

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
    const { vote, marks } = T.ballot;
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
      : // The box stays square like the paper ballot's 同意 cell; tapping draws the ○ in it, as a pen would.
        bi("请点一下您同意的项目，方框内出现“○”即为同意，再点一下可取消。最多选 " + seats + " 项，可以少选。", "Tap each project you support: a ○ appears in its box; tap again to undo. At most " + seats + "; fewer is fine.");
    T.show(
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
        el("div", { class: "ballot-foot" }, counter, T.bigButton("下一步：确认选票", "Review", "primary", renderReview, "review")),
      ),
    );
  }

  function chooseCard(candidate, index, seats, updateCounter) {
    const { marks } = T.ballot;
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
        T.toast("最多只能选 " + seats + " 项。如需更换，请先取消一项。", "At most " + seats + ". Untick one first to change.");
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
    const { marks } = T.ballot;
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

  // 试表决: marked on the ballot and the receipt screen; it is never counted (issue 11).
  T.practiceVotes = new Set();
  function practiceMark(vote) {
    if (vote.kind !== "practice") return null;
    T.practiceVotes.add(vote.id);
    return el("p", { class: "practice-mark", "data-practice": true }, bi("试表决 · 不计入任何结果", "Practice vote · never counted"));
  }

  // ---------------------------------------------------------------- review

  const MARK_WORDS = { for: ["赞成", "for"], against: ["反对", "against"], abstain: ["弃权", "abstain"] };

  function renderReview() {
    const { vote, marks } = T.ballot;
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
    T.show(
      "review",
      el(
        "section",
        { class: "review" },
        el("h1", {}, bi("确认选票", "Review your ballot")),
        el("p", { class: "muted" }, vote.title),
        summary,
        el("p", { class: "hint" }, bi("提交后不能修改。", "A submitted ballot cannot be changed.")),
        el("div", { class: "review-actions ballot-foot" }, T.bigButton("← 返回修改", "Back", "", renderMarking, "back"), T.bigButton("提交", "Submit", "primary", T.submit, "submit")),
      ),
    );
  }
})();
