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
