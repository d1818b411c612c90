"""The words the page scripts show, in the page's language.

Scripts carry no sentences of their own: base.html hands them this catalogue as the "words" JSON
block, translated like the rest of the page (`make messages` finds each lazy_gettext here), and
static/js/lib/words.js looks a word up by its key. `{name}` in a word is filled in by the script.
A word whose key ends in "-1" is the one said of exactly one thing ("1 step"); the key without it
is said of any other number. tests/js/words.test.js reads this file: keep one `"key": _l("...")`
an entry, in double quotes. A {name} is no English word ({sec}, not {seconds}): the check that a
Spanish page has no English left reads the words as they are sent, {names} and all.
"""
from flask_babel import lazy_gettext as _l

WORDS = {
    # Every page: what sync.js says about saving (lib/outbox-rules.js).
    "sync-outdated": _l("Easeback was updated in another tab. Reload this page to keep saving your changes."),
    "sync-blocked": _l("Easeback is open in another tab. Close that tab so this one can save your changes."),
    "sync-device-failed": _l("Your last change could not be saved on this device. Please try again."),
    "sync-held": _l("Some changes could not be sent yet. They are kept on this device and will be sent "
                    "again."),
    "sync-parked-1": _l("{count} change could not be saved on our server. It is kept on this device, "
                        "and included when you download your data in Settings."),
    "sync-parked": _l("{count} changes could not be saved on our server. They are kept on this device, "
                      "and included when you download your data in Settings."),
    "saved-here": _l("Saved on this device."),
    "title": _l("{title} - Easeback"),
    "how-often": _l("How often: {often}"),
    # Lengths and doses, as the pages write them (lib/own-routine.js spell and stepTiming).
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
    # A routine of one's own, checked before it is saved, shared or opened (lib/own-routine.js).
    "no-name": _l("This routine has no name."),
    "name-too-long": _l("This routine's name is {count} characters long; a name has at most {most}."),
    "one-line": _l("The name and \"how often\" must each be one line."),
    "often-too-long": _l("This routine's \"how often\" is {count} characters long; it has at most {most}."),
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
    # A routine's link that cannot be opened (lib/routine-link.js).
    "link-cut-short": _l("This link is not complete: its end was cut off. Copy the whole link, or ask for it "
                         "again."),
    "link-changed": _l("This link was changed after it was made, so Easeback will not open it. Ask for the "
                       "link again."),
    "link-newer": _l("This link comes from a newer version of Easeback."),
    "link-update": _l("Update Easeback (reload the page, or close and open the app again), then open the "
                      "link again."),
    # Making or changing a routine (pages/builder.js).
    "hold-label": _l("Hold (seconds, {low} to {high})"),
    "reps-label": _l("Repetitions ({low} to {high})"),
    "rest-label": _l("Rest after (seconds, {low} to {high})"),
    "move-up": _l("Move {name} up"),
    "move-down": _l("Move {name} down"),
    "remove-step": _l("Remove {name}"),
    "total-time": _l("Total time: {time}, {count}."),
    "over-time": _l("That is over the {most} minutes a routine may last."),
    "added": _l("Added {name} as step {number}."),
    "removed": _l("Removed {name}."),
    "moved": _l("Moved {name} to step {number}."),
    "all-exercises": _l("All {count} exercises."),
    "exercises-match": _l("{shown} of {count} exercises match."),
    "routine-not-kept": _l("This device could not keep the routine. Check it has storage space, then try "
                           "again."),
    "change-routine": _l("Change {name}"),
    "save-changes": _l("Save changes"),
    "no-exercise-list": _l("The exercise list could not be loaded. Check your connection, then reload the "
                           "page."),
    # A routine of one's own: its overview, its player, a shared link (pages/own-routine.js, shared.js).
    "not-found-title": _l("Routine not found - Easeback"),
    "play-title": _l("Play: {name} - Easeback"),
    "takes": _l("Takes {time} in all, rests and side switches included."),
    "own-summary": _l("A routine of your own."),
    "copy-name": _l("{name} (copy)"),
    "copy-not-kept": _l("This device could not keep the copy. Check it has storage space, then try again."),
    "delete-ask": _l("Delete {name} from this device and your linked devices? This cannot be undone."),
    "not-deleted": _l("This device could not delete it just now. Please try again."),
    "link-copied": _l("Link copied. Paste it into a message or an email."),
    "link-selected": _l("This browser would not copy it: the link is selected, so copy it from the box."),
    "share-text": _l("{name}: a routine to do with Easeback"),
    "qr-label": _l("QR code of the link"),
    "refused-title": _l("This link cannot be opened - Easeback"),
    "shared-title": _l("{name}: shared with you - Easeback"),
    "already-kept": _l("It is already in your routines."),
    "saved-to-routines": _l("Saved to your routines."),
    "open-from-routines": _l("Open it from your routines"),
    "link-unreadable": _l("Easeback could not read this link on this device. Reload the page to try again."),
    # The player (pages/player.js, parts/player-screen.js).
    "start": _l("Start"),
    "pause": _l("Pause"),
    "resume": _l("Resume"),
    "get-ready": _l("Get ready"),
    "rest": _l("Rest"),
    "switch-sides": _l("Switch sides"),
    "up-next": _l("Up next"),
    "rest-up-next": _l("Rest – up next"),
    "switch-to": _l("Switch to your {side} side"),
    "right-side": _l("Right side"),
    "left-side": _l("Left side"),
    "now": _l("Now"),
    "paused": _l("Paused"),
    "step-of": _l("Step {number} of {count}"),
    "last-step": _l("Last step"),
    "next": _l("Next: {name}"),
    "next-side": _l("Next: {name} ({side} side)"),
    "rep-of": _l("Rep {rep} of {count}, slowly"),
    "walk-note": _l("Walking for {length} minutes, as your plan suggests: each stage keeps its share of "
                    "the time."),
    "finished-steps": _l("You finished {title}: all {count} steps."),
    "finished": _l("Routine finished. Well done."),
    "paused-where": _l("Paused where you left off. {where}."),
    # Whether the cues go on with the screen off (lib/screen-off.js: the player and Settings).
    "screen-off-no": _l("This browser cannot play the cues with the screen off. Keep the screen on while you "
                        "follow a routine: Easeback asks it to stay awake."),
    "screen-off-yes": _l("This browser can keep the cues going with the screen locked. Start the routine "
                         "with the screen on, then lock it. On an iPhone this works best from Easeback added "
                         "to the Home Screen."),
    "screen-off-while-sound-plays": _l("This browser keeps the cues going with the screen off while the "
                                       "routine's sound plays. Start with the screen on and Easeback in "
                                       "front, then lock the phone. The routine shows on the lock screen, "
                                       "with pause and skip."),
    "screen-off-unsure": _l("This browser may pause the cues when the screen goes off. To be sure of every "
                            "cue, keep the screen on."),
    # Pain check-ins (parts/checkin-form.js).
    "checkin-not-saved": _l("This check-in could not be saved on this device. Please try again."),
    "checkin-saved": _l("Saved: back {backPain}, leg {legPain}. Thank you."),
    "back-pain": _l("Back pain"),
    "leg-pain": _l("Leg pain"),
    "pain-was": _l("{label} was {earlier}, now {later}"),
    # My plan's forms (parts/plan-forms.js).
    "answers-not-kept": _l("This device could not keep your answers. Please try again."),
    "answers-waiting": _l("Saved on this device. Your plan takes it in once you are back online."),
    # Home (pages/home.js).
    "need-bad-day": _l("A bad day: the gentle card stays today."),
    "need-chosen": _l("You chose: {choice}. Tap it again to clear it."),
    "need-unsaid": _l("Your answer changes the suggestion above."),
    "continue": _l("Continue {title}"),
    "paused-at": _l("Paused at {where}."),
    # The therapist checklist (pages/checklist.js, parts/checklist-*.js).
    "checkin-back": _l("back {score}/10"),
    "checkin-leg": _l("leg {score}/10"),
    "checkin-on": _l("(check-in on {date})"),
    "not-saved-here": _l("Could not save on this device: its storage is full or turned off."),
    "ticked": _l("{ticked} of {count} ticked"),
    "yes": _l("Yes"),
    "not-yet": _l("Not yet"),
    "therapist": _l("Therapist {number}"),
    "printed-on": _l("Printed on {date}"),
    # Settings (parts/settings-form.js, data-controls.js, data-export.js, linked-devices.js).
    "gentler-saved": _l("Gentler timings saved on this device."),
    "as-written": _l("Back to the timings as written."),
    "offline-try-again": _l("You are offline. Connect to the internet and try again."),
    "device-linked": _l("This device is linked. Your saved things will appear here."),
    "code-shape": _l("A code has 10 letters and numbers, like ABCDE-23456. Check it and try again."),
    "too-many-tries": _l("Too many tries. Wait ten minutes, then make a new code."),
    "nothing-deleted": _l("Nothing was deleted."),
    "all-deleted": _l("Everything is deleted, here and on our server."),
    "export-device-only": _l("Our server could not be reached, so this download has only what is on this "
                             "device."),
    "export-server-only": _l("The changes kept on this device could not be read, so this download has only "
                             "what our server has."),
    "devices-unreachable": _l("Connect to the internet to see your linked devices."),
    "device-not-yet": _l("not yet"),
    "device-today": _l("today"),
    "this-device": _l("This device"),
    "another-device": _l("Another device"),
    "device-dates": _l("Linked {linked}, last used {used}."),
    "remove-this-device": _l("Remove this device"),
    "remove-device": _l("Remove"),
    "nothing-removed": _l("Nothing was removed."),
    "nothing-removed-try-again": _l("Nothing was removed. Try again."),
    "this-unlinked": _l("This device is unlinked. What you saved stays on your other devices."),
    "that-unlinked": _l("That device is unlinked. It no longer sees what you save."),
}


def for_scripts():
    """The catalogue in the current language, ready for |tojson."""
    return {key: str(word) for key, word in WORDS.items()}
