"use strict";
// Sealing on the tablet: the browser's copy of ballots/sealing.py, byte for byte (same box, same padding).
// A ballot or rating sheet leaves the tablet only sealed to the vote's (or round's) public key, whose
// private half only the scrutineers' key cards rebuild at the count. Uses the vendored noble bundle.

PJ.seal = (() => {
  const { x25519, sha256, hkdf, gcm, randomBytes } = NobleSeal;
  const utf8 = new TextEncoder();
  const DOMAIN = utf8.encode("piaojue-seal/1");
  const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
  const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

  /** The first 50 bits of a tracker as XXXXX-XXXXX (ballots.sealing.receipt_code). */
  function receiptCode(trackerHex) {
    let bits = "";
    for (let i = 0; i < 14; i += 2) bits += parseInt(trackerHex.slice(i, i + 2), 16).toString(2).padStart(8, "0");
    let code = "";
    for (let i = 0; i < 50; i += 5) code += BASE32[parseInt(bits.slice(i, i + 5), 2)];
    return code.slice(0, 5) + "-" + code.slice(5);
  }

  /** Seal a JSON-able value to key ({public_key, label, plain_size}); returns {sealed (base64), tracker, receipt}. */
  function seal(key, value) {
    const recipient = fromBase64(key.public_key);
    const plain = utf8.encode(JSON.stringify(value));
    if (plain.length > key.plain_size) throw new Error("ballot longer than its vote allows");
    const padded = new Uint8Array(key.plain_size).fill(0x20); // spaces: JSON ignores them
    padded.set(plain);
    const ephemeral = randomBytes(32);
    const ephemeralPublic = x25519.getPublicKey(ephemeral);
    const shared = x25519.getSharedSecret(ephemeral, recipient);
    const fingerprint = sha256(concat(DOMAIN, utf8.encode("\0key\0"), recipient));
    const nonce = randomBytes(12);
    const header = concat(Uint8Array.of(1), fingerprint.slice(0, 8), ephemeralPublic, nonce);
    const boxKey = hkdf(sha256, shared, concat(ephemeralPublic, recipient), DOMAIN, 32);
    const associated = concat(DOMAIN, Uint8Array.of(0), utf8.encode(key.label), Uint8Array.of(0), fingerprint, header);
    const sealed = concat(header, gcm(boxKey, nonce, associated).encrypt(padded));
    const tracker = toHex(sha256(sealed));
    return { sealed: toBase64(sealed), tracker, receipt: receiptCode(tracker) };
  }

  return { seal, receiptCode };
})();
