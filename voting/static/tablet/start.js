"use strict";
// Tablet, last part: start from a seat-card code in the address, a login still valid, or the login screen.

(() => {
  const T = PJ.tablet;
  const code = new URLSearchParams(location.search).get("code");
  if (code) {
    history.replaceState(null, "", location.pathname); // the code must not linger in the address bar or history
    T.logIn(code);
  } else if (T.login && new Date(T.login.expires_at) > new Date()) {
    T.afterLogin();
  } else {
    T.store.drop(T.LOGIN);
    T.showLogin();
  }
})();
