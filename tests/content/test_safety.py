"""The warning signs: each sign once, in the tier the NHS pages give it, and no other file restating
how urgent one is."""
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from app import paths
from app.content.learning import Section
from app.content.loading import ContentError
from app.content.safety import SAFETY_FILE, TIERS, check_warnings, load_safety
from app.content.sources import SOURCES_FILE, load_sources
from app.content.startup import load_content
from app.rules import URGENT_ANSWERS
from tests.content.content_checks import assert_refused

REAL = paths.ROUTINES_DIR / SAFETY_FILE
SECTION = TypeAdapter(Section)
SOURCES = load_sources(paths.ROUTINES_DIR / SOURCES_FILE)
SAFETY = load_safety(REAL, SOURCES)


def tier_of(sign_id):
    return SAFETY.signs[sign_id][1].id


def every_sign_text():
    return " ".join(sign.text for sign, _tier in SAFETY.signs.values())


# --- Which tier each sign sits in ----------------------------------------------------

@pytest.mark.parametrize("sign_id", ["pee-control", "pee-feeling", "pee-trouble", "bowel", "saddle", "wiping",
                                     "erection", "sex-feeling", "both-legs", "chest-pain", "clot-and-breath",
                                     "accident"])
def test_nerve_squeeze_signs_and_a_clot_on_the_lungs_are_call_999_now(sign_id):
    assert tier_of(sign_id) == "now"


@pytest.mark.parametrize("sign_id", ["one-leg-weakness", "spreading-numbness", "walking", "fever",
                                     "after-a-procedure", "calf", "cancer"])
def test_one_leg_weakness_a_clot_in_the_calf_and_infection_are_the_same_day(sign_id):
    assert tier_of(sign_id) == "same-day"


def test_tiers_run_from_most_urgent_with_anchors_the_pages_link_to():
    assert tuple(tier.id for tier in SAFETY.tiers) == TIERS == ("now", "same-day", "within-days", "soon")
    assert SAFETY.by_id["now"].heading == "Call 999 or go to A&E now"
    assert SAFETY.by_id["same-day"].heading == "Get help the same day"
    assert [call.number for call in SAFETY.calls_of(SAFETY.by_id["now"])] == ["999", "911", "112", "000"]
    assert [call.number for call in SAFETY.calls_of(SAFETY.by_id["same-day"])] == ["111"]


def test_the_signs_the_nhs_lists_are_all_there_in_plain_words():
    text = every_sign_text()
    for words in ("control the flow when you pee", "cannot feel pee passing", "needing pads",
                  "bladder does not feel empty", "less feeling in your genitals during sex",
                  "newly become difficult", "unsteady", "short of breath or have chest pain",
                  "spinal injection or operation", "infection", "spinal cord compression helpline"):
        assert words in text, words


def test_the_erection_sign_is_not_narrowed_by_numbness():
    erection = SAFETY.signs["erection"][0].text
    assert "numb" not in erection and "feeling" not in erection


def test_new_tingling_or_numbness_alone_is_not_a_warning_sign():
    numbness = [sign for sign, _tier in SAFETY.signs.values() if "numb" in sign.text and "leg" in sign.text]
    assert [sign.id for sign in numbness] == ["both-legs", "spreading-numbness"]
    assert "spreading" in SAFETY.signs["spreading-numbness"][0].text
    assert "weakness" in SAFETY.signs["spreading-numbness"][0].text
    # The page says so where a person stops mid-routine: rest, not a tier.
    assert any("numbness" in point for point in SAFETY.during.points)


def test_the_999_tier_says_what_to_say_and_111_is_not_everywhere():
    now, same_day = " ".join(SAFETY.by_id["now"].after), " ".join(SAFETY.by_id["same-day"].after)
    assert '"I am worried about cauda equina syndrome."' in now
    assert "out-of-hours" in same_day and "England, Scotland and Wales" in same_day
    assert "spinal team" in same_day


def test_the_plans_urgent_answers_point_to_tiers_the_file_has():
    assert {tier for _name, _value, tier in URGENT_ANSWERS} <= set(TIERS)


def test_each_sign_once():
    ids = [sign.id for tier in SAFETY.tiers for sign in tier.signs]
    assert len(ids) == len(set(ids))
    texts = [sign.text for tier in SAFETY.tiers for sign in tier.signs]
    assert len(texts) == len(set(texts))


# --- The file, broken on purpose --------------------------------------------------

@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "warning-signs.toml"
    path.write_text(REAL.read_text())
    return path


BROKEN = [
    ('id = "now"', 'id = "urgent"', "tiers", "most urgent first: now, same-day"),
    ('id = "bowel"', 'id = "saddle"', "tiers[0].signs[4].id", "'saddle' is already"),
    ('id = "bowel"', 'id = "soon"', "tiers[0].signs[3].id", "a tier id"),
    ('recognise = ["chest pain"]', 'recognise = ["heart"]', "tiers[0].signs[9].recognise",
     "none of the recognise patterns finds the sign's own text"),
    ('recognise = ["chest pain"]', 'recognise = ["chest (pain"]', "tiers[0].signs[9].recognise[0]",
     "is not a regular expression"),
    ('text = "you have chest pain as well as back pain"', 'text = "chest pain with back pain: call 999"',
     "tiers[0].signs[9].text", "the tier's heading says how soon"),
    ('calls = ["111"]', 'calls = ["101"]', "tiers[1].calls", "'101' is not in [[calls]]"),
    ('number = "999"', 'number = "nine"', "calls[0].number", "digits only"),
    ('"nhs-dvt"', '"nhs-clots"', "sources[3]", "unknown source 'nhs-clots'"),
]


@pytest.mark.parametrize(("old", "new", "field", "words"), BROKEN, ids=[case[2] for case in BROKEN])
def test_a_broken_file_names_the_field_and_the_fix(copy, old, new, field, words):
    assert_refused(copy, old, new, lambda: load_safety(copy, SOURCES), field, words)


def test_the_sources_are_the_publishers_pages():
    named = [source.id for source in SAFETY.sources]
    assert named[:3] == ["nhs-sciatica", "nhs-back-pain", "nhs-cauda-equina"]
    assert all(source.url.startswith("https://") for source in SAFETY.sources)


def test_start_up_needs_the_file(tmp_path):
    routines = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, routines)
    (routines / SAFETY_FILE).unlink()
    with pytest.raises(ContentError, match=r"warning-signs.toml: file: missing"):
        load_content(routines, paths.PICTURES_DIR)


# --- No other file restates a tier ------------------------------------------------

@dataclass(frozen=True)
class Guide:
    """Loaded content in miniature: check_warnings reads any model's texts the same way."""

    sections: tuple


def guide(paragraph, **extra):
    """A guide whose one section (the real lesson Section model) has one paragraph."""
    return Guide(sections=(SECTION.validate_python({"heading": "H", "paragraphs": [paragraph], **extra}),))


@pytest.mark.parametrize(("text", "words"), [
    # The same tier, said again: one place to change it, so the other is refused.
    ("A hot, swollen calf can be a clot. Get advice the same day.",
     "says how urgent the warning sign 'calf'"),
    ("Numbness around your genitals means call 999.", "says how urgent the warning sign 'saddle'"),
    # A different tier: the drift this rule exists to stop.
    ("Weakness in your leg that is getting worse: call 999 or go to A&E.",
     "sends the warning sign 'one-leg-weakness' to 'Call 999 or go to A&E now'"),
    ("Trouble peeing? See a GP soon.", "puts it under 'Call 999 or go to A&E now'"),
    ("Losing weight without trying needs an urgent appointment.",
     "puts it under 'See a GP within a few days'"),
])
def test_a_guide_that_says_how_urgent_a_sign_is_is_refused(text, words):
    with pytest.raises(ContentError) as refused:
        check_warnings(SAFETY, {Path("guides/g.toml"): guide(text)})
    assert "g.toml: sections[0].paragraphs[0]: " in str(refused.value)
    assert words in str(refused.value)


@pytest.mark.parametrize("text", [
    "Before you drive, be sure you could do an emergency stop.",  # urgency words, no sign
    "A hot, swollen calf can be a clot, so do not stretch it.",  # a sign, no urgency
    "Skip this routine if you feel unsteady on your feet today.",  # "today" is not a tier
    "See your GP or a physiotherapist if it has not eased after 6 weeks.",
])
def test_naming_a_sign_or_an_ordinary_next_step_is_allowed(text):
    check_warnings(SAFETY, {Path("guides/g.toml"): guide(text)})


def test_a_section_links_signs_by_id_and_an_unknown_id_is_refused():
    check_warnings(SAFETY, {Path("guides/g.toml"): guide("About clots.", warning_signs=["calf"])})
    refusal = r"g.toml: sections\[0\].warning_signs\[0\]: no warning sign 'clot'"
    with pytest.raises(ContentError, match=refusal):
        check_warnings(SAFETY, {Path("guides/g.toml"): guide("About clots.", warning_signs=["clot"])})


def test_start_up_refuses_a_lesson_that_restates_a_tier(tmp_path):
    routines = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, routines)
    lesson = routines / "lessons" / "massage.toml"
    text = lesson.read_text()
    old = "this can be a blood clot, so do not have it massaged."
    assert old in text
    lesson.write_text(text.replace(old, "this can be a blood clot: call 111 today."))
    with pytest.raises(ContentError, match=r"massage.toml: sections\[\d\].points\[\d\]: .*'calf'"):
        load_content(routines, paths.PICTURES_DIR)


def test_the_real_content_links_the_signs_it_talks_about():
    content = load_content(paths.ROUTINES_DIR, paths.PICTURES_DIR)
    bad_day = {sign for section in content.bad_day.sections for sign in section.warning_signs}
    assert {"saddle", "pee-trouble", "bowel", "both-legs", "one-leg-weakness"} <= bad_day
    massage = content.lessons.by_slug["massage"]
    assert "calf" in {sign for section in massage.sections for sign in section.warning_signs}


def test_every_pattern_is_case_blind():
    for sign, _tier in SAFETY.signs.values():
        assert all(pattern.flags & re.IGNORECASE for pattern in sign.recognise), sign.id
