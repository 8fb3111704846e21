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
};

PJ.FORMS = {
  choose_up_to_n: ["限选", "choose up to"],
  per_candidate: ["逐项表决", "per candidate"],
};

/** 过半数, 三分之二以上… as the law words a share. */
PJ.shareText = function shareText(share) {
  if (!share) return "过半数";
  const { numerator: n, denominator: d, inclusive } = share;
  if (n * 2 === d && !inclusive) return "过半数";
  return (inclusive ? "" : "超过") + d + "分之" + n + (inclusive ? "以上" : "");
};

/** "应选 3 项 · 限选 · 以全体代表为基数" */
PJ.describeRules = function describeRules(rules) {
  const base = rules.threshold_base === "present" ? ["出席代表", "present"] : ["全体代表", "all deputies"];
  const form = PJ.FORMS[rules.form] || [rules.form, rules.form];
  return PJ.bi(
    "应选 " + rules.seats + " 项 · " + form[0] + " · 过半数基数：" + base[0],
    rules.seats + " seats · " + form[1] + " · base: " + base[1],
    "rules",
  );
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

  const chosen = el(
    "div",
    { class: "chosen" },
    el("h3", {}, bi("入选项目", "Chosen projects")),
    tally.chosen.length
      ? el("ol", { class: "chosen-list" }, tally.chosen.map((id) => el("li", {}, nameOf(id))))
      : el("p", { class: "muted" }, bi("无", "none")),
  );

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

  const notices = [];
  if (tally.runoff) {
    notices.push(
      el(
        "div",
        { class: "runoff-notice", role: "status" },
        el("strong", {}, bi("需要再次投票", "Runoff needed")),
        el(
          "p",
          {},
          "以下项目票数相同，需就剩余 " + tally.runoff.seats + " 个名额再次投票：",
          el("small", { class: "en" }, " tied at the cut line; a runoff decides " + tally.runoff.seats + " seat(s)"),
        ),
        el("ul", {}, tally.runoff.candidate_ids.map((id) => el("li", {}, nameOf(id)))),
      ),
    );
  }
  if (tally.seats_unfilled > 0) {
    notices.push(
      el("div", { class: "notice warn" }, bi("尚有 " + tally.seats_unfilled + " 个名额未选出", tally.seats_unfilled + " seat(s) unfilled")),
    );
  }

  return el("div", { class: "result", dataset: { voteId: String(vote.id) } }, chart, el("div", { class: "result-side" }, chosen, notices, numbers));
};
