"""The practice page in headless Chromium, as a learner uses it: `kubelab web pods --sandbox`.

Started by CLITests (WebPageTests) with the URL that kubelab web printed, where to save a
screenshot, and the lab's session file (to bring its deadline near, as if the time had run). Every wait polls a condition (WebDriverWait); nothing sleeps for a fixed time.
Exits 0 when every step passed; prints the step that failed otherwise.
"""

import datetime
import json
import os
import re
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

URL, SCREENSHOT, SESSION = sys.argv[1], sys.argv[2], sys.argv[3]
parts = urllib.parse.urlsplit(URL)
BASE = f"{parts.scheme}://{parts.netloc}"
TOKEN = urllib.parse.parse_qs(parts.query)["token"][0]


def status(path, token=None, headers=None):
    query = f"{'&' if '?' in path else '?'}token={token}" if token else ""
    request = urllib.request.Request(BASE + path + query, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def upgrade_status(path, token, origin):
    """The status line's code of a WebSocket upgrade request, sent by hand."""
    query = f"?token={token}" if token else ""
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(
            (f"GET {path}{query} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n").encode())
        return int(connection.recv(1024).split(b" ")[1])


def check(condition, what):
    if not condition:
        sys.exit(f"FAILED: {what}")
    print(f"ok: {what}", flush=True)


# Without the token, nothing is served.
for path in ["/", "/api/labs", "/page/app.js", "/xterm/xterm.js", "/api/labs/pods"]:
    check(status(path)[0] == 403, f"{path} without the token is refused")
check(status("/api/labs", token="0" * 64)[0] == 403, "a wrong token is refused")

# A body larger than any the page sends is refused, token or not, before it is read whole.
try:
    urllib.request.urlopen(urllib.request.Request(f"{BASE}/api/labs/pods/answer?token={TOKEN}", data=b"x" * (2 << 20)))
    check(False, "a 2 MiB body is refused")
except (urllib.error.URLError, ConnectionError):
    check(True, "a 2 MiB body is refused")

# With the token the page is served. (That no served file loads anything from another site is
# WebPageTests.servedFilesLoadNothingFromTheInternet.)
check(status("/", token=TOKEN)[0] == 200, "the page is served with the token")

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1440,900", "--disable-dev-shm-usage"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
# The page redraws its task list at every refresh: an element found a moment ago may be replaced.
wait = WebDriverWait(driver, 120, ignored_exceptions=[StaleElementReferenceException])


def by_id(name):
    return driver.find_element(By.ID, name)


def terminal_text():
    # The rows' own text, joined in the page: WebDriver's visible-text reading of the terminal's
    # thousands of spans cost the browser most of a core at every poll.
    text = driver.execute_script(
        "const rows = document.querySelector('.terminal-box:not([hidden]) .xterm-rows');"
        "return rows ? Array.from(rows.children, (row) => row.textContent.trimEnd()).join('\\n') : '';")
    return text.replace("\xa0", " ")


def prompt_after(output):
    """Whether the shell's prompt (a row ending in `#`) follows the last row matching `output`."""
    rows = terminal_text().split("\n")
    matched = [index for index, row in enumerate(rows) if re.fullmatch(output, row)]
    return bool(matched) and any(row.endswith("#") for row in rows[matched[-1] + 1:])


def type_in_terminal(line):
    box = driver.find_element(By.CSS_SELECTOR, ".terminal-box:not([hidden])")
    box.click()
    box.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(line + Keys.ENTER)


def task_class(number):
    return driver.execute_script(
        "return document.querySelector(`#task-list button:nth-child(${arguments[0]})`).className", number)


def go_to_task(number):
    wait.until(lambda _: driver.find_element(By.XPATH, f"//div[@id='task-list']/button[text()='{number}']").click() or True)
    wait.until(lambda _: by_id("task-number").text.startswith(f"Task {number} "))


def seconds(text):
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


try:
    driver.get(URL)
    wait.until(lambda _: by_id("practice-view").is_displayed())
    check(by_id("lab-title").text == "Pods", "the pods lab opens once provisioned")

    first = wait.until(lambda _: by_id("timer").text or None)
    wait.until(lambda _: seconds(by_id("timer").text) < seconds(first))
    check(seconds(first) <= 20 * 60, f"the timer counts down from the lab's 20 minutes ({first} → {by_id('timer').text})")

    go_to_task(4)
    by_id("answer-text").send_keys("2" + Keys.ENTER)
    wait.until(lambda _: "Correct" in by_id("verdict").text)
    check(True, "a right answer is graded correct at once")

    go_to_task(3)
    by_id("answer-text").send_keys("nowhere" + Keys.ENTER)
    wait.until(lambda _: "Not right" in by_id("verdict").text)
    wait.until(lambda _: "NODE column" in by_id("hints").text)
    check(True, "a wrong answer is graded wrong and shows the hint")

    wait.until(lambda _: terminal_text().strip())  # the shell drew its prompt
    type_in_terminal("kubectl run nginx --image=nginx")
    wait.until(lambda _: "pod/nginx created" in terminal_text())
    check(True, "kubectl in the terminal reaches the lab's cluster")

    go_to_task(9)
    by_id("check-task").click()
    wait.until(lambda _: "Correct" in by_id("verdict").text)
    check("PASS" in by_id("verdict").text, "Check passes the task and lists its checks")
    driver.save_screenshot(SCREENSHOT)

    # `ssh` lists the sandbox's nodes, `ssh controlplane` logs into its node (its hostname, root's
    # prompt), and `exit` comes back to the page's shell (its environment: the node's is clean).
    type_in_terminal("ssh")
    wait.until(lambda _: re.search(r"^controlplane$", terminal_text(), re.M))
    check(True, "`ssh` in the terminal lists the sandbox's nodes")
    type_in_terminal("ssh controlplane")
    wait.until(lambda _: "root@controlplane:~#" in terminal_text())
    type_in_terminal("hostname")
    wait.until(lambda _: re.search(r"^root@controlplane:~# hostname\s*\ncontrolplane$", terminal_text(), re.M))
    check(True, "`ssh controlplane` in the terminal opens a shell on the node")
    type_in_terminal("exit")
    type_in_terminal("echo back-$KUBELAB_LAB")
    wait.until(lambda _: re.search(r"^back-pods$", terminal_text(), re.M))
    check(True, "`exit` on the node comes back to the page's shell")
    # A kubeconfig whose server is no sandbox: `ssh` says so in one line.
    type_in_terminal("f=$(mktemp); kubectl config view --raw --minify | sed 's#server: .*#server: https://127.0.0.1:9#' >$f;"
                     " KUBECONFIG=$f ssh controlplane 2>&1 | awk '/not a running kubelab sandbox/ {n++} END {print \"lines-\" NR \"-\" n}'; rm -f $f")
    wait.until(lambda _: re.search(r"^lines-\d+-\d*$", terminal_text(), re.M))
    said = re.search(r"^lines-\d+-\d*$", terminal_text(), re.M).group(0)
    check(said == "lines-1-1", f"`ssh` where the cluster is no sandbox says so in one line ({said})")

    type_in_terminal("echo shell-$$")
    wait.until(lambda _: re.search(r"^shell-\d+", terminal_text(), re.M))
    shell = re.search(r"^shell-(\d+)", terminal_text(), re.M).group(1)

    # The PTY has the size the page fitted the terminal to (wider than the default 80 columns).
    type_in_terminal("stty size")
    wait.until(lambda _: re.search(r"^\d+ \d+$", terminal_text(), re.M))
    rows, columns = map(int, re.search(r"^(\d+) (\d+)$", terminal_text(), re.M).groups())
    check(columns > 80 and rows > 10, f"the terminal's size reaches the shell ({columns}x{rows})")

    # A multi-line paste arrives whole; bash (bracketed paste, as in any terminal) runs it on Enter.
    # Bash turns bracketed paste on just before it shows its prompt: a paste that reaches the page
    # earlier runs line by line, as in any terminal. So paste once the prompt is back after `stty size`
    # (a run of 730 tests failed here once, with each line run on its own).
    wait.until(lambda _: prompt_after(r"\d+ \d+"))
    driver.execute_script("""
        const data = new DataTransfer();
        data.setData("text/plain", "echo first-$((20+1))\\necho second-$((20+2))\\n");
        document.querySelector(".terminal-box:not([hidden]) .xterm-helper-textarea")
          .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
    """)
    wait.until(lambda _: "second-$((20+2))" in terminal_text())
    type_in_terminal("")
    wait.until(lambda _: re.search(r"^first-21$", terminal_text(), re.M) and re.search(r"^second-22$", terminal_text(), re.M))
    check(True, "a multi-line paste runs each line")

    # The same session from a shell: an answer given with `kubelab answer` shows on the page.
    type_in_terminal("kubelab answer webapp-images nginx,agentx")
    wait.until(lambda _: "passed" in task_class(5))
    check(True, "an answer given with `kubelab answer` in the terminal shows on the page")

    go_to_task(10)
    by_id("task-flag").click()
    wait.until(lambda _: "flagged" in task_class(10))
    check(True, "a task can be flagged to come back to")

    driver.refresh()
    wait.until(lambda _: by_id("practice-view").is_displayed())
    wait.until(lambda _: "pod/nginx created" in terminal_text())
    type_in_terminal("echo again-$$")
    wait.until(lambda _: re.search(r"^again-\d+", terminal_text(), re.M))
    again = re.search(r"^again-(\d+)", terminal_text(), re.M).group(1)
    check(again == shell, f"a reload reattaches to the same shell with its scrollback (pid {shell})")
    check("flagged" in task_class(10),
          "the flag is kept in the session")

    # Another tab is another shell; the first one is still there.
    by_id("new-terminal").click()
    wait.until(lambda _: len(driver.find_elements(By.CSS_SELECTOR, ".terminal-box")) == 2)
    wait.until(lambda _: terminal_text().strip())  # the second shell drew its prompt
    type_in_terminal("echo tab-$$")
    wait.until(lambda _: re.search(r"^tab-\d+", terminal_text(), re.M))
    check(re.search(r"^tab-(\d+)", terminal_text(), re.M).group(1) != shell, "a second tab runs a shell of its own")
    driver.find_element(By.XPATH, "//div[@id='terminal-tabs']/button[text()='bash 1']").click()
    wait.until(lambda _: f"shell-{shell}" in terminal_text())

    # WebSocket upgrades: refused without the token, and from another origin even with it.
    terminal = driver.find_element(By.CSS_SELECTOR, ".terminal-box").get_attribute("data-terminal")
    check(upgrade_status(f"/terminal/{terminal}", None, BASE) == 403, "a WebSocket without the token is refused")
    check(upgrade_status(f"/terminal/{terminal}", TOKEN, "http://evil.example") == 403,
          "a WebSocket from another origin is refused")
    check(upgrade_status(f"/terminal/{terminal}", TOKEN, BASE) == 101, "the page's own WebSocket is accepted")

    # The lab's time runs out: its deadline, moved to a few seconds from now in the session file,
    # reaches the page at its next refresh.
    with open(SESSION) as file:
        session = json.load(file)
    soon = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=8)
    session["deadline"] = soon.strftime("%Y-%m-%dT%H:%M:%SZ")
    with open(SESSION + ".edited", "w") as file:
        json.dump(session, file)
    os.replace(SESSION + ".edited", SESSION)
    wait.until(lambda _: "Time is up" in by_id("banner").text)
    banner = by_id("banner").text
    check("10 minutes left" in banner and "1 minute left" in banner, f"the timer warns at 10 and 1 minutes: {banner}")
    check(by_id("timer").text == "0:00", "the timer stops at 0:00")
    wait.until(lambda _: by_id("results-view").is_displayed())
    wait.until(lambda _: len(driver.find_elements(By.CSS_SELECTOR, "#results tbody tr")) == 12)
    check(True, "at the end the lab is graded and the results shown")
    summary = by_id("results-summary").text
    check("pass mark 70%" in summary, f"the results page shows the score and pass mark: {summary}")
    rows = {row.get_attribute("data-task"): row.text for row in driver.find_elements(By.CSS_SELECTOR, "#results tbody tr")}
    check("passed" in rows["create-nginx"] and "passed" in rows["webapp-container-count"],
          "the results page lists every task with its status")
    check(status("/api/labs/pods/report.xml", token=TOKEN)[1].startswith("<?xml"), "the JUnit report downloads")

    by_id("nav-practice").click()
    wait.until(lambda _: by_id("practice-view").is_displayed())
    go_to_task(1)
    by_id("answer-text").send_keys("99" + Keys.ENTER)
    wait.until(lambda _: "not recorded" in by_id("verdict").text)
    check("Not right" in by_id("verdict").text, "after the time, answers are still graded, but not recorded")

    driver.find_element(By.CLASS_NAME, "brand").click()
    wait.until(lambda _: driver.find_elements(By.CSS_SELECTOR, "#labs tr[data-lab='pods']"))
    pods = driver.find_element(By.CSS_SELECTOR, "#labs tr[data-lab='pods']").text
    check("Pods" in pods and "20m" in pods and "12" in pods and "kubeadm" in pods and "%" in pods,
          f"the lab list shows each lab with its duration, tasks, topology and last score: {pods}")
except Exception:
    # What the learner would see, to tell why a wait timed out.
    print("the terminal shows:\n" + terminal_text(), file=sys.stderr)
    print("the task pane shows:\n" + by_id("task-pane").text, file=sys.stderr)
    raise
finally:
    driver.quit()
print("browser test passed")
