"use strict";
// 大字: a larger-text mode for older deputies and the public, on the tablet, the rating sheet and the public
// pages. The choice is kept in this device's localStorage, so a tablet or a phone stays as its user set it.

(() => {
  const KEY = "pj.text-large";
  const root = document.documentElement;
  const stored = () => {
    try {
      return localStorage.getItem(KEY) === "1";
    } catch (_) {
      return false; // storage blocked: the mode still works for this page
    }
  };

  function apply(large) {
    root.classList.toggle("text-large", large);
    for (const button of document.querySelectorAll("button[data-text-size]")) button.setAttribute("aria-pressed", String(large));
  }

  const button = document.createElement("button");
  button.type = "button";
  button.className = "btn small text-size";
  button.dataset.textSize = "";
  button.title = "放大或还原文字 Larger or normal text";
  button.append("大字 ", Object.assign(document.createElement("small"), { textContent: "A+" }));
  button.addEventListener("click", () => {
    const large = !root.classList.contains("text-large");
    try {
      localStorage.setItem(KEY, large ? "1" : "0");
    } catch (_) {
      /* remembered for this page only */
    }
    apply(large);
  });
  // In the page's own header bar where there is one; otherwise in a corner.
  const bar = document.querySelector(".tablet-bar, .public-head, .public-top, .pp-head");
  if (bar) bar.append(button);
  else {
    button.classList.add("floating");
    document.body.append(button);
  }
  apply(stored());
})();
