"""The words the page scripts show, in the page's language.

Scripts carry no sentences of their own. A word the scripts of several pages say lives here, in
the catalogue, under the modules that say it; a word only one page's scripts say lives in that
page's template, as its `{% set page_words = {...} %}`. base.html hands a page the catalogue's
words its modules say and its own as its "words" JSON block, so a page carries only the words its
scripts say, translated like the rest of the page (`make messages` finds each gettext), and
static/js/lib/words.js looks a word up by its key (tests/site/test_script_words.py checks that each
page has every word its scripts ask for, and no other). `{name}` in a word is filled in by the script.
A word whose key ends in "-1" is the one said of exactly one thing ("1 step"); the key without it
is said of any other number. tests/js/words.test.js reads this file: keep one `"key": _l("...")`
an entry, in double quotes. A {name} is no English word ({sec}, not {seconds}): the check that a
Spanish page has no English left reads the words as they are sent, {names} and all.
"""
from flask_babel import lazy_gettext as _l

SAID_BY = {
    # What lib/sync.js says about saving, on every page (lib/outbox-rules.js puts it together).
    ("lib/outbox-rules.js",): {
        "sync-outdated": _l("Easeback was updated in another tab. Reload this page to keep saving your "
                            "changes."),
        "sync-blocked": _l("Easeback is open in another tab. Close that tab so this one can save your "
                           "changes."),
        "sync-device-failed": _l("Your last change could not be saved on this device. Please try again."),
        "sync-held": _l("Some changes could not be sent yet. They are kept on this device and will be sent "
                        "again."),
        "sync-parked-1": _l("{count} change could not be saved on our server. It is kept on this device, "
                            "and included when you download your data in Settings."),
        "sync-parked": _l("{count} changes could not be saved on our server. They are kept on this device, "
                          "and included when you download your data in Settings."),
    },
    # A saved change, in Settings and the checklist.
    ("parts/settings-form.js", "pages/checklist.js"): {
        "saved-here": _l("Saved on this device."),
    },
    # A routine of one's own: its card, its page and its player.
    ("parts/favourites.js", "parts/own-steps.js", "pages/own-routine.js"): {
        "how-often": _l("How often: {often}"),
    },
    ("parts/favourites.js",): {
        "own-summary": _l("A routine of your own."),
    },
    ("pages/own-routine.js", "pages/builder.js"): {
        "title": _l("{title} - Easeback"),
    },
    ("parts/own-steps.js",): {
        "takes": _l("Takes {time} in all, rests and side switches included."),
    },
    ("lib/own-player-data.js", "pages/own-routine.js"): {
        "not-found-title": _l("Routine not found - Easeback"),
    },
    ("lib/own-player-data.js",): {
        "play-title": _l("Play: {name} - Easeback"),
    },
    # Lengths and doses, as the pages write them (lib/own-routine.js); the player says a side.
    ("lib/own-routine.js", "parts/player-screen.js"): {
        "seconds": _l("{sec} s"),
        "minutes": _l("{min} min"),
        "minutes-seconds": _l("{min} min {sec} s"),
        "step-count-1": _l("{count} step"),
        "step-count": _l("{count} steps"),
        "once-slowly": _l("once, slowly"),
        "times-slowly": _l("{count} times, slowly"),
        "each-side": _l("{dose} on each side, right then left"),
        "one-side-only": _l("{dose} on the {side} side only"),
        "left": _l("left"),
        "right": _l("right"),
    },
    # A routine of one's own, checked before it is saved, shared or opened.
    ("lib/own-routine.js",): {
        "no-name": _l("This routine has no name."),
        "name-too-long": _l("This routine's name is {count} characters long; a name has at most {most}."),
        "one-line": _l("The name and \"how often\" must each be one line."),
        "often-too-long": _l("This routine's \"how often\" is {count} characters long; it has at most "
                             "{most}."),
        "no-steps": _l("This routine has no steps; a routine has {fewest} to {most}."),
        "steps-out": _l("This routine has {count} steps; a routine has {fewest} to {most}."),
        "unknown-step": _l("Step {number} is an exercise this version of Easeback does not have."),
        "step-where": _l("Step {number} ({name})"),
        "held-not-counted": _l("{where} is held for a time, not counted."),
        "counted-not-held": _l("{where} is counted in repetitions, not held."),
        "hold-none": _l("{where} needs a hold in whole seconds, {low} to {high}."),
        "hold-outside": _l("{where} holds for {value} seconds; a hold lasts {low} to {high} seconds."),
        "reps-none": _l("{where} needs a number of repetitions, {low} to {high}."),
        "reps-outside": _l("{where} has {value} repetitions; a step has {low} to {high}."),
        "rest-none": _l("{where} needs a rest after it in whole seconds, {low} to {high}."),
        "rest-outside": _l("{where} rests {value} seconds after it; a rest lasts {low} to {high} seconds."),
        "sides-choice": _l("{where} is done on both sides, the left or the right."),
        "not-sided": _l("{where} is not done one side at a time."),
        "too-long": _l("This routine would last {length} minutes; a routine lasts at most {most} minutes."),
    },
    # A routine's link that cannot be opened.
    ("lib/routine-link.js",): {
        "link-cut-short": _l("This link is not complete: its end was cut off. Copy the whole link, or ask "
                             "for it again."),
        "link-changed": _l("This link was changed after it was made, so Easeback will not open it. Ask for "
                           "the link again."),
        "link-newer": _l("This link comes from a newer version of Easeback."),
        "link-update": _l("Update Easeback (reload the page, or close and open the app again), then open "
                          "the link again."),
    },
    # Keeping a routine: one made here, or one shared by link.
    ("pages/builder.js", "pages/shared.js"): {
        "routine-not-kept": _l("This device could not keep the routine. Check it has storage space, then "
                               "try again."),
    },
    # Whether the cues go on with the screen off (lib/screen-off.js finds out), in the player and Settings.
    ("pages/player.js", "parts/settings-form.js"): {
        "screen-off-no": _l("This browser cannot play the cues with the screen off. Keep the screen on "
                            "while you follow a routine: Easeback asks it to stay awake."),
        "screen-off-yes": _l("This browser can keep the cues going with the screen locked. Start the "
                             "routine with the screen on, then lock it. On an iPhone this works best from "
                             "Easeback added to the Home Screen."),
        "screen-off-while-sound-plays": _l("This browser keeps the cues going with the screen off while the "
                                           "routine's sound plays. Start with the screen on and Easeback in "
                                           "front, then lock the phone. The routine shows on the lock "
                                           "screen, with pause and skip."),
        "screen-off-unsure": _l("This browser may pause the cues when the screen goes off. To be sure of "
                                "every cue, keep the screen on."),
    },
    # Pain check-ins, in the player and the history.
    ("parts/checkin-form.js",): {
        "checkin-not-saved": _l("This check-in could not be saved on this device. Please try again."),
        "checkin-saved": _l("Saved: back {backPain}, leg {legPain}. Thank you."),
        "back-pain": _l("Back pain"),
        "leg-pain": _l("Leg pain"),
        "pain-was": _l("{label} was {earlier}, now {later}"),
    },
    # My plan's forms.
    ("parts/plan-forms.js",): {
        "answers-not-kept": _l("This device could not keep your answers. Please try again."),
        "answers-waiting": _l("Saved on this device. Your plan takes it in once you are back online."),
    },
}


# Every word above, by its key: what the JavaScript budget counts with the scripts (bench/transfer.py).
WORDS = {key: word for said in SAID_BY.values() for key, word in said.items()}


def catalogue():
    """Every word of the catalogue, in the current language."""
    return {key: str(word) for key, word in WORDS.items()}


def for_page(loaded, page_words=None):
    """The words a page hands its scripts, in its language, ready for |tojson: those of the catalogue
    said by a module it loads (loaded: "lib/sync.js" and the like, as app/site/assets.py notes them),
    and the page's own (its template's page_words). A word has one home: a page may not name a word
    of the catalogue again."""
    page_words = page_words or {}
    if again := WORDS.keys() & page_words.keys():
        raise ValueError(f"{sorted(again)}: already in app/site/words.py")
    said = {key: word for modules, words in SAID_BY.items() if loaded.intersection(modules)
            for key, word in words.items()}
    return {key: str(word) for key, word in {**said, **page_words}.items()}
