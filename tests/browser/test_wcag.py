"""WCAG 2.2 AA criteria that axe cannot judge, one test per criterion, in Chromium on a 360x640 phone.

Target size (2.5.8), dragging movements (2.5.7), consistent help (3.2.6), redundant entry (3.3.7),
accessible authentication (3.3.8), timing adjustable (2.2.1), three flashes (2.3.1) and status
messages (4.1.3). Each test says in its name what a person gets; its failure names the page and
the element.
"""
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_linking import CODE, favourite_in_bed
from tests.browser.test_own_routines import add, step_names
from tests.browser.test_plan import group, set_up_through_the_api
from tests.browser.test_player import PAUSED, PLAY, START
from tools.browser import SMALL_PHONE
from tools.screenshots import PAGES, SEND, saves

STYLESHEETS = Path(__file__).parents[2] / "static" / "css"
HELP = "Warning signs and when to get help"
FOOTER_HELP = f"footer: {HELP}"



@pytest.fixture
def regular_user(small_phone):
    """The small phone with three weeks of saves (as make screenshots makes them) and a plan, so
    every page shows what someone who uses the app gets: history's chart, the plan's cards."""
    small_phone.evaluate("localStorage.setItem('easeback:has-plan', 'true')")
    small_phone.evaluate(SEND, saves(datetime.now(UTC)))
    return small_phone


def visit(page, path):
    """Open path and wait until its scripts have drawn it."""
    page.goto(path, wait_until="networkidle")


# --- 2.5.8 Target size (minimum) ---------------------------------------------

# The page's visible targets, as {text, tag, size}, that are smaller than 24x24 CSS px and neither
# sit inside a sentence nor have 24 px of room around them. A checkbox or radio
# counts together with its labels (a tap on either works it).
SMALL_TARGETS = """() => {
  const MIN = 24;
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width >= 2 && box.height >= 2
      && element.checkVisibility({ checkOpacity: true, visibilityProperty: true });
  };
  const union = (boxes) => {
    const left = Math.min(...boxes.map((b) => b.left)), top = Math.min(...boxes.map((b) => b.top));
    const right = Math.max(...boxes.map((b) => b.right)), bottom = Math.max(...boxes.map((b) => b.bottom));
    return { left, top, right, bottom, width: right - left, height: bottom - top };
  };
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]";
  const targets = [];
  for (const element of document.querySelectorAll(selector)) {
    const choice = element.matches("input[type=checkbox], input[type=radio]");
    const parts = [element, ...(choice ? element.labels : [])].filter(shown);
    if (parts.length === 0) continue;
    const words = element.matches("input") ? element.labels[0]?.textContent || element.name
      : element.textContent;
    const text = words.replace(/\\s+/g, " ").trim().slice(0, 60)
      || element.getAttribute("aria-label") || element.tagName;
    targets.push({ element, text, box: union(parts.map((part) => part.getBoundingClientRect())) });
  }
  // The WCAG inline exception: a link in a line of text, its height set by the text around it.
  const inline = ({ element }) => {
    if (element.tagName !== "A" || getComputedStyle(element).display !== "inline") return false;
    let block = element.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return block.textContent.replace(/\\s+/g, "").length > element.textContent.replace(/\\s+/g, "").length;
  };
  const small = (target) => target.box.width < MIN - 0.01 || target.box.height < MIN - 0.01;
  const centre = ({ box }) => [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
  const circleMeets = (target, box) => {
    const [x, y] = centre(target);
    const dx = Math.max(box.left - x, 0, x - box.right), dy = Math.max(box.top - y, 0, y - box.bottom);
    return Math.hypot(dx, dy) < MIN / 2;
  };
  // The spacing exception: a 24 px circle on the target's centre meets no other target, nor
  // another small target's circle.
  const apart = (one, other) => {
    const [[x1, y1], [x2, y2]] = [centre(one), centre(other)];
    return Math.hypot(x1 - x2, y1 - y2);
  };
  const spaced = (target) => targets.every((other) => other === target
    || other.element.contains(target.element) || target.element.contains(other.element)
    || (!circleMeets(target, other.box) && !(small(other) && apart(target, other) < MIN)));
  return targets.filter((target) => small(target) && !inline(target) && !spaced(target)).map((target) => ({
    text: target.text, tag: target.element.tagName.toLowerCase(),
    size: `${Math.round(target.box.width * 10) / 10}x${Math.round(target.box.height * 10) / 10}`,
  }));
}"""


def small_targets(page, where):
    """The page's targets that fail 2.5.8, each as a line naming where, the element and its size."""
    return [f"{where}: {target['tag']} {target['text']!r} is {target['size']} px"
            for target in page.evaluate(SMALL_TARGETS)]


def test_every_target_is_at_least_24_px_or_inline_or_well_spaced(regular_user):
    page = regular_user
    found = []
    for path in PAGES:
        visit(page, path)
        found += small_targets(page, path)
    # What shows only after a tap: the More menu, the player's controls once started, and the
    # builder's step buttons.
    visit(page, "/")
    page.locator("[data-more] summary").click()
    found += small_targets(page, "/ (More open)")
    visit(page, PLAY)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("button", name="Pause", exact=True)).to_be_visible()
    found += small_targets(page, f"{PLAY} (playing)")
    page.goto("/routines/new")
    add(page, "Cat-cow")
    add(page, "Glute bridge")
    found += small_targets(page, "/routines/new (2 steps)")
    assert found == [], "\n".join(found)


# --- 2.5.7 Dragging movements -------------------------------------------------

# Notes every listener for a drag (or for the moves a drag is built from) as the page adds it.
DRAG_LISTENERS = """(() => {
  window.dragListeners = [];
  const kinds = /^(drag|dragstart|dragend|dragenter|dragleave|dragover|drop|pointermove|touchmove)$/;
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (kinds.test(type)) window.dragListeners.push(`${type} on ${this.nodeName || "window"}`);
    return original.call(this, type, ...rest);
  };
})();"""
DRAGGABLE = """() => [...document.querySelectorAll("[draggable=true], [ondragstart], [ondrop], [ondragover]")]
  .map((element) => element.outerHTML.slice(0, 80))"""


def dragging(page):
    """What on the page could only be worked by dragging: draggable elements and drag listeners."""
    return page.evaluate(DRAGGABLE) + page.evaluate("window.dragListeners")


def test_nothing_needs_dragging_and_steps_move_with_buttons(small_phone):
    page = small_phone
    page.add_init_script(DRAG_LISTENERS)
    found = []
    for path in PAGES:
        page.goto(path)  # "load": the page scripts have run and added their listeners
        found += [f"{path}: {what}" for what in dragging(page)]
    page.goto("/routines/new")
    add(page, "Cat-cow")
    add(page, "Glute bridge")
    assert step_names(page) == ["Cat-cow", "Glute bridge"]
    page.get_by_role("button", name="Move Glute bridge up", exact=True).click()
    assert step_names(page) == ["Glute bridge", "Cat-cow"]
    page.get_by_role("button", name="Move Glute bridge down", exact=True).click()
    assert step_names(page) == ["Cat-cow", "Glute bridge"]
    found += [f"/routines/new (2 steps): {what}" for what in dragging(page)]
    assert found == [], "\n".join(found)


# --- 3.2.6 Consistent help ----------------------------------------------------

# The links and menus the site repeats (header, tab bar, footer), in page order, each named by
# where it is and what it says ("footer: Learn about sciatica").
SITE_LINKS = """() => [...document.querySelectorAll(
    "body > header a[href], body > header summary, body > footer a[href]")]
  .map((element) => `${element.closest("header") ? "header" : "footer"}: `
    + element.textContent.replace(/\\s+/g, " ").trim())"""


def test_the_warning_signs_link_is_in_the_same_place_among_the_site_links_on_every_page(small_phone):
    page = small_phone
    page.goto("/")
    order = page.evaluate(SITE_LINKS)
    assert FOOTER_HELP in order, order
    for path in PAGES:
        page.goto(path)  # the links are the server's: no need to wait for scripts
        links = page.evaluate(SITE_LINKS)
        # The player shows no tab bar, so some pages repeat fewer links: those they do show keep
        # home's order, and the help link is always among them.
        assert FOOTER_HELP in links, f"{path} has no {HELP!r} link in its footer: {links}"
        assert [name for name in order if name in links] == [name for name in links if name in order], (
            f"{path} puts the site links in another order: {links}, not {order}")
        help_link = page.locator("body > footer").get_by_role("link", name=HELP, exact=True)
        expect(help_link).to_have_attribute("href", "/safety")


# --- 3.3.7 Redundant entry ----------------------------------------------------

WHERE = "Where do you feel it? Tick all that apply."


def answer_the_set_up(page):
    """Answer the plan's three set-up screens, one after another, as a person does."""
    page.goto("/plan/setup/symptoms")
    group(page, WHERE).get_by_label("Thigh").check()
    group(page, "Which leg?").get_by_label("Left").check()
    group(page, "Since when?").get_by_label("6 weeks to 3 months").check()
    group(page, "What makes your leg or back worse?").get_by_label("Bending backwards").check()
    page.get_by_label("How many minutes can you walk comfortably now?").fill("15")
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_role("heading", name="What matters to you")).to_be_visible()
    page.get_by_label("What is it?").first.fill("Walk to the shops")
    page.locator("label[for='activities.0.score-3']").click()
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_role("heading", name="When suits you")).to_be_visible()
    group(page, "Which days suit you?").get_by_label("Monday").check()
    group(page, "How many minutes a day?").get_by_label("15 minutes").check()
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_role("heading", name="My plan", exact=True)).to_be_visible()


def expect_set_up_answers(page, screen):
    """The answers answer_the_set_up gave, filled in on one screen of the set-up."""
    if screen == "symptoms":
        for legend, answer in ((WHERE, "Thigh"), ("Which leg?", "Left"),
                               ("Since when?", "6 weeks to 3 months"),
                               ("What makes your leg or back worse?", "Bending backwards")):
            expect(group(page, legend).get_by_label(answer)).to_be_checked()
        expect(page.get_by_label("How many minutes can you walk comfortably now?")).to_have_value("15")
    elif screen == "activities":
        expect(page.get_by_label("What is it?").first).to_have_value("Walk to the shops")
        expect(page.locator("[id='activities.0.score-3']")).to_be_checked()
    else:
        expect(group(page, "Which days suit you?").get_by_label("Monday")).to_be_checked()
        expect(group(page, "How many minutes a day?").get_by_label("15 minutes")).to_be_checked()


def test_each_plan_set_up_screen_opens_again_with_the_answers_given(page):
    answer_the_set_up(page)
    for screen in ("symptoms", "activities", "schedule"):
        page.goto(f"/plan/setup/{screen}")
        expect_set_up_answers(page, screen)


def test_going_back_in_the_plan_set_up_keeps_every_answer(page):
    # The browser's Back shows the screen as first sent; what was typed comes back only when the
    # boxes let the browser restore it.
    answer_the_set_up(page)
    for screen in ("schedule", "activities", "symptoms"):
        page.go_back()
        expect_set_up_answers(page, screen)


def test_the_weekly_review_names_the_activities_and_asks_nothing_from_the_set_up_again(page):
    set_up_through_the_api(page)
    setup_questions = set()
    for screen in ("symptoms", "activities", "schedule"):
        page.goto(f"/plan/setup/{screen}")
        setup_questions |= set(page.locator("main legend, main label").all_inner_texts())
    page.goto("/plan/review")
    review_questions = page.locator("main legend, main label").all_inner_texts()
    # A yes, a no and the 0 to 10 scales' numbers are answers, not questions.
    asked_again = [text for text in review_questions if text in setup_questions
                   and not re.fullmatch(r"\d+|Yes|No", text)]
    assert asked_again == [], f"the review asks again what the set-up asked: {asked_again}"
    for name in ("Walk to the shops", "Sit through a film"):
        expect(group(page, f"{name}: how well can you do it now?")).to_be_visible()
    expect(page.get_by_role("textbox")).to_have_count(0)


# --- 3.3.8 Accessible authentication ------------------------------------------

def test_a_link_code_can_be_pasted_instead_of_retyped(page, browser, base_url):
    favourite_in_bed(page)
    page.goto("/settings")
    page.get_by_role("button", name="Show a code").click()
    shown = page.get_by_role("status").filter(has_text=CODE)
    expect(shown).to_be_visible()
    code = shown.inner_text()
    other_device = browser.new_context(base_url=base_url, viewport=SMALL_PHONE)
    other_device.grant_permissions(["clipboard-read", "clipboard-write"])
    other = other_device.new_page()
    other.goto("/settings")
    box = other.get_by_label("Code from your other device")
    assert box.get_attribute("onpaste") is None and box.evaluate("input => input.onpaste") is None
    other.evaluate("code => navigator.clipboard.writeText(code)", code)
    box.focus()
    other.keyboard.press("Control+V")
    expect(box).to_have_value(code)
    other.get_by_role("button", name="Link this device").click()
    expect(other.get_by_text("This device is linked.", exact=False)).to_be_visible()
    other_device.close()


# --- 2.2.1 Timing adjustable --------------------------------------------------

def test_the_link_code_box_lets_a_password_manager_or_the_phone_fill_it(page):
    page.goto("/settings")
    box = page.get_by_label("Code from your other device")
    assert box.get_attribute("autocomplete") == "one-time-code"


def open_player(page):
    """Open the desk-break player and wait until it is ready to start."""
    page.goto(PLAY)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()


def test_the_player_pauses_and_holds_can_be_made_longer(page):
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    open_player(page)
    page.clock.pause_at(PAUSED)
    timer = page.get_by_role("timer")
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(72_000)  # one second into the seated twist's 20 s hold on the right
    expect(page.get_by_text("Right side", exact=True)).to_be_visible()
    expect(timer).to_have_text("0:19")
    page.get_by_role("button", name="Pause", exact=True).click()
    page.clock.run_for(10 * 60_000)
    expect(timer).to_have_text("0:19")
    page.get_by_role("button", name="Resume", exact=True).click()
    page.clock.run_for(2000)
    expect(timer).to_have_text("0:17")
    page.clock.run_for(10 * 60_000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()

    page.goto("/settings")
    group(page, "How long to hold each stretch").get_by_label("Half as long again").check()
    expect(page.get_by_text("Saved on this device.")).to_be_visible()
    open_player(page)
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(72_000)  # the same moment: the hold is now 30 s
    expect(page.get_by_text("Right side", exact=True)).to_be_visible()
    expect(timer).to_have_text("0:29")


# --- 2.3.1 Three flashes ------------------------------------------------------

ANIMATION = re.compile(r"animation(-duration|-iteration-count)?\s*:\s*([^;]+)")
RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
TIME = re.compile(r"^(\d*\.?\d+)(ms|s)$")


def too_fast(css):
    """Each rule (selector) in css whose animation repeats with a cycle shorter than a second."""
    found = []
    for selector, body in RULE.findall(css):
        durations, counts = [0.0], ["1"]
        for longhand, value in ANIMATION.findall(body):
            for one in re.split(r",(?![^()]*\))", value):
                words = re.sub(r"[\w-]+\([^)]*\)", "", one).split()
                seconds = [float(m[1]) / (1000 if m[2] == "ms" else 1) for m in map(TIME.match, words) if m]
                repeats = [word for word in words if word == "infinite" or re.fullmatch(r"\d*\.?\d+", word)]
                if longhand in ("", "-duration") and seconds:
                    durations.append(seconds[0])
                if longhand in ("", "-iteration-count") and repeats:
                    counts.append(repeats[0])
        if counts[-1] != "1" and durations[-1] < 1:
            found.append(f"{selector.strip()}: {durations[-1]} s, {counts[-1]} times")
    return found


# Every running animation's cycle length and how many times it runs, as the page has them.
ANIMATIONS = """() => document.getAnimations().map((animation) => {
  const timing = animation.effect.getComputedTiming();
  return { name: animation.animationName || animation.id || "script", duration: timing.duration,
           iterations: timing.iterations, target: animation.effect.target?.outerHTML.slice(0, 60) };
})"""


def flashing(animations):
    """The animations that repeat faster than once a second."""
    return [a for a in animations if a["iterations"] != 1 and a["duration"] < 1000]


def test_nothing_flashes_and_reduced_motion_stops_every_repeating_animation(small_phone):
    assert too_fast("p { animation: pulse 0.2s infinite; }"), "the check must see a fast repeat"
    sheets = {path.name: too_fast(path.read_text()) for path in sorted(STYLESHEETS.glob("*.css"))}
    assert all(found == [] for found in sheets.values()), sheets
    page = small_phone
    for path in PAGES:
        page.goto(path)
        assert flashing(page.evaluate(ANIMATIONS)) == [], path
    for motion in ("no-preference", "reduce"):
        page.emulate_media(reduced_motion=motion)
        page.clock.install(time=START)
        open_player(page)
        page.clock.pause_at(PAUSED)
        page.get_by_role("button", name="Start", exact=True).click()
        page.clock.run_for(8000)
        running = page.evaluate(ANIMATIONS)
        assert flashing(running) == [], running
        if motion == "reduce":
            assert [a for a in running if a["iterations"] == float("inf")] == [], running
        page.clock.run_for(10 * 60_000)  # to the end, so the next visit starts afresh
        expect(page.get_by_role("heading", name="Well done")).to_be_visible()


# --- 4.1.3 Status messages ----------------------------------------------------

# Notes every text a live region is given. A text node a region gains keeps its words even when
# a later change replaces it before the observer runs, so nothing said is missed.
LIVE_REGIONS = """() => {
  window.announced = [];
  const regions = [...document.querySelectorAll(
    "[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]")];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const words = record.type === "characterData" ? [record.target.data]
        : [...record.addedNodes].map((node) => node.textContent);
      window.announced.push(...words.map((text) => text.trim()).filter(Boolean));
    }
  });
  const changes = { childList: true, characterData: true, subtree: true };
  for (const region of regions) observer.observe(region, changes);
  return regions.length;
}"""


def test_the_player_announces_each_step_not_each_second(page):
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    open_player(page)
    page.clock.pause_at(PAUSED)
    assert page.evaluate(LIVE_REGIONS) >= 1
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(120_000)  # the rest before the seated buttock stretch's 30 s on the right
    page.evaluate("window.announced = []")
    page.clock.run_for(31_000)  # the whole hold, into the switch of sides after it
    expect(page.get_by_text("Switch sides", exact=True)).to_be_visible()
    announced = page.evaluate("window.announced")
    assert "Step 4 of 6. Right side: Seated buttock stretch." in announced, announced
    assert len(announced) <= 5, announced
    assert [text for text in announced if re.fullmatch(r"[\d:.\s]+", text)] == [], announced
