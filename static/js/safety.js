// Whether this device has read the safety page: asked once before the first
// routine is played.
import { read, write } from "./device-store.js";

const KEY = "safety-acknowledged";

export function hasAcknowledged() {
  return read(KEY) !== null;
}

export function acknowledge() {
  return write(KEY, { at: new Date().toISOString() });
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
