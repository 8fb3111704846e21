"use strict";
// Drawing a counted result and a turnout bar; shared by the console, the hall screen and public pages.

PJ.OUTCOMES = {
  chosen: ["入选", "chosen"],
  runoff: ["需再次投票", "runoff"],
  not_chosen: ["未入选", "not chosen"],
  below_threshold: ["未达票数", "below threshold"],
};

PJ.STATES = {
  draft: ["未开始", "not started"],
  open: ["投票中", "voting"],
  awaiting_keys: ["已结束，待监票人开启计票", "ended, awaiting the key cards"],
  closed: ["已计票，待宣布", "counted, not announced"],
  announced: ["已宣布", "announced"],
  withdrawn: ["已撤回", "withdrawn"],
  ended: ["已结束", "ended"], // a practice vote (试表决): never counted
};

PJ.FORMS = {
  choose_up_to_n: ["限选", "choose up to"],
  per_candidate: ["逐项表决", "per candidate"],
};

/** 1–99 in Chinese numerals. */
PJ.chineseNumber = function chineseNumber(n) {
  const digits = "零一二三四五六七八九";
  if (!(n > 0 && n < 100)) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 0 ? "" : tens === 1 ? "十" : digits[tens] + "十") + (ones ? digits[ones] : "");
};

/** 过半数, 三分之二以上, 超过五分之三 — as the law words a share (the same words as voting/page_kit/wording.py). */
PJ.shareText = function shareText(share) {
  if (!share) return "过半数";
  const { numerator: n, denominator: d, inclusive } = share;
  if (n === 1 && d === 2 && !inclusive) return "过半数";
  const words = PJ.chineseNumber(d) + "分之" + PJ.chineseNumber(n);
  return inclusive ? words + "以上" : "超过" + words;
};

/** "应选10项，每票至多选10项；须获全体代表过半数赞成票" */
PJ.describeRules = function describeRules(rules) {
  const base = rules.threshold_base === "present" ? ["出席代表", "deputies present"] : ["全体代表", "all deputies"];
  const perCandidate = rules.form === "per_candidate";
  const marking = perCandidate ? "应选" + rules.seats + "项，逐项表决" : "应选" + rules.seats + "项，每票至多选" + rules.seats + "项";
  return PJ.bi(
    marking + "；须获" + base[0] + PJ.shareText(rules.threshold) + "赞成票",
    rules.seats + " seats" + (perCandidate ? ", for/against/abstain on each" : ", at most " + rules.seats + " marks a ballot") + "; needs a majority of " + base[1],
    "rules",
  );
};

PJ.KINDS = {
  resolution: ["非清单表决", "not from the fixed list"],
  practice: ["试表决", "practice"],
};

/** A label for votes that are not the program's vote from the fixed list. */
PJ.kindBadge = function kindBadge(vote) {
  const kind = PJ.KINDS[vote.kind];
  return kind ? PJ.el("span", { class: "badge kind-" + vote.kind }, kind[0], " ", PJ.el("small", {}, kind[1])) : null;
};

PJ.stateBadge = function stateBadge(state) {
  const [zh, en] = PJ.STATES[state] || [state, state];
  return PJ.el("span", { class: "badge state-" + state }, zh, " ", PJ.el("small", {}, en));
};

/** 已投 X / 出席 Y / 应到 Z with a bar of cast over present. */
PJ.turnoutView = function turnoutView(turnout) {
  const { el, bi } = PJ;
  const share = turnout.present > 0 ? Math.min(100, (100 * turnout.cast) / turnout.present) : 0;
  return el(
    "div",
    { class: "turnout", dataset: { voteId: String(turnout.vote_id) } },
    el(
      "div",
      { class: "turnout-numbers" },
      el("span", {}, bi("已投", "cast"), el("b", { "data-turnout": "cast" }, String(turnout.cast))),
      el("span", {}, bi("出席", "present"), el("b", { "data-turnout": "present" }, String(turnout.present))),
      el("span", {}, bi("应到", "total"), el("b", { "data-turnout": "total" }, String(turnout.total))),
    ),
    el(
      "div",
      { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": String(turnout.present), "aria-valuenow": String(turnout.cast) },
      el("div", { class: "progress-fill", style: "width:" + share.toFixed(1) + "%" }),
    ),
  );
};

/** The counted result: every candidate's votes as bars, the threshold line, the chosen list, the counts. */
PJ.resultView = function resultView(result) {
  const { el, bi } = PJ;
  const { vote, tally } = result;
  const byId = new Map(vote.candidates.map((c) => [c.id, c]));
  const nameOf = (id) => (byId.get(id) || { name: "#" + id }).name;
  const perCandidate = vote.rules.form === "per_candidate";
  const scale = Math.max(tally.threshold_base, 1, ...tally.counts.map((c) => c.votes_for));
  const thresholdAt = (100 * tally.threshold_votes) / scale;

  const rows = tally.counts.map((count) => {
    const [zh, en] = PJ.OUTCOMES[count.outcome] || [count.outcome, count.outcome];
    const width = (100 * count.votes_for) / scale;
    return el(
      "div",
      { class: "bar-row outcome-" + count.outcome, dataset: { candidateId: String(count.candidate_id) } },
      el("div", { class: "bar-name" }, el("span", { class: "rank" }, String(count.rank)), el("span", { class: "name" }, nameOf(count.candidate_id))),
      el(
        "div",
        { class: "bar-track" },
        el("div", { class: "bar-fill", style: "width:" + width.toFixed(2) + "%" }),
        el("div", { class: "threshold-line", style: "left:" + thresholdAt.toFixed(2) + "%" }),
      ),
      el(
        "div",
        { class: "bar-value" },
        el("b", { class: "votes-for" }, String(count.votes_for)),
        perCandidate ? el("small", { class: "against" }, "反对 " + count.votes_against + " · 弃权 " + count.abstentions) : null,
      ),
      el("div", { class: "bar-outcome" }, el("span", { class: "tag" }, zh), el("small", {}, en)),
    );
  });

  const baseName = vote.rules.threshold_base === "present" ? "出席代表" : "全体代表";
  const chart = el(
    "div",
    { class: "chart" },
    el(
      "div",
      { class: "chart-legend" },
      bi(
        (perCandidate ? "赞成票" : "得票") + "须达到 " + tally.threshold_votes + " 票（" + baseName + " " + tally.threshold_base + " 人的" + PJ.shareText(vote.rules.threshold) + "）",
        "threshold: " + tally.threshold_votes + " votes of a base of " + tally.threshold_base,
      ),
      el("span", { class: "legend-line" }),
    ),
    el("div", { class: "bars" }, rows),
  );

  const chosen = PJ.finalView(result);

  const numbers = el(
    "dl",
    { class: "tally-numbers" },
    [
      ["应到", "total", tally.deputies_total],
      ["出席", "present", tally.deputies_present],
      ["投票", "cast", tally.ballots_cast],
      ["有效", "valid", tally.ballots_valid],
      ["无效", "invalid", tally.ballots_invalid],
      ["空白", "blank", tally.ballots_blank],
    ].map(([zh, en, value]) => el("div", {}, el("dt", {}, bi(zh, en)), el("dd", {}, String(value)))),
  );

  return el("div", { class: "result", dataset: { voteId: String(vote.id) } }, chart, el("div", { class: "result-side" }, chosen, numbers));
};

/** The agenda item's final result (最终结果): every chosen project in final order, and every seat left open and why. */
PJ.finalView = function finalView(result) {
  const { el, bi } = PJ;
  const names = new Map(Object.entries(result.names || {}).map(([id, name]) => [Number(id), name]));
  for (const c of result.vote.candidates) names.set(c.id, c.name);
  const final = result.final || {
    chosen: result.tally.chosen.map((id) => ({ candidate_id: id, round: 1 })),
    unfilled: [],
    rounds: [{ vote_id: result.vote.id, tally: result.tally }],
  };
  const nameOf = (id) => names.get(id) || "#" + id;
  const several = final.rounds.length > 1;
  const list = final.chosen.length
    ? el(
        "ol",
        { class: "chosen-list", "data-final-chosen": "" },
        final.chosen.map((p) =>
          el("li", { dataset: { candidateId: String(p.candidate_id) } }, nameOf(p.candidate_id), p.round > 1 ? el("small", { class: "round-tag" }, " 再次投票") : null),
        ),
      )
    : el("p", { class: "muted" }, bi("无", "none"));
  const gaps = final.unfilled.map((gap) => {
    const tied = gap.candidate_ids.map(nameOf).join("、");
    if (gap.reason === "runoff_pending") {
      return el(
        "div",
        { class: "runoff-notice", role: "status", dataset: { unfilled: gap.reason } },
        el("strong", {}, bi("需要再次投票", "Runoff needed")),
        el("p", {}, "以下项目得票相同，需就剩余 " + gap.seats + " 个名额再次投票：", el("small", { class: "en" }, " tied at the cut line; a runoff decides " + gap.seats + " seat(s)")),
        el("ul", {}, gap.candidate_ids.map((id) => el("li", {}, nameOf(id)))),
      );
    }
    if (gap.reason === "runoff_not_held") {
      return el("div", { class: "notice warn", dataset: { unfilled: gap.reason } }, bi(tied + " 得票相同，未再次投票（" + gap.note + "），" + gap.seats + " 个名额空缺", gap.seats + " seat(s) unfilled: no runoff held"));
    }
    return el("div", { class: "notice warn", dataset: { unfilled: gap.reason } }, bi("获得规定票数的项目不足，" + gap.seats + " 个名额未选出", gap.seats + " seat(s) unfilled: too few passed the threshold"));
  });
  const many = final.chosen.length > 12;
  return el(
    "div",
    { class: "chosen final-result" + (many ? " many" : ""), dataset: { rounds: String(final.rounds.length) } },
    el("h3", {}, several ? bi("最终结果 · 入选项目（" + final.chosen.length + "/" + final.seats + "）", "Final result") : bi("入选项目", "Chosen projects")),
    list,
    gaps,
  );
};
