"""A person finding a therapist: tick, write, compare, print, and find it all again."""
import json
import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.pages.test_checklist import CHECKLIST

TICKED = "They have professional liability insurance."
UNTICKED = "I understand their cancellation policy."
TOTAL = len(CHECKLIST.items)
NOTE = "Dr Patel thinks it is a disc; gentle massage is fine."
CHECKIN = {"back_pain": 6, "leg_pain": 4, "reach": "calf", "note": "", "recorded_at": "2026-11-21T09:30:00Z"}
# Stores a check-in where the sync module keeps the latest one.
STORE_CHECKIN = "checkin => localStorage.setItem('easeback:latest-checkin', JSON.stringify(checkin))"
# Collects every checklist-changed event, as the sync module would receive it.
RECORD_CHANGES = """() => {
  window.changes = [];
  document.addEventListener("easeback:checklist-changed", (event) => window.changes.push(event.detail));
}"""


def open_checklist(page):
    """Open the checklist and wait for its script to be ready."""
    page.goto("/checklist")
    expect(page.get_by_role("button", name="Print", exact=True)).to_be_visible()


def saved(page, ticked=None):
    """Wait until the page says the last change is kept on the device; after a tick, with the count."""
    count = "" if ticked is None else f" {ticked} of {TOTAL} ticked."
    expect(page.get_by_role("status").filter(has_text="Saved")).to_have_text(f"Saved on this device.{count}")


def stored(page):
    """What the page keeps in localStorage under "checklist"."""
    return page.evaluate("JSON.parse(localStorage.getItem('easeback:checklist'))")


def test_ticks_notes_and_therapists_survive_a_reload(page):
    open_checklist(page)
    page.get_by_role("checkbox", name=TICKED).check()
    page.get_by_label("My notes: Before you book").fill(NOTE)
    therapist = page.get_by_role("group", name="Therapist 2")
    therapist.get_by_label("Name").fill("Sam Lee")
    therapist.get_by_role("checkbox", name="Checks the pressure with me").check()
    page.get_by_label("My own questions").fill("Is there a lift?")
    saved(page)
    page.reload()
    expect(page.get_by_role("checkbox", name=TICKED)).to_be_checked()
    expect(page.get_by_role("checkbox", name=UNTICKED)).not_to_be_checked()
    expect(page.get_by_label("My notes: Before you book")).to_have_value(NOTE)
    therapist = page.get_by_role("group", name="Therapist 2")
    expect(therapist.get_by_label("Name")).to_have_value("Sam Lee")
    expect(therapist.get_by_role("checkbox", name="Checks the pressure with me")).to_be_checked()
    expect(page.get_by_role("group", name="Therapist 1").get_by_label("Name")).to_have_value("")
    expect(page.get_by_label("My own questions")).to_have_value("Is there a lift?")


def test_a_hint_says_why_each_item_matters(page):
    open_checklist(page)
    expect(page.get_by_role("checkbox", name=TICKED)).to_have_accessible_description(
        "It protects you both if something goes wrong during treatment.")


def test_symptoms_are_filled_from_the_latest_checkin_but_never_overwritten(page):
    open_checklist(page)
    page.evaluate(STORE_CHECKIN, CHECKIN)
    page.reload()
    where = page.get_by_label("Where it hurts")
    expect(where).to_have_value("Back 6/10, leg 4/10, down to the calf (check-in on 21 Nov)")
    expect(page.get_by_text("filled in from your latest pain check-in")).to_be_visible()
    expect(page.get_by_label("What helps")).to_have_value("")
    where.fill("Left buttock and the back of my thigh")
    saved(page)
    page.evaluate(STORE_CHECKIN, {**CHECKIN, "back_pain": 2})
    page.reload()
    expect(page.get_by_label("Where it hurts")).to_have_value("Left buttock and the back of my thigh")
    expect(page.get_by_text("filled in from your latest pain check-in")).to_be_hidden()


def test_each_change_is_stored_and_announced_once_typing_pauses(page):
    open_checklist(page)
    page.evaluate(RECORD_CHANGES)
    page.get_by_role("checkbox", name=TICKED).check()
    page.wait_for_function("() => window.changes.length === 1")
    page.get_by_label("Clinic").first.press_sequentially("Riverside", delay=20)
    page.wait_for_function(
        "() => window.changes.some((change) => change.state.therapists[0].clinic === 'Riverside')")
    changes = page.evaluate("window.changes")
    # One event for the tick and one for the whole word: typing is not saved key by key.
    assert len(changes) == 2, [change["state"]["therapists"][0]["clinic"] for change in changes]
    state = changes[-1]["state"]
    assert state["ticks"]["insured"] is True
    assert state["ticks"]["cancellation-policy"] is False
    assert len(state["therapists"]) == 3
    assert set(state) == {"ticks", "notes", "symptoms", "questions", "therapists"}
    assert isinstance(changes[-1]["changedAt"], int)
    kept = stored(page)
    # Kept with the id of the change that was sent: it breaks a tie with another device's change.
    assert re.fullmatch(r"[0-9a-f-]{36}", kept.pop("changeId")) and kept == changes[-1]


def test_a_synced_copy_replaces_what_is_shown(page):
    open_checklist(page)
    page.get_by_role("checkbox", name=UNTICKED).check()
    saved(page, ticked=1)
    page.evaluate(RECORD_CHANGES)
    newer = {"state": {"ticks": {"insured": True}, "notes": {"practicalities": "Ask about parking."},
                       "therapists": [{"name": "Ana Ruiz", "registered": True}]},
             "changedAt": 1_900_000_000_000}
    page.evaluate("""detail => document.dispatchEvent(
        new CustomEvent("easeback:checklist-synced", { detail }))""", newer)
    expect(page.get_by_role("checkbox", name=TICKED)).to_be_checked()
    expect(page.get_by_role("checkbox", name=UNTICKED)).not_to_be_checked()
    expect(page.get_by_label("My notes: Practicalities")).to_have_value("Ask about parking.")
    therapist = page.get_by_role("group", name="Therapist 1")
    expect(therapist.get_by_label("Name")).to_have_value("Ana Ruiz")
    registered = therapist.get_by_role("checkbox", name="Registration checked on the public register")
    expect(registered).to_be_checked()
    assert stored(page) == newer
    assert page.evaluate("window.changes") == [], "a synced copy is not sent back as a change"
    page.reload()
    expect(page.get_by_label("My notes: Practicalities")).to_have_value("Ask about parking.")


def fill_for_print(page):
    """Tick one item, write one note and name one therapist, as before a visit."""
    page.clock.set_fixed_time("2026-11-23T10:00:00Z")
    open_checklist(page)
    page.get_by_role("checkbox", name=TICKED).check()
    page.get_by_label("My notes: Before you book").fill(NOTE)
    page.get_by_role("group", name="Therapist 1").get_by_label("Name").fill("Sam Lee")
    saved(page)


def print_to_pdf(page, path, paper):
    """Print the page as the browser would on paper; return (pages, text)."""
    page.emulate_media(media="print")
    page.pdf(path=str(path), format=paper)
    info = subprocess.run(["/usr/bin/pdfinfo", str(path)],
                          capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["/usr/bin/pdftotext", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    page.emulate_media(media="screen")
    return pages, text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_checklist_carries_ticks_and_notes_on_two_pages(page, tmp_path, paper):
    fill_for_print(page)
    pages, text = print_to_pdf(page, tmp_path / "checklist.pdf", paper)
    assert pages in (1, 2), f"{paper}: {pages} pages"
    assert "Finding a qualified massage therapist" in text
    assert "Printed on 23 November 2026" in text
    assert f"\u2611 {TICKED}" in text
    assert f"\u2610 {UNTICKED}" in text
    assert text.count("\u2611") == 1
    assert NOTE in text
    assert "Sam Lee" in text
    for screen_only in ("Skip to content", "Routines", "Settings", "Print a blank checklist",
                        "Saved on this device", "Easeback supports self-care", "It protects you both",
                        "What these techniques are", "Check a register where you live", "At a glance",
                        "What is normal after a session"):
        assert screen_only not in text, f"{screen_only!r} is on paper"


def test_blank_print_leaves_out_everything_entered(page, tmp_path):
    fill_for_print(page)
    # Stand in for the print dialog: note what the page looked like when it opened.
    page.evaluate("window.print = () => { window.printedWith = document.documentElement.className; }")
    page.get_by_role("button", name="Print a blank checklist").click()
    assert "print-blank" in page.evaluate("window.printedWith")
    pages, text = print_to_pdf(page, tmp_path / "blank.pdf", "A4")
    assert pages in (1, 2)
    assert f"\u2610 {TICKED}" in text
    assert "\u2611" not in text
    assert NOTE not in text and "Sam Lee" not in text
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "print-blank" not in page.evaluate("document.documentElement.className")
    page.get_by_role("button", name="Print", exact=True).click()
    assert "print-blank" not in page.evaluate("window.printedWith")
    _pages, text = print_to_pdf(page, tmp_path / "again.pdf", "A4")
    assert NOTE in text


def test_registers_and_after_a_session_read_as_headings_and_lists(page):
    open_checklist(page)
    page.get_by_role("link", name="How to check a register where you live").click()
    registers = page.get_by_role("region", name="Check a register where you live")
    expect(registers).to_be_in_viewport()
    expect(registers.get_by_role("heading", level=3)).to_have_text(
        ["United Kingdom", "Canada", "United States", "Australia"])
    uk = registers.get_by_role("definition").first
    expect(uk).to_contain_text("not regulated by law in the UK")
    sources = registers.get_by_text(re.compile(r"^Source: .+, checked \d{1,2} [A-Z][a-z]+ \d{4}\.$"))
    expect(sources).to_have_count(4)
    after = page.get_by_role("region", name="What is normal after a session")
    expect(after.locator(".after-list")).to_have_count(2)  # what is normal, and what is not
    # The warning signs among them, each group under its tier's link, in the safety file's words.
    expect(after.locator("[data-warning-signs]")).to_have_count(3)
    after.get_by_role("link", name="Call 999 or go to A&E now").click()
    expect(page).to_have_url(re.compile(r"/safety#now$"))
    expect(page.get_by_role("heading", name="Call 999 or go to A&E now")).to_be_in_viewport()


def test_techniques_link_to_the_lesson_that_explains_them(page):
    open_checklist(page)
    page.get_by_role("link", name="What these techniques are").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Massage for sciatica")


@pytest.mark.parametrize(("scheme", "width"), [("light", 390), ("dark", 390), ("light", 1024)])
def test_no_accessibility_violations(page, scheme, width):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 800})
    open_checklist(page)
    page.evaluate(STORE_CHECKIN, CHECKIN)
    page.reload()
    page.get_by_role("checkbox", name=TICKED).check()
    saved(page, ticked=1)
    page.get_by_role("button", name="Before you book").click()
    page.get_by_role("group", name="Therapist 1").get_by_label("Name").fill("Sam Lee")
    saved(page)
    report = violations(page)
    assert report == "", report


def test_touch_targets_are_big_enough(page):
    open_checklist(page)
    # A checkbox is ticked through its label, so the label is the target.
    small = page.evaluate("""() => [
        ...document.querySelectorAll("main label, main button, main input, main textarea")]
        .filter((element) => element.tagName !== "LABEL" || element.control?.type === "checkbox")
        .filter((element) => element.type !== "checkbox")
        .filter((element) => element.getBoundingClientRect().height < 44)
        .map((element) => element.textContent.trim() || element.id)""")
    assert small == []


@pytest.mark.parametrize(("width", "text_size"), [(320, "100%"), (360, "100%"), (360, "200%"), (390, "200%")])
def test_fits_a_small_phone_and_large_text(page, width, text_size):
    page.set_viewport_size({"width": width, "height": 800})
    open_checklist(page)
    page.evaluate("size => { document.documentElement.style.fontSize = size; }", text_size)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"the page scrolls sideways ({scroll_width}px wide)"
    cards = page.get_by_role("group", name=re.compile(r"^Therapist \d$"))
    expect(cards).to_have_count(3)
    lefts = {round(cards.nth(i).bounding_box()["x"]) for i in range(3)}
    assert len(lefts) == 1, "therapist cards are stacked, not side by side"


def leaves(value):
    """Every value at the end of a nested structure of dicts and lists."""
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in leaves(item)]
    return [value]


def test_state_is_plain_json(page):
    open_checklist(page)
    page.get_by_label("Which side").fill("Left")
    saved(page)
    raw = page.evaluate("localStorage.getItem('easeback:checklist')")
    saved_copy = json.loads(raw)
    assert saved_copy["state"]["symptoms"]["side"] == "Left"
    assert isinstance(saved_copy["changedAt"], int)
    kinds = {type(leaf) for leaf in leaves(saved_copy["state"])}
    assert kinds <= {str, bool}, f"only text and ticks are stored, not {kinds}"


CREDENTIALS = "Qualifications and registration"


def test_counts_ticks_overall_and_in_each_section(page):
    open_checklist(page)
    overall = page.get_by_text(re.compile(rf"^\d+ of {TOTAL} ticked$"))
    section = page.get_by_role("button", name=CREDENTIALS)
    expect(overall).to_have_text(f"0 of {TOTAL} ticked")
    expect(section).to_have_accessible_name(f"{CREDENTIALS} 0 of 5 ticked")
    page.get_by_role("checkbox", name=TICKED).check()
    expect(overall).to_have_text(f"1 of {TOTAL} ticked")
    expect(section).to_contain_text("1 of 5 ticked")
    expect(page.get_by_role("button", name="Before you book")).to_contain_text("0 of 4 ticked")
    # Said aloud once, with the save, after a tick by the person.
    saved(page, ticked=1)
    page.get_by_role("checkbox", name=UNTICKED).check()
    page.get_by_role("checkbox", name=TICKED).uncheck()
    expect(overall).to_have_text(f"1 of {TOTAL} ticked")
    expect(section).to_contain_text("0 of 5 ticked")
    saved(page, ticked=1)
    page.reload()
    expect(page.get_by_text(f"1 of {TOTAL} ticked", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Practicalities")).to_contain_text("1 of 5 ticked")
    # Ticks brought back from the device are counted, but not announced.
    expect(page.get_by_role("status").filter(has_text="ticked")).to_have_count(0)


def test_a_synced_copy_is_counted(page):
    open_checklist(page)
    page.evaluate("""() => document.dispatchEvent(new CustomEvent("easeback:checklist-synced",
        { detail: { state: { ticks: { insured: true, "checked-register": true } }, changedAt: 1 } }))""")
    expect(page.get_by_text(f"2 of {TOTAL} ticked", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=CREDENTIALS)).to_contain_text("2 of 5 ticked")


def test_sections_fold_are_remembered_and_open_all_again(page):
    open_checklist(page)
    fold = page.get_by_role("button", name=CREDENTIALS)
    expect(fold).to_have_attribute("aria-expanded", "true")
    body = page.locator(f"#{fold.get_attribute('aria-controls')}")
    expect(body).to_contain_text(TICKED)
    fold.click()
    expect(fold).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("checkbox", name=TICKED)).to_be_hidden()
    expect(page.get_by_role("heading", name=CREDENTIALS)).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name=CREDENTIALS)).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("checkbox", name=TICKED)).to_be_hidden()
    expect(page.get_by_role("checkbox", name=UNTICKED)).to_be_visible()
    page.get_by_role("button", name="Fold all").click()
    folds = page.get_by_role("button", expanded=False)
    expect(folds).to_have_count(len(CHECKLIST.sections) + 3)
    expect(page.get_by_role("checkbox")).to_have_count(0)
    page.get_by_role("button", name="Open all").click()
    expect(page.get_by_role("button", expanded=False)).to_have_count(0)
    expect(page.get_by_role("checkbox", name=TICKED)).to_be_visible()


def test_the_browsers_find_can_open_a_folded_section(page):
    open_checklist(page)
    page.get_by_role("button", name="Fold all").click()
    fold = page.get_by_role("button", name="Practicalities")
    body = page.locator(f"#{fold.get_attribute('aria-controls')}")
    # Chromium's Find reveals hidden="until-found" text, announcing it with a beforematch event.
    expect(body).to_have_attribute("hidden", "until-found")
    body.dispatch_event("beforematch")
    expect(fold).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("checkbox", name=UNTICKED)).to_be_visible()
    page.reload()
    expect(page.get_by_role("checkbox", name=UNTICKED)).to_be_visible()


def test_a_link_into_a_folded_section_opens_it(page):
    open_checklist(page)
    page.get_by_role("button", name="Fold all").click()
    page.goto("/checklist#symptoms")
    expect(page.get_by_label("Where it hurts")).to_be_visible()
    expect(page.get_by_role("button", name="My symptoms in brief")).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("button", name=CREDENTIALS)).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_folded_sections_print_in_full(page, tmp_path, paper):
    fill_for_print(page)
    page.get_by_role("button", name="Fold all").click()
    expect(page.get_by_role("checkbox", name=TICKED)).to_be_hidden()
    pages, text = print_to_pdf(page, tmp_path / "folded.pdf", paper)
    assert pages in (1, 2), f"{paper}: {pages} pages"
    assert f"\u2611 {TICKED}" in text and NOTE in text and "Sam Lee" in text
    words = " ".join(text.split())
    missing = [item.id for item in CHECKLIST.items if item.text not in words]
    assert missing == [], f"folded items left off paper: {missing}"
    assert "Fold all" not in text and " of 5 ticked" not in text


def test_without_javascript_every_section_is_open(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/checklist")
    expect(page.get_by_role("checkbox", name=TICKED)).to_be_visible()
    expect(page.get_by_role("checkbox")).to_have_count(TOTAL + 3 * 7)
    expect(page.get_by_role("button")).to_have_count(0)
    expect(page.get_by_role("heading", name=CREDENTIALS)).to_have_text(CREDENTIALS)
    context.close()


def test_therapists_side_by_side_on_a_wide_screen_named_once_typed(page):
    page.set_viewport_size({"width": 1024, "height": 800})
    open_checklist(page)
    page.get_by_role("group", name="Therapist 2").get_by_label("Name").fill("Sam Lee")
    expect(page.get_by_role("group", name=re.compile(r"^Therapist 2 ?: Sam Lee$"))).to_be_visible()
    cards = page.get_by_role("group", name=re.compile(r"^Therapist \d"))
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    assert len({round(box["y"]) for box in boxes}) == 1, "the three cards start level"
    assert boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"]
    assert boxes[1]["x"] + boxes[1]["width"] <= boxes[2]["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    expect(page.get_by_role("region", name="At a glance")).to_be_hidden()  # the cards say it all here
    page.reload()
    expect(page.get_by_role("group", name=re.compile(r"^Therapist 2 ?: Sam Lee$"))).to_be_visible()


# Word boxes from pdftotext -bbox are as tall as the font's ascent plus descent: measured
# against a line printed at exactly 10.5 pt in the same font, no printed word may be shorter.
WORD_BOX = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')


def word_heights(path):
    """(height in points, word) for every word in a PDF."""
    boxes = subprocess.run(["/usr/bin/pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    return [(float(bottom) - float(top), word) for top, bottom, word in WORD_BOX.findall(boxes)]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_text_is_at_least_10_5_points(page, tmp_path, paper):
    fill_for_print(page)
    page.emulate_media(media="print")
    font = page.evaluate("getComputedStyle(document.querySelector('.checklist-item label')).fontFamily")
    page.pdf(path=str(tmp_path / "checklist.pdf"), format=paper)
    ruler = page.context.new_page()
    ruler.set_content('<p style="font-size: 10.5pt">Ruler</p>')
    ruler.locator("p").evaluate("(p, font) => { p.style.fontFamily = font; }", font)
    ruler.pdf(path=str(tmp_path / "ruler.pdf"), format=paper)
    [(ruler_height, _word)] = word_heights(tmp_path / "ruler.pdf")
    heights = word_heights(tmp_path / "checklist.pdf")
    assert len(heights) > 500, "the checklist printed as text"
    small = sorted({word for height, word in heights if height < ruler_height - 0.01})
    assert small == [], f"{paper}: printed smaller than 10.5 pt: {small[:20]}"


def test_on_a_phone_a_table_sets_the_therapists_side_by_side(page):
    open_checklist(page)
    first = page.get_by_role("group", name="Therapist 1")
    first.get_by_label("Name").fill("Sam Lee")
    first.get_by_role("checkbox", name="Checks the pressure with me").check()
    page.get_by_role("group", name="Therapist 3").get_by_role("checkbox", name="Registration checked").check()
    glance = page.get_by_role("region", name="At a glance")
    glance.scroll_into_view_if_needed()
    expect(glance).to_be_visible()
    expect(glance.get_by_role("columnheader")).to_have_text(["Sam Lee", "Therapist 2", "Therapist 3"])
    not_yet = re.compile(r"Not yet$")
    pressure = glance.get_by_role("row", name=re.compile(r"^Checks the pressure with me")).get_by_role("cell")
    expect(pressure).to_have_text(["Yes", not_yet, not_yet])
    registered = glance.get_by_role("row", name=re.compile(r"^Registration checked")).get_by_role("cell")
    expect(registered).to_have_text([not_yet, not_yet, "Yes"])
    expect(glance.get_by_role("row")).to_have_count(1 + 1 + 6)
    saved(page)
    page.reload()
    first_column = page.get_by_role("region", name="At a glance").get_by_role("columnheader").first
    expect(first_column).to_have_text("Sam Lee")
