// The player on the lock screen and the headset (Media Session): the current exercise's name
// exactly as on screen, the routine, the step's picture as artwork, playing or paused, and
// how far through the routine; play, pause, next and previous track, and seeking, drive the
// player. A quiet looping audio element holds the media session where a browser only gives
// one to a playing media element (Chrome on Android).

const SEEK_MS = 10000;

export class MediaSessionLink {
  // actions: { play, pause, next, previous, seekBy(ms) }
  constructor({ routineTitle, holderUrl, actions }) {
    this.session = "mediaSession" in navigator ? navigator.mediaSession : null;
    this.routineTitle = routineTitle;
    this.holder = null;
    this.holderUrl = holderUrl;
    if (!this.session) return;
    const handlers = {
      play: actions.play,
      pause: actions.pause,
      nexttrack: actions.next,
      previoustrack: actions.previous,
      seekbackward: (details) => actions.seekBy(-(details?.seekOffset ?? SEEK_MS / 1000) * 1000),
      seekforward: (details) => actions.seekBy((details?.seekOffset ?? SEEK_MS / 1000) * 1000),
    };
    for (const [action, handler] of Object.entries(handlers)) {
      try {
        this.session.setActionHandler(action, handler);
      } catch {
        // This browser does not offer that action.
      }
    }
  }

  // From a tap: start the quiet holder, so the lock screen has something to show.
  hold() {
    if (!this.session) return;
    this.holder ??= Object.assign(new Audio(this.holderUrl), { loop: true, volume: 0.01 });
    // Not allowed here: the session simply shows less.
    this.holder.play().catch(() => {});
  }

  release() {
    this.holder?.pause();
  }

  // What the lock screen shows now.
  show({ name, artwork, playing, elapsedMs, totalMs }) {
    if (!this.session) return;
    if (this.session.metadata?.title !== name || this.artwork !== artwork) {
      this.artwork = artwork;
      this.session.metadata = new MediaMetadata({
        title: name,
        artist: this.routineTitle,
        album: "Easeback",
        artwork: [{ src: artwork, sizes: "256x256", type: "image/png" }],
      });
    }
    this.session.playbackState = playing ? "playing" : "paused";
    if (this.session.setPositionState && totalMs > 0) {
      this.session.setPositionState({
        duration: totalMs / 1000,
        position: Math.min(totalMs, Math.max(0, elapsedMs)) / 1000,
        playbackRate: 1,
      });
    }
  }

  end() {
    this.release();
    if (!this.session) return;
    this.session.playbackState = "none";
    this.session.metadata = null;
  }
}
