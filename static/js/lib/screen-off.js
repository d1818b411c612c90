// Whether this browser can keep a routine's cues going with the screen off, told plainly from
// what it offers (feature detection), never guessed from its name. The answer names the advice
// the page gives (app/site/words.py "screen-off-<answer>"):
//   "yes" (an audio session for playback: Safari on iOS 17 and later),
//   "while-sound-plays" (Web Audio with a Media Session: Chrome on Android and others),
//   "no" (no Web Audio at all), or "unsure" (Web Audio, but nothing to hold it when locked).

export function screenOffSupport(scope = globalThis) {
  const audio = Boolean(scope.AudioContext || scope.webkitAudioContext);
  const navigator = scope.navigator ?? {};
  if (!audio) return "no";
  if ("audioSession" in navigator) return "yes";
  return "mediaSession" in navigator ? "while-sound-plays" : "unsure";
}
