// Terminal tabs: xterm.js drawing a shell that runs on the server, over a WebSocket. Output comes
// as binary frames; typed or pasted text goes as "i…", a new size as "rCOLS,ROWS". The shell
// outlives the page: a reload attaches again and the server replays the scrollback.
import { api, element } from "./api.js";

export class Terminals {
  constructor(lab, tabs, boxes, newButton) {
    this.lab = lab;
    this.tabs = tabs;
    this.boxes = boxes;
    this.open = new Map();
    newButton.onclick = () => this.create();
    window.addEventListener("resize", () => this.fitCurrent());
  }

  // Attaches to every shell the server runs for the lab, or opens the first one.
  async attachAll(ids) {
    if (ids.length === 0) return this.create();
    ids.forEach((id) => this.attach(id));
    this.show(ids[0]);
  }

  async create() {
    const { id } = await api(`labs/${this.lab}/terminals`, {});
    this.attach(id);
    this.show(id);
  }

  attach(id) {
    if (this.open.has(id)) return;
    const box = element("div", "terminal-box");
    box.dataset.terminal = id;
    this.boxes.appendChild(box);
    const tab = element("button", "", `bash ${this.open.size + 1}`);
    tab.onclick = () => this.show(id);
    this.tabs.insertBefore(tab, this.tabs.lastElementChild);
    // The DOM renderer keeps the screen's text in the page, where assistive tools can read it.
    const term = new Terminal({ rendererType: "dom", cursorBlink: true, scrollback: 5000, fontSize: 14 });
    TerminalFit.apply(Terminal);
    term.open(box);
    const socket = new WebSocket(`ws://${location.host}/terminal/${id}`);
    socket.binaryType = "arraybuffer";
    const decoder = new TextDecoder();
    socket.onmessage = (event) => term.write(decoder.decode(new Uint8Array(event.data), { stream: true }));
    socket.onopen = () => {
      term.fit();
      socket.send(`r${term.cols},${term.rows}`);
    };
    socket.onclose = () => term.write("\r\n[the shell has ended]\r\n");
    term.on("data", (data) => socket.readyState === WebSocket.OPEN && socket.send("i" + data));
    term.on("resize", ({ cols, rows }) => socket.readyState === WebSocket.OPEN && socket.send(`r${cols},${rows}`));
    this.open.set(id, { term, box, tab });
  }

  show(id) {
    for (const [other, { box, tab }] of this.open) {
      box.hidden = other !== id;
      tab.classList.toggle("current", other === id);
    }
    this.current = id;
    this.fitCurrent();
    this.open.get(id)?.term.focus();
  }

  fitCurrent() {
    this.open.get(this.current)?.term.fit();
  }
}
