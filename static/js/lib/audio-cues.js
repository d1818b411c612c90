// The player's sound: recorded spoken cues and soft beeps, all placed on the AudioContext's
// own clock from lib/cue-plan.js at Start (and again after every Pause, Resume, Next,
// Previous or Restart), so they keep time with the screen off and no page timer runs them.
// The device's own voice (speechSynthesis) speaks where a clip is missing, and every cue when
// the person chose it in Settings (then no clip is fetched). Vibration
// stays with the page, which can only vibrate while it is awake.

import { cuePlan } from "./cue-plan.js";

const TONES = { count: { hz: 660, length: 0.12, level: 0.5 }, change: { hz: 880, length: 0.35, level: 0.8 } };

export class AudioCues {
  // settings: { sound (beeps), voice, voiceSource ("recorded" or "device"), volume 0..1,
  // vibration }; data: the player's page data,
  // whose `voice.clips` are this routine's clips ({ id: { url, words } }); names: the clip ids
  // (the page's rules).
  constructor({ settings, data, schedule, names }) {
    Object.assign(this, { settings, data, schedule, names });
    this.audio = null;
    this.buffers = {};
    this.words = Object.fromEntries(Object.entries(data.voice.clips).map(([id, clip]) => [id, clip.words]));
    this.sources = [];
    this.timers = [];
    this.ready = null;
    this.generation = 0;
  }

  // Make the AudioContext and fetch and decode this routine's clips (the service worker keeps
  // them on the device). Before a tap the context stays suspended; decoding still works.
  load() {
    if (this.ready) return this.ready;
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!AudioContext || !(this.settings.sound || this.settings.voice)) return (this.ready = Promise.resolve());
    this.audio = new AudioContext();
    const recorded = this.settings.voice && this.settings.voiceSource !== "device";
    // A clip with no address has no recording in the page's language: the device's voice says its words.
    const clips = recorded ? Object.entries(this.data.voice.clips).filter(([, clip]) => clip.url) : [];
    this.ready = Promise.all(clips.map(([id, clip]) => this.decode(id, clip.url)));
    return this.ready;
  }

  async decode(id, url) {
    try {
      const response = await fetch(url);
      this.buffers[id] = await this.audio.decodeAudioData(await response.arrayBuffer());
    } catch {
      // Offline and not stored, or not decodable here: the device's voice says it instead.
    }
  }

  // Browsers only let audio start from a tap or key press: call this then. iOS keeps a
  // "playback" session sounding when the phone locks.
  unlock() {
    if (navigator.audioSession) navigator.audioSession.type = "playback";
    this.load();
    this.audio?.resume?.();
  }

  // Follow the routine from where it is now (`elapsedNow()`, read once the clips are ready) to
  // its end: on Start, Resume and every jump. Anything placed before is dropped first.
  follow(elapsedNow) {
    this.hush();
    const generation = ++this.generation;
    return this.load().then(() => (generation === this.generation ? this.scheduleFrom(elapsedNow()) : null));
  }

  // Place every cue from `elapsedMs` to the end on the audio clock; where the routine picks up
  // part-way, the plan says where the person is first.
  scheduleFrom(elapsedMs) {
    this.hush();
    const clips = Object.fromEntries(Object.entries(this.buffers).map(([id, buffer]) => [id, { ms: buffer.duration * 1000 }]));
    const plan = cuePlan(this.schedule, this.data.steps, {
      slug: this.data.slug, names: this.names, voice: this.settings.voice, beeps: this.settings.sound, clips, words: this.words,
    }, elapsedMs);
    if (!this.audio) {
      for (const cue of plan) if (cue.kind === "speech") this.sayLater(cue.text, cue.at - elapsedMs);
      return plan;
    }
    // The moment each cue should be heard, on the audio clock, less the time sound takes to
    // reach the speaker.
    const zero = this.audio.currentTime - elapsedMs / 1000 - (this.audio.outputLatency || this.audio.baseLatency || 0);
    // Tests and the bench read what was placed, and where the routine's time zero fell.
    document.dispatchEvent(new CustomEvent("easeback:cues", { detail: { fromMs: elapsedMs, zero, plan } }));
    for (const cue of plan) {
      const at = Math.max(this.audio.currentTime, zero + cue.at / 1000);
      if (cue.kind === "clip") this.play(this.buffers[cue.clip], at, cue.until === undefined ? null : zero + cue.until / 1000);
      else if (cue.kind === "beep") this.beep(TONES[cue.tone], at);
      else this.sayLater(cue.text, cue.at - elapsedMs);
    }
    return plan;
  }

  // The way out to the speaker, at the person's chosen volume.
  output() {
    const gain = this.audio.createGain();
    gain.gain.value = this.settings.volume ?? 1;
    gain.connect(this.audio.destination);
    return gain;
  }

  play(buffer, at, until) {
    const source = this.audio.createBufferSource();
    source.buffer = buffer;
    source.connect(this.output());
    source.start(at);
    if (until !== null) source.stop(Math.max(at, until));
    this.sources.push(source);
  }

  beep({ hz, length, level }, at) {
    const oscillator = this.audio.createOscillator();
    const gain = this.audio.createGain();
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.16 * level, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    oscillator.connect(gain).connect(this.output());
    oscillator.start(at);
    oscillator.stop(at + length + 0.05);
    this.sources.push(oscillator);
  }

  // The device's own voice, where there is no clip: only while the page is awake.
  sayLater(text, delayMs) {
    if (!("speechSynthesis" in window)) return;
    this.timers.push(setTimeout(() => {
      window.speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = document.documentElement.lang;
      utterance.rate = 0.95;
      utterance.volume = this.settings.volume ?? 1;
      window.speechSynthesis.speak(utterance);
    }, Math.max(0, delayMs)));
  }

  // Stop everything placed so far, and anything still waiting for the clips (Pause, the end).
  stop() {
    this.generation += 1;
    this.hush();
  }

  hush() {
    for (const source of this.sources) {
      try { source.stop(); } catch { /* never started, or already stopped */ }
    }
    this.sources = [];
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    if ("speechSynthesis" in window) window.speechSynthesis.cancel();
  }

  vibrate() {
    if (this.settings.vibration && "vibrate" in navigator) navigator.vibrate([180, 80, 180]);
  }
}
