"""The words each page hands its scripts (the "words" block of base.html): the catalogue's words its
modules say (app/site/words.py) and the page's own (its template's page_words). On every page, in
every language, each word a script of the page asks for is there; none is there that no script of
the page asks for; and a translation keeps the English word's {names}."""
import json
import re

import pytest

from app import paths
from app.site import words
from app.site.languages import CODES
from bench import transfer

TEMPLATE = re.compile(r"`([^`]*)`")
PLACEHOLDER = re.compile(r"\\\$\\\{[^}]*\\\}")  # a ${...} of a template, once re.escape'd
NAME = re.compile(r"\{(\w+)\}")


def first_arguments(script):
    """The first argument of each say(...) call: up to the comma or parenthesis that closes it."""
    found = []
    for call in re.finditer(r"\bsay\(", script):
        depth, end = 0, call.end()
        while end < len(script):
            character = script[end]
            if character in "([{":
                depth += 1
            elif character in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif character == "," and depth == 0:
                break
            end += 1
        found.append(script[call.end():end])
    return found


class Asked:
    """What a script asks for: the words it names in its say(...) calls, the templates it makes
    names with (say(`screen-off-${answer}`)), and, where it says a word named elsewhere in it
    (say(saved), say(WORDS[kind])), every name it writes."""

    def __init__(self, script):
        arguments = first_arguments(script)
        self.named = {key for argument in arguments for key in re.findall(r'"([\w-]+)"', argument)}
        self.templates = {template: re.compile("^" + PLACEHOLDER.sub(".+", re.escape(template)) + "$")
                          for argument in arguments for template in TEMPLATE.findall(argument)}
        indirect = any(not re.search(r'["`]', argument) for argument in arguments)
        self.written = set(re.findall(r'"([\w-]+)"', script)) if indirect else set()

    def of(self, words_here):
        """The words of the page this script asks for."""
        made = {key for key in words_here for pattern in self.templates.values() if pattern.match(key)}
        return (self.named | self.written) & set(words_here) | made

    def missing(self, words_here):
        """What it names or makes that the page does not have."""
        unmade = {template for template, pattern in self.templates.items()
                  if not any(pattern.match(key) for key in words_here)}
        return self.named - set(words_here) | unmade


def handed(html):
    """The words block of a page."""
    return json.loads(transfer.words_in(html))


@pytest.fixture
def pages(lived_in, every_page):
    """Each page in each language: its words, and the text of every script it loads."""
    found, fetched = {}, {}
    for language in CODES:
        for url in every_page(language):
            response = lived_in.get(url)
            assert response.status_code == 200, url
            if response.mimetype == "text/html":
                html = response.get_data(as_text=True)
                found[url] = (handed(html), transfer.scripts_of(lived_in, html, fetched))
    return found


def test_each_page_has_every_word_its_scripts_ask_for_no_other_and_the_same_in_each_language(pages):
    for url, (words_here, scripts) in pages.items():
        asks = [Asked(text) for text in scripts.values()]
        missing = set().union(*(ask.missing(words_here) for ask in asks))
        assert not missing, f"{url}: its scripts say {sorted(missing)}, which it does not hand them"
        unasked = set(words_here) - set().union(*(ask.of(words_here) for ask in asks))
        assert not unasked, f"{url}: no script of the page says {sorted(unasked)}"
    for url, (english, _scripts) in pages.items():
        if url.startswith("/es/") or url == "/es":
            continue
        spanish, _ = pages["/es" + url if url != "/" else "/es/"]
        assert spanish.keys() == english.keys(), url
        for key, word in english.items():
            assert sorted(NAME.findall(spanish[key])) == sorted(NAME.findall(word)), (url, key, spanish[key])


def test_every_word_of_the_catalogue_is_asked_for_by_a_script(pages):
    everything = set()
    for words_here, scripts in pages.values():
        everything |= set().union(*(Asked(text).of(words_here) for text in scripts.values()))
    assert set(words.WORDS) <= everything, sorted(set(words.WORDS) - everything)


def test_the_finder_reads_say_calls_as_the_scripts_write_them():
    script = 'say("a", { n: f(1, 2) }); say(x ? "b" : "c"); say(`d-${kind}`); const W = { e: "e" };say(W[i]);'
    assert first_arguments(script) == ['"a"', 'x ? "b" : "c"', "`d-${kind}`", "W[i]"]
    words_here = dict.fromkeys(["a", "b", "c", "d-x", "e", "f"], "")
    assert Asked(script).of(words_here) == {"a", "b", "c", "d-x", "e"}
    assert Asked(script).missing(words_here) == set()
    assert Asked(script).missing({"a": ""}) == {"b", "c", "d-${kind}"}
    assert Asked('say("a"); say(x ? "b" : "c"); const e = "e";').of(words_here) == {"a", "b", "c"}


def test_the_catalogue_files_each_word_once_under_scripts_there_are():
    js = paths.STATIC_DIR / "js"
    scripts = {path.relative_to(js).as_posix() for path in js.rglob("*.js")}
    assert len(words.WORDS) == sum(map(len, words.SAID_BY.values())), "a word is filed twice"
    assert all(set(modules) <= scripts for modules in words.SAID_BY), "a word is filed under no script"
