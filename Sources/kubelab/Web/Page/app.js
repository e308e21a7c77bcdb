// The page's views, chosen by the address's hash: the lab list (#), a lab's practice page
// (#lab/ID) and its results (#results/ID). State comes from the server, polled, so what a shell
// does to the same session (`kubelab answer`, `hint`, `check`) shows here too.
import { api, element, points } from "./api.js";
import { Terminals } from "./terminal.js";
import { Countdown } from "./timer.js";

const $ = (id) => document.getElementById(id);
const views = ["labs-view", "setup-view", "practice-view", "results-view"];
let lab = null; // the lab shown: { id, state, current, terminals, countdown }
let poller = null;

function show(view) {
  views.forEach((name) => ($(name).hidden = name !== view));
}

async function route() {
  clearInterval(poller);
  const [view, id] = location.hash.replace(/^#/, "").split("/");
  if (lab && lab.id !== id) {
    lab.countdown?.stop();
    lab = null;
  }
  try {
    if (view === "lab" && id) return await openLab(id);
    if (view === "results" && id) return await openResults(id);
    await openList();
  } catch (error) {
    notice(error.message);
  }
}

function notice(text) {
  $("banner").prepend(element("div", "notice", text));
  $("banner").hidden = false;
}

// The lab list: each lab with its last score and a Start button.
async function openList() {
  $("lab-title").textContent = "";
  $("lab-nav").hidden = true;
  $("timer").hidden = true;
  const body = $("labs").tBodies[0];
  body.replaceChildren();
  for (const { summary, lastScore, phase } of await api("labs")) {
    const row = body.insertRow();
    row.dataset.lab = summary.id;
    const name = row.insertCell();
    name.append(element("strong", "", summary.title || summary.id), element("div", "summary", summary.summary || summary.problem || ""));
    row.insertCell().textContent = summary.duration || "–";
    row.insertCell().textContent = summary.tasks ?? "";
    row.insertCell().textContent = summary.topology || "";
    row.insertCell().textContent = lastScore === undefined ? "–" : `${Math.round(lastScore)}%`;
    const start = element("button", "primary start", phase ? "Open" : "Start");
    start.disabled = Boolean(summary.problem);
    start.onclick = () => (location.hash = `#lab/${summary.id}`);
    row.insertCell().append(start);
  }
  show("labs-view");
}

// A lab's practice page; starts the lab when this server has not yet.
async function openLab(id) {
  let state;
  try {
    state = await api(`labs/${id}`);
  } catch {
    state = await api(`labs/${id}/start`, {});
  }
  if (!lab) {
    lab = { id, current: Number(sessionStorage.getItem(`task-${id}`) || 0) };
    lab.countdown = new Countdown($("timer"), $("banner"), () => timeIsUp());
  }
  $("lab-title").textContent = state.title;
  $("lab-nav").hidden = false;
  $("nav-practice").href = `#lab/${id}`;
  $("nav-results").href = `#results/${id}`;
  apply(state);
  poller = setInterval(refresh, 1500);
}

async function refresh() {
  if (!lab) return;
  try {
    apply(await api(`labs/${lab.id}`));
  } catch (error) {
    notice(error.message);
  }
}

function apply(state) {
  lab.state = state;
  if (state.phase === "provisioning" || state.phase === "failed") {
    show("setup-view");
    $("progress").textContent = state.progress.join("\n") + (state.failure ? `\n\nThe lab could not start: ${state.failure}` : "");
    return;
  }
  if (!lab.terminals) {
    lab.terminals = new Terminals(lab.id, $("terminal-tabs"), $("terminals"), $("new-terminal"));
    lab.terminals.attachAll(state.terminals);
  }
  if (location.hash.startsWith("#lab/")) show("practice-view");
  lab.countdown.set(state.secondsLeft);
  $("waiting").hidden = !state.waiting;
  $("waiting").textContent = state.waiting || "";
  renderTasks();
}

function renderTasks() {
  const { tasks } = lab.state;
  lab.current = Math.min(Math.max(lab.current, 0), tasks.length - 1);
  sessionStorage.setItem(`task-${lab.id}`, lab.current);
  const list = $("task-list");
  list.replaceChildren(...tasks.map((task, index) => {
    const button = element("button", task.status.replace(" ", "-"), String(task.number));
    button.title = `${task.id}: ${task.status}`;
    button.classList.toggle("current", index === lab.current);
    button.classList.toggle("flagged", task.flagged);
    button.onclick = () => go(index);
    return button;
  }));
  const task = tasks[lab.current];
  if ($("task").dataset.task !== task.id) renderTask(task);
  $("task-status").textContent = task.status;
  $("task-status").className = `status ${task.status}`;
  $("task-points").textContent = `${task.earned === undefined ? "–" : points(task.earned)}/${points(task.points)} points`;
  $("task-flag").checked = task.flagged;
  renderHints(task.hints, task.hintCount);
  if (task.solution) showSolution(task.solution);
}

// What changes only when the learner moves to another task.
function renderTask(task) {
  $("task").dataset.task = task.id;
  $("task-number").textContent = `Task ${task.number} of ${lab.state.tasks.length}`;
  $("task-ask").textContent = task.ask;
  $("verdict").replaceChildren();
  $("solution").hidden = true;
  const choices = $("choices");
  choices.replaceChildren();
  $("answer-form").hidden = task.kind === "action";
  $("check-task").hidden = task.kind !== "action";
  $("answer-text").hidden = task.kind !== "question";
  $("answer-text").value = task.kind === "question" ? task.answer || "" : "";
  (task.choices || []).forEach((text, index) => {
    const label = element("label");
    const radio = element("input");
    radio.type = "radio";
    radio.name = "choice";
    radio.value = String.fromCharCode(97 + index);
    radio.checked = task.answer === text || task.answer === radio.value;
    label.append(radio, ` ${radio.value}) ${text}`);
    choices.append(label);
  });
  $("hint-button").disabled = task.hintCount === 0;
  $("solution-button").disabled = !task.hasSolution;
}

function renderHints(hints, count) {
  $("hints").replaceChildren(...hints.map((hint) => element("li", "hint", hint)));
  $("hint-button").textContent = count ? `Hint (${hints.length}/${count})` : "Hint";
}

function showSolution(text) {
  $("solution").textContent = text;
  $("solution").hidden = false;
}

function go(index) {
  lab.current = index;
  renderTasks();
}

const currentTask = () => lab.state.tasks[lab.current];

// One task's result: the verdict, then every check with what was found, its hint and points.
function showResult(result, extra) {
  const verdict = $("verdict");
  const headline = {
    passed: "✔ Correct",
    partial: "Partly done",
    failed: "✗ Not right yet",
    error: "! Could not grade it now (the cluster could not be read); your work is kept",
    unanswered: "No answer yet",
  }[result.status];
  verdict.replaceChildren(element("div", `headline ${result.status}`, `${headline} (${points(result.earned)}/${points(result.points)})${extra || ""}`));
  for (const check of result.checks) {
    const box = element("div", `check ${check.verdict}`);
    box.append(element("div", "", `${check.verdict.toUpperCase()} ${check.message} (${points(check.earned)} points)`));
    if (check.hint && check.verdict !== "pass") box.append(element("div", "check-hint", `Hint: ${check.hint}`));
    verdict.append(box);
  }
}

async function busy(button, work) {
  button.disabled = true;
  try {
    await work();
  } catch (error) {
    $("verdict").replaceChildren(element("div", "headline error", error.message));
  } finally {
    button.disabled = false;
  }
}

$("answer-form").onsubmit = (event) => {
  event.preventDefault();
  const task = currentTask();
  const chosen = document.querySelector("#choices input:checked");
  const text = task.kind === "choice" ? chosen?.value || "" : $("answer-text").value;
  busy($("answer-button"), async () => {
    const answered = await api(`labs/${lab.id}/answer`, { task: task.id, text });
    showResult(answered.result, answered.ungraded ? " — not recorded: the time is up" : "");
    if (answered.hints) renderHints(answered.hints, task.hintCount);
    await refresh();
  });
};

$("check-task").onclick = () => busy($("check-task"), async () => {
  const report = await api(`labs/${lab.id}/check`, { task: currentTask().id });
  showResult(report.tasks[0]);
  await refresh();
});

$("check-lab").onclick = () => busy($("check-lab"), async () => {
  const report = await api(`labs/${lab.id}/check`, {});
  const verdict = $("verdict");
  verdict.replaceChildren(element("div", "headline", `Whole lab: ${points(report.earned)}/${points(report.points)} (${Math.round(report.percent)}%), pass mark ${points(report.passMark)}%`));
  for (const task of report.tasks) verdict.append(element("div", `check ${task.status === "passed" ? "pass" : task.status === "error" ? "error" : "fail"}`, `${task.id}: ${task.status} (${points(task.earned)}/${points(task.points)})`));
  await refresh();
});

$("hint-button").onclick = () => busy($("hint-button"), async () => {
  renderHints(await api(`labs/${lab.id}/hint`, { task: currentTask().id }), currentTask().hintCount);
  await refresh();
});

$("solution-button").onclick = () => {
  if (!confirm("Show the solution? It is recorded as revealed.")) return;
  busy($("solution-button"), async () => {
    showSolution((await api(`labs/${lab.id}/solution`, { task: currentTask().id })).solution);
    await refresh();
  });
};

$("task-flag").onchange = async () => {
  await api(`labs/${lab.id}/flag`, { task: currentTask().id, on: $("task-flag").checked });
  await refresh();
};

$("previous").onclick = () => go(lab.current - 1);
$("next").onclick = () => go(lab.current + 1);

// The time is up: grade the whole lab, the grading at the end that is still recorded, and show
// the results.
async function timeIsUp() {
  await api(`labs/${lab.id}/check`, { end: true });
  location.hash = `#results/${lab.id}`;
}

// The results page: score, pass mark and every task with its checks, hints used and solution.
async function openResults(id) {
  if (!lab || lab.id !== id) await openLab(id);
  clearInterval(poller);
  show("results-view");
  const report = await api(`labs/${id}/report.json`);
  renderResults(report);
  $("download-json").href = `/api/labs/${id}/report.json`;
  $("download-junit").href = `/api/labs/${id}/report.xml`;
  $("reevaluate").onclick = () => busy($("reevaluate"), async () => {
    renderResults(await api(`labs/${id}/check`, {}));
    await refresh();
  });
}

function renderResults(report) {
  const state = lab.state;
  $("results-summary").replaceChildren(
    element("span", report.passed ? "passed-text" : "failed-text", report.passed ? "Passed" : "Not passed"),
    ` — score ${points(report.earned)}/${points(report.points)} (${Math.round(report.percent)}%), pass mark ${points(report.passMark)}%`,
  );
  const body = $("results").tBodies[0];
  body.replaceChildren();
  state.tasks.forEach((task) => {
    const result = report.tasks.find((candidate) => candidate.id === task.id);
    const row = body.insertRow();
    row.dataset.task = task.id;
    row.insertCell().textContent = task.number;
    row.insertCell().append(element("strong", "", task.id), element("div", "summary", task.ask));
    row.insertCell().textContent = result?.status || task.status;
    row.insertCell().textContent = `${points(result?.earned ?? 0)}/${points(task.points)}`;
    const checks = row.insertCell();
    (result?.checks || []).forEach((check) => checks.append(element("div", `check ${check.verdict}`, `${check.verdict}: ${check.message}`)));
    if (result?.answer) checks.append(element("div", "", `Answer: ${result.answer}`));
    row.insertCell().textContent = `${task.hints.length}/${task.hintCount}`;
    row.insertCell().textContent = task.solution ? "revealed" : "";
  });
}

window.addEventListener("hashchange", route);
route();
