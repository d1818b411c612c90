"""Routines of one's own, as a person builds, keeps and plays one: the builder, the overview and
the player, offline once the app is stored."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_checklist import print_to_pdf
from tests.browser.test_offline import wait_until_offline_ready
from tools.browser import PHONE


def add(page, name):
    page.get_by_role("button", name=f"Add {name}", exact=True).click()


def step_names(page):
    return page.locator("[data-steps] [data-step-name]").all_text_contents()


@pytest.fixture
def builder(page):
    page.goto("/routines/new")
    expect(page.get_by_role("button", name="Add Cat-cow", exact=True)).to_be_enabled()
    return page


def build_three(page, name="My mornings"):
    page.get_by_label("Name", exact=True).fill(name)
    add(page, "Cat-cow")
    add(page, "Single knee to chest")
    add(page, "Glute bridge")
    return page


def test_the_routines_page_offers_to_make_ones_own(page):
    page.goto("/routines")
    page.get_by_role("link", name="Make your own routine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make your own routine")


def test_build_reorder_and_remove_with_buttons_and_see_the_total(builder):
    page = build_three(builder)
    assert step_names(page) == ["Cat-cow", "Single knee to chest", "Glute bridge"]
    expect(page.get_by_role("status").filter(has_text="Added Glute bridge as step 3.")).to_be_attached()
    page.get_by_role("button", name="Move Glute bridge up", exact=True).click()
    assert step_names(page) == ["Cat-cow", "Glute bridge", "Single knee to chest"]
    expect(page.get_by_role("button", name="Move Glute bridge up", exact=True)).to_be_focused()
    page.get_by_role("button", name="Move Cat-cow down", exact=True).click()
    assert step_names(page) == ["Glute bridge", "Cat-cow", "Single knee to chest"]
    expect(page.get_by_role("button", name="Move Glute bridge up", exact=True)).to_be_disabled()
    expect(page.get_by_role("button", name="Move Single knee to chest down", exact=True)).to_be_disabled()
    page.get_by_role("button", name="Remove Cat-cow", exact=True).click()
    assert step_names(page) == ["Glute bridge", "Single knee to chest"]
    # Glute bridge: 8 reps of 5 s, a 10 s rest, then the knee's hold on each side with 5 s to switch.
    hold = int(page.get_by_label(re.compile(r"^Hold \(seconds")).input_value())
    minutes, seconds = divmod(8 * 5 + 10 + 2 * hold + 5, 60)
    expect(page.locator("[data-total]")).to_have_text(f"Total time: {minutes} min {seconds} s, 2 steps.")


def test_each_bound_gets_a_clear_message_and_nothing_is_saved(builder):
    page = builder
    page.get_by_role("button", name="Save routine").click()
    problems = page.locator("[data-problems]")
    expect(problems).to_be_focused()
    expect(problems).to_contain_text("This routine has no name.")
    expect(problems).to_contain_text("This routine has no steps; a routine has 1 to 20.")
    page.get_by_label("Name", exact=True).fill("Too much")
    add(page, "Cat-cow")
    page.get_by_label(re.compile(r"^Repetitions")).fill("31")
    page.get_by_label(re.compile(r"^Rest after")).fill("121")
    page.get_by_role("button", name="Save routine").click()
    too_many = "Step 1 (Cat-cow) has 31 repetitions; a step has 1 to 30."
    expect(problems).to_contain_text(too_many)
    expect(problems).to_contain_text(
        "Step 1 (Cat-cow) rests 121 seconds after it; a rest lasts 0 to 120 seconds.")
    expect(page.get_by_label(re.compile(r"^Repetitions"))).to_have_attribute("aria-invalid", "true")
    # Said by the field too, which names it as its description.
    expect(page.get_by_label(re.compile(r"^Repetitions"))).to_have_accessible_description(too_many)
    assert page.url.endswith("/routines/new")


def test_the_library_filters_by_search_and_position(builder):
    page = builder
    page.get_by_label("Search exercises").fill("chest")
    expect(page.get_by_role("status").filter(has_text="2 of 38 exercises match.")).to_be_visible()
    expect(page.get_by_role("button", name="Add Cat-cow", exact=True)).to_be_hidden()
    expect(page.get_by_role("button", name="Add Single knee to chest", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Add Double knee to chest", exact=True)).to_be_visible()
    page.get_by_label("Search exercises").fill("")
    page.get_by_label("Position").select_option("sitting")
    expect(page.get_by_role("button", name="Add Seated nerve glide", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Add Glute bridge", exact=True)).to_be_hidden()


def test_save_then_see_it_listed_opened_and_played_to_the_end_offline(builder, context):
    page = build_three(builder)
    page.get_by_role("button", name="Move Glute bridge up", exact=True).click()
    page.get_by_role("group", name="Single knee to chest").get_by_label("Sides").select_option("left")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My mornings")
    expect(page.locator("[data-own-steps] .step-title")).to_have_text(
        ["1. Cat-cow", "2. Glute bridge", "3. Single knee to chest"])
    timings = page.locator("[data-own-steps] .step-timing")
    expect(timings.last).to_have_text(re.compile(r"on the left side only$"))
    expect(page.get_by_text("On a bad day, leave this one for later", exact=False)).to_be_visible()
    overview = page.url
    page.goto("/routines")
    page.get_by_role("link", name="My mornings", exact=True).click()
    assert page.url == overview
    wait_until_offline_ready(page)
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    context.set_offline(True)
    page.clock.install(time="2026-11-23T08:00:00Z")
    page.reload()
    page.get_by_role("link", name="Start My mornings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My mornings")
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(5000)
    expect(page.get_by_text("Step 1 of 3", exact=True)).to_be_visible()
    expect(page.locator("[data-name]")).to_have_text("Cat-cow")
    page.clock.run_for(30 * 60 * 1000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    expect(page.locator("[data-finished-summary]")).to_have_text("You finished my mornings: all 3 steps.")
    # Kept while offline, then sent: history names it as the person did.
    context.set_offline(False)
    page.clock.run_for(60 * 1000)
    page.goto("/history")
    expect(page.locator("html")).to_have_attribute("data-pending", "0")
    page.reload()
    expect(page.get_by_role("heading", name="My mornings")).to_be_visible()


def test_edit_duplicate_and_delete_with_a_second_ask(builder):
    page = build_three(builder, name="Evenings")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evenings")
    # Kept on the server too, as the device built it.
    expect(page.locator("html")).to_have_attribute("data-pending", "0")
    [kept] = page.request.get("/api/v1/own-routines").json()["routines"]
    assert (kept["name"], [step["exercise"] for step in kept["steps"]]) == (
        "Evenings", ["cat-cow", "knee-to-chest-single", "glute-bridge"])
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Evenings")
    page.get_by_role("button", name="Remove Cat-cow", exact=True).click()
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("[data-own-steps] .step-title")).to_have_count(2)
    page.get_by_role("button", name="Duplicate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Evenings (copy)")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evenings (copy)")
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(page.get_by_text("Delete Evenings (copy) from this device")).to_be_visible()
    page.get_by_role("button", name="Keep it").click()
    expect(page.get_by_role("button", name="Delete for good")).to_be_hidden()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_role("heading", name="My routines")).to_be_visible()
    expect(page.locator("[data-my-routines-list] .card-title a")).to_have_text(["Evenings"])
    expect(page.locator("html")).to_have_attribute("data-pending", "0")
    kept = page.request.get("/api/v1/own-routines").json()["routines"]
    assert [(routine["name"], len(routine["steps"])) for routine in kept] == [("Evenings", 2)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_building_and_on_the_overview(builder, scheme):
    page = builder
    page.emulate_media(color_scheme=scheme)
    build_three(page)
    assert violations(page) == ""
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My mornings")
    assert violations(page) == ""
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("button", name="Remove Cat-cow", exact=True)).to_be_visible()
    page.get_by_role("group", name="Cat-cow").get_by_label(re.compile(r"^Repetitions")).fill("99")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("[data-problems]")).to_be_focused()
    assert violations(page) == ""


TEN = ["Cat-cow", "Single knee to chest", "Glute bridge", "Pelvic tilt", "Knee rolls", "Seated nerve glide",
       "Standing back bend", "Calf raises holding a chair", "Sit to stand", "Child's pose"]


def saved_routine(page, names, name="Home programme", often=None):
    page.goto("/routines/new")
    expect(page.get_by_role("button", name=f"Add {names[0]}", exact=True)).to_be_enabled()
    page.get_by_label("Name", exact=True).fill(name)
    if often:
        page.get_by_label("How often (optional)").fill(often)
    for exercise in names:
        add(page, exercise)
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    return page


def share_link(page):
    page.get_by_role("button", name="Share", exact=True).click()
    box = page.get_by_label("Link to share")
    expect(box).to_have_attribute("readonly", "")
    expect(page.get_by_role("img", name="QR code of the link")).to_be_visible()
    return box.input_value()


def test_favourite_an_own_routine_and_start_it_from_favourites_and_the_list(page):
    saved_routine(page, TEN[:2], name="Lunch break", often="Weekdays")
    favourite = page.get_by_role("button", name="Favourite Lunch break")
    expect(favourite).to_have_attribute("aria-pressed", "false")
    favourite.click()
    expect(favourite).to_have_attribute("aria-pressed", "true")
    # The server has it under the slug history and the plan know it by, once the outbox has sent it.
    slug = f"own-{page.url.split('#')[1]}"
    page.wait_for_function("""(slug) => fetch("/api/v1/favourites").then((answer) => answer.json())
        .then((saved) => saved.favourites.some((row) => row.routine === slug && row.favourite))""", arg=slug)
    for path, heading in (("/favourites", "Saved routines"), ("/routines", "My routines")):
        page.goto(path)
        cards = page.get_by_role("region", name=heading).get_by_role("article")
        expect(cards.get_by_role("link", name="Lunch break", exact=True)).to_be_visible()
        expect(cards).to_contain_text("How often: Weekdays")
        expect(cards).to_contain_text("2 steps")
        favourite = cards.get_by_role("button", name="Favourite Lunch break")
        expect(favourite).to_have_attribute("aria-pressed", "true")
        assert violations(page) == ""
    # The card's Start goes straight to the player, as a built-in routine's does (the warning signs
    # read, so the player does not send this first routine to them).
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    cards.get_by_role("link", name="Start Lunch break").click()
    expect(page).to_have_url(re.compile(r"/routines/mine/play#"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lunch break")
    page.goto("/favourites")
    page.get_by_role("button", name="Favourite Lunch break").click()
    expect(page.get_by_role("heading", name="No favourites yet")).to_be_visible()


def test_share_gives_a_link_a_copy_button_and_a_qr_code(page, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    saved_routine(page, TEN[:3])
    link = share_link(page)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/shared#1[A-Z2-7]+", link), link
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status").filter(has_text="Link copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link


def test_a_shared_link_opens_in_a_fresh_browser_offline_and_is_saved_there(page, browser, base_url):
    saved_routine(page, TEN[:3], often="Once a day")
    link = share_link(page)
    other = browser.new_context(base_url=base_url, viewport=PHONE, service_workers="allow")
    try:
        fresh = other.new_page()
        fresh.goto("/")
        wait_until_offline_ready(fresh)
        other.set_offline(True)
        fresh.goto(link)
        expect(fresh.get_by_role("heading", level=1)).to_have_text("Home programme")
        expect(fresh.get_by_text("Shared with you. Easeback cannot check who made it.")).to_be_visible()
        expect(fresh.get_by_text("How often: Once a day")).to_be_visible()
        expect(fresh.locator("[data-shared-steps] .step-title")).to_have_text(
            ["1. Cat-cow", "2. Single knee to chest", "3. Glute bridge"])
        assert violations(fresh) == ""
        fresh.get_by_role("button", name="Save to my routines").click()
        expect(fresh.get_by_role("status").filter(has_text="Saved to your routines.")).to_be_visible()
        fresh.get_by_role("button", name="Save to my routines").click()
        expect(fresh.get_by_role("status").filter(has_text="It is already in your routines.")).to_be_visible()
        fresh.goto("/routines")
        expect(fresh.locator("[data-my-routines-list] .card-title a")).to_have_text(["Home programme"])
        fresh.goto(link)
        fresh.get_by_role("button", name="Start", exact=True).click()
        # A first routine on this device passes the warning signs first.
        expect(fresh).to_have_url(re.compile(r"/safety"))
    finally:
        other.close()


@pytest.mark.parametrize("tamper", ["cut", "changed", "newer", "empty"])
def test_a_tampered_link_says_what_is_wrong_and_saves_nothing(page, tamper):
    saved_routine(page, TEN[:2])
    link = share_link(page)
    fragment = link.split("#", 1)[1]
    swapped = "A" if fragment[-3] != "A" else "B"
    bad = {"cut": fragment[:-5], "changed": fragment[:-3] + swapped + fragment[-2:],
           "newer": "9" + fragment[1:], "empty": ""}[tamper]
    page.goto("/routines")
    page.goto(f"/shared#{bad}")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link cannot be opened")
    expect(page.get_by_text("Nothing was saved.")).to_be_visible()
    assert violations(page) == ""
    page.goto("/routines")
    expect(page.locator("[data-my-routines-list] .card-title a")).to_have_count(1)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_ten_steps_print_on_one_page_with_doses_care_and_the_qr_code(page, tmp_path, paper):
    saved_routine(page, TEN, often="Every other day")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    expect(page.locator("[data-sheet-steps] li")).to_have_count(10)
    pages, text = print_to_pdf(page, tmp_path / "sheet.pdf", paper)
    assert pages == 1, f"{paper}: {pages} pages"
    flat = " ".join(text.split())
    assert "Home programme" in flat and "How often: Every other day" in flat
    for number, name in enumerate(TEN, start=1):
        assert f"{number}. {name}" in flat
    assert flat.count("Take care:") == 10
    assert "8 times, slowly" in flat
    assert "/safety" in flat and "scan the code" in flat
    assert "Make your own routine" not in flat and "Delete" not in flat
    assert page.locator("[data-sheet-qr] svg[role=img]").count() == 1
