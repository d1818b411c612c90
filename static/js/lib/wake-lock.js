// Keep the screen on while a routine plays, so nobody has to reach for the
// phone mid-stretch. Browsers drop the lock when the page is hidden, so it is
// taken again when the page comes back.

export class ScreenLock {
  constructor(onUnavailable) {
    this.sentinel = null;
    this.wanted = false;
    this.onUnavailable = onUnavailable;
  }

  get supported() {
    return "wakeLock" in navigator;
  }

  async hold() {
    this.wanted = true;
    if (!this.supported) {
      this.onUnavailable();
      return;
    }
    if (this.sentinel && !this.sentinel.released) return;
    try {
      this.sentinel = await navigator.wakeLock.request("screen");
    } catch {
      // Refused (battery saver, or the page is hidden): say so instead.
      this.onUnavailable();
    }
  }

  async release() {
    this.wanted = false;
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel && !sentinel.released) await sentinel.release();
  }

  // Call on visibilitychange: take the lock again if we still want it.
  refresh() {
    if (this.wanted && document.visibilityState === "visible") this.hold();
  }
}
