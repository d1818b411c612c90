// What tells a person, without looking, that something is about to change:
// soft beeps scheduled on the audio clock, a spoken cue, a vibration.
// Each can be turned off in the settings.

const COUNTDOWN_HZ = 660;
const CHANGE_HZ = 880;

export class Cues {
  constructor(settings) {
    this.settings = settings;
    this.audio = null;
    this.scheduled = [];
    this.voice = null;
  }

  // Browsers only let audio start from a tap or key press: call this then.
  unlock() {
    if (!this.settings.sound || this.audio) return;
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!AudioContext) return;
    this.audio = new AudioContext();
    this.audio.resume?.();
  }

  // Beep 3, 2 and 1 seconds before the end of a segment, and a brighter tone
  // at the change, timed on the AudioContext's own clock.
  scheduleSegmentEnd(remainingMs) {
    this.cancel();
    if (!this.settings.sound || !this.audio) return;
    const base = this.audio.currentTime + remainingMs / 1000;
    for (const secondsBefore of [3, 2, 1]) {
      if (remainingMs / 1000 > secondsBefore + 0.05) this.beep(base - secondsBefore, COUNTDOWN_HZ, 0.12, 0.08);
    }
    this.beep(base, CHANGE_HZ, 0.35, 0.14);
  }

  beep(at, frequency, length, volume) {
    const oscillator = this.audio.createOscillator();
    const gain = this.audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(volume, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    oscillator.connect(gain).connect(this.audio.destination);
    oscillator.start(at);
    oscillator.stop(at + length + 0.05);
    this.scheduled.push(oscillator);
  }

  cancel() {
    for (const oscillator of this.scheduled) {
      try { oscillator.stop(); } catch { /* already stopped */ }
    }
    this.scheduled = [];
  }

  // Speak with a voice on the device where there is one, so cues work offline.
  say(text) {
    if (!this.settings.voice || !("speechSynthesis" in window)) return;
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    const voice = this.pickVoice();
    if (voice) utterance.voice = voice;
    utterance.rate = 0.95;
    window.speechSynthesis.speak(utterance);
  }

  pickVoice() {
    if (this.voice) return this.voice;
    const voices = window.speechSynthesis.getVoices();
    const lang = document.documentElement.lang.slice(0, 2);
    const local = voices.filter((voice) => voice.localService);
    this.voice = local.find((voice) => voice.lang.startsWith(lang)) || local[0] || null;
    return this.voice;
  }

  hush() {
    this.cancel();
    if ("speechSynthesis" in window) window.speechSynthesis.cancel();
  }

  vibrate() {
    if (this.settings.vibration && "vibrate" in navigator) navigator.vibrate([180, 80, 180]);
  }
}
