// Small settings and flags kept on this device (localStorage), under one
// prefix. Storage can be missing or full (private browsing, quotas): callers
// get the fallback instead of an exception.
const PREFIX = "easeback:";

export function read(key, fallback = null) {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

export function write(key, value) {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key) {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

// Every stored [key, value] whose key starts with prefix (prefix removed).
export function entries(prefix) {
  const found = [];
  try {
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key.startsWith(PREFIX + prefix)) {
        found.push([key.slice(PREFIX.length + prefix.length), read(key.slice(PREFIX.length))]);
      }
    }
  } catch {
    // Storage unavailable: nothing saved.
  }
  return found;
}
