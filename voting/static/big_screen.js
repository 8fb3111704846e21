"use strict";
// The hall's screens (the big screen and the 唱票 screen) are laid out for 1920×1080; other
// projectors get them scaled to fit, centred, again on every resize. Loaded before the screen's own script.

(() => {
  function fit() {
    const scale = Math.min(innerWidth / 1920, innerHeight / 1080);
    const left = (innerWidth - 1920 * scale) / 2;
    const top = (innerHeight - 1080 * scale) / 2;
    document.body.style.transform = "translate(" + left + "px, " + top + "px) scale(" + scale + ")";
  }
  addEventListener("resize", fit);
  fit();
})();
