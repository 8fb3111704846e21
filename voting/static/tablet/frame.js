"use strict";
// The deputy's tablet, first of its parts (loaded in this order by tablet.html): frame.js (the
// screen, the toast, the banner, what the tablet keeps), login.js, stream.js (what to show as votes
// open and close), ballot.js (marking and review), send.js (sealing and sending), receipt.js, start.js.
// The parts share PJ.tablet: the state below and each part's functions, called at run time.

PJ.tablet = (() => {
  const { el, bi } = PJ;
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

  const T = {
    LOGIN: "pj.tablet.login",
    PENDING: "pj.tablet.pending",
    RECEIPTS: "pj.tablet.receipts",
    store,
    login: null, // {token, deputy_id, deputy_name, session_id, expires_at}
    screen: "loading", // login | waiting | marking | review | sending | receipt | voted | refused
    ballot: null, // {vote, marks: Map(candidate id → "for" | "against" | "abstain")}
    receiptVote: null, // the vote whose receipt is on screen
    votedVote: null, // the vote whose "you have voted" is on screen
    announcedVotes: new Set(), // votes whose result was announced while this page was open (vote_announced)
    practiceEnded: false, // a practice this tablet was in has ended: the waiting screen says so until a vote shows
    live: null,
  };
  T.login = store.get(T.LOGIN);

  T.show = function show(name, ...content) {
    toastBox.hidden = true;
    T.screen = name;
    main.dataset.screen = name;
    main.replaceChildren(...content);
    window.scrollTo(0, 0);
  };

  let toastTimer = null;
  T.toast = function toast(zh, en) {
    toastBox.replaceChildren(el("strong", {}, zh), el("small", {}, en));
    toastBox.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toastBox.hidden = true), 3500);
  };

  T.setBanner = function setBanner(content) {
    banner.replaceChildren(...(content ? [content] : []));
    banner.hidden = !content;
  };

  T.bigButton = function bigButton(zh, en, cls, onclick, action) {
    return el("button", { type: "button", class: "btn big " + cls, onclick, "data-action": action }, bi(zh, en));
  };

  /** The receipts this tablet has been given, by vote id. */
  T.receipts = () => store.get(T.RECEIPTS) || {};

  return T;
})();
