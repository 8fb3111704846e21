"use strict";
// The presiding console of a session (console_session.html), first of its parts, loaded in this order:
// page.js (which session, program and role; what the parts share), attendance.js (attendance and
// quorum), votes.js (the vote list, each vote's card and turnout), controls.js (open, withdraw,
// close, announce, runoff), practice.js (试表决), create.js (the new-vote forms), live.js (the live
// stream and the first load). The parts share PJ.sessionConsole: what is below and each part's
// functions, called at run time.

PJ.sessionConsole = (() => {
  const { el, bi } = PJ;
  const page = document.body.dataset;
  // A body above watching this one reads only (voting.auth.scope): no login of it acts here, whatever its role.
  const readOnly = "readOnly" in page;
  return {
    sessionId: Number(page.sessionId),
    programId: page.programId ? Number(page.programId) : null,
    canClerk: !readOnly && (page.role === "admin" || page.role === "clerk"),
    canPreside: !readOnly && (page.role === "admin" || page.role === "presiding"),
    voteList: document.getElementById("vote-list"),
    refusals: new Map(), // vote id → the last refusal, kept across redraws until the next try
    button(zh, en, cls, action, onclick) {
      return el("button", { type: "button", class: "btn " + cls, "data-action": action, onclick }, bi(zh, en));
    },
  };
})();
