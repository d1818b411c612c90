// Whether this device has read the safety page: asked once before the first
// routine is played; and where "I have read this" may lead.
import { read, write } from "./local-store.js";

const KEY = "safety-acknowledged";
// Browsers read a backslash as "/" ("/\evil.example" is another site) and drop
// control characters, so neither may appear in an address we send people to.
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f]/;
const ANY_ORIGIN = "https://easeback.invalid";

export function hasAcknowledged() {
  return read(KEY) !== null;
}

export function acknowledge() {
  return write(KEY, { at: new Date().toISOString() });
}

// The server's rule (app/pages.py safe_next), for the stored copy of the safety
// page offline: target is kept only if it is a path naming one of this app's
// pages, given as patterns made from the server's URL map. Returns path and
// query, or null.
export function safeNext(target, pagePatterns) {
  if (!target || UNSAFE_CHARACTERS.test(target) || !target.startsWith("/") || target.startsWith("//")) return null;
  const url = new URL(target, ANY_ORIGIN);
  if (url.origin !== ANY_ORIGIN) return null;
  if (!pagePatterns.some((pattern) => new RegExp(pattern).test(url.pathname))) return null;
  return url.pathname + url.search + url.hash;
}

// The address to go on to, marked so that the next page records the acknowledgement.
export function acknowledgedUrl(path) {
  const url = new URL(path, ANY_ORIGIN);
  url.searchParams.append("safety", "read");
  return url.pathname + url.search + url.hash;
}

// A page reached from the safety page's "I have read this" link records it
// (the link may have been tapped before that page's script loaded), then
// tidies the mark out of the address.
export function recordAcknowledgementFromUrl() {
  const url = new URL(window.location.href);
  if (url.searchParams.get("safety") !== "read") return;
  acknowledge();
  url.searchParams.delete("safety");
  window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
}
