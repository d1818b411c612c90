// Whether this browser can keep a routine's cues going with the screen off, told plainly from
// what it offers (feature detection), never guessed from its name.
//   can: "yes" (an audio session for playback: Safari on iOS 17 and later),
//        "while-sound-plays" (Web Audio with a Media Session: Chrome on Android and others),
//        "no" (no Web Audio at all), or "unsure" (Web Audio, but nothing to hold it when locked).

export function screenOffSupport(scope = globalThis) {
  const audio = Boolean(scope.AudioContext || scope.webkitAudioContext);
  const navigator = scope.navigator ?? {};
  if (!audio) {
    return { can: "no", advice: "This browser cannot play the cues with the screen off. Keep the screen on while you follow a routine: Easeback asks it to stay awake." };
  }
  if ("audioSession" in navigator) {
    return { can: "yes", advice: "This browser can keep the cues going with the screen locked. Start the routine with the screen on, then lock it. On an iPhone this works best from Easeback added to the Home Screen." };
  }
  if ("mediaSession" in navigator) {
    return { can: "while-sound-plays", advice: "This browser keeps the cues going with the screen off while the routine's sound plays. Start with the screen on and Easeback in front, then lock the phone. The routine shows on the lock screen, with pause and skip." };
  }
  return { can: "unsure", advice: "This browser may pause the cues when the screen goes off. To be sure of every cue, keep the screen on." };
}
