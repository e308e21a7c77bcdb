// The lab's countdown, from the seconds the server says are left (so the learner's clock does
// not matter). It warns at 10 and at 1 minute, and calls `onEnd` once when the time is up.
const warnings = [
  [600, "10 minutes left."],
  [60, "1 minute left."],
];

export class Countdown {
  constructor(display, banner, onEnd) {
    this.display = display;
    this.banner = banner;
    this.onEnd = onEnd;
    this.warned = new Set();
  }

  // Called with each fresh state; the first call starts the ticking. Warnings and the end
  // already past when the page opened are not announced again; any reached while it is open are,
  // even when the news of a moved deadline comes late.
  set(secondsLeft) {
    if (secondsLeft === undefined || secondsLeft === null) return;
    this.endsAt = Date.now() + secondsLeft * 1000;
    if (this.ticking) return;
    warnings.forEach(([at]) => secondsLeft <= at && this.warned.add(at));
    this.ended = secondsLeft <= 0;
    this.ticking = setInterval(() => this.tick(), 1000);
    this.tick();
  }

  tick() {
    // Rounded up, as the server counts: 0:00 and the end come once its deadline has passed.
    const left = Math.ceil((this.endsAt - Date.now()) / 1000);
    this.display.hidden = false;
    const shown = Math.max(left, 0);
    this.display.textContent = `${Math.floor(shown / 60)}:${String(shown % 60).padStart(2, "0")}`;
    this.display.classList.toggle("warning", left > 0 && left <= 600);
    this.display.classList.toggle("over", left <= 0);
    for (const [at, text] of warnings) {
      if (left <= at && !this.warned.has(at)) {
        this.warned.add(at);
        this.warn(text);
      }
    }
    if (left <= 0 && !this.ended) {
      this.ended = true;
      this.warn("Time is up: the lab is graded. You can keep practising; nothing more is recorded.");
      this.onEnd();
    }
  }

  // Each warning stays in the banner, the latest first, so none is missed.
  warn(text) {
    this.banner.prepend(Object.assign(document.createElement("div"), { className: "warning", textContent: text }));
    this.banner.hidden = false;
  }

  stop() {
    clearInterval(this.ticking);
    this.ticking = null;
  }
}
