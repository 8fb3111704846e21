"use strict";
// Tablet: the login screen (seat-card code), logging out, and joining the session's live stream.

(() => {
  const { el, bi } = PJ;
  const T = PJ.tablet;
  const { store } = T;

  T.showLogin = function showLogin(error) {
    T.login = null;
    document.getElementById("tablet-who").replaceChildren();
    document.getElementById("tablet-session").replaceChildren();
    T.setBanner(null);
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
      { class: "tablet-login", onsubmit: (event) => (event.preventDefault(), input.value.trim() && T.logIn(input.value)) },
      el("h1", {}, bi("代表登录", "Deputy login")),
      el("p", {}, bi("请扫描座位卡上的二维码，或输入座位卡上的8位登录码。", "Scan the QR code on your seat card, or type its 8-character code.")),
      input,
      errorBox,
      el("button", { type: "submit", class: "btn big primary", "data-action": "login" }, bi("登录", "Log in")),
    );
    T.show("login", form);
    input.focus();
  };

  T.logIn = async function logIn(code) {
    try {
      const token = await PJ.api("POST", "/api/tablet/login", { body: { code: code.trim() }, anonymous: true });
      if (T.login && T.login.deputy_id !== token.deputy_id) store.drop(T.RECEIPTS); // another deputy's tablet now
      T.login = token;
      store.set(T.LOGIN, T.login);
      await T.afterLogin();
    } catch (error) {
      const kept = store.get(T.LOGIN);
      if (kept && new Date(kept.expires_at) > new Date()) {
        // A used code scanned again on a tablet that is still logged in: carry on.
        T.login = kept;
        await T.afterLogin();
        T.toast(error.zh, error.en);
      } else {
        T.showLogin(error);
      }
    }
  };

  T.loggedOut = function loggedOut(error) {
    store.drop(T.LOGIN);
    // Never leave marks on a device next to a deputy who is no longer logged in (a lost or
    // handed-back tablet). A ballot already stored is still counted; an unsent one is marked again.
    store.drop(T.PENDING);
    T.showLogin(error);
  };

  T.afterLogin = async function afterLogin() {
    const login = T.login;
    document.getElementById("tablet-who").replaceChildren(el("span", { class: "label" }, "代表"), el("strong", {}, login.deputy_name));
    T.show("waiting", el("p", { class: "waiting" }, bi("正在加载…", "Loading…")));
    if (T.live && T.live.sessionId !== login.session_id) return location.reload(); // now bound to another session
    if (!T.live) T.live = { sessionId: login.session_id, ...PJ.live(login.session_id, T.onEvent, T.refresh, { fast: 3000 }) };
    const pending = store.get(T.PENDING);
    if (pending && pending.deputy_id === login.deputy_id && pending.sealed) {
      await T.send(pending);
    } else {
      store.drop(T.PENDING);
    }
    await T.refresh();
  };
})();
