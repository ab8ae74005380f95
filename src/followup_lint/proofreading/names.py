"""Which words a draft's context makes acceptable to the speller, and which it must not.

Names are what ruin spell checkers in this domain: the interviewer, the company, its products,
the topics discussed. Everything the context and the headers know is accepted exactly. Words the
draft itself presents as names (in the greeting or signature, capitalised mid-sentence, tagged
PROPN by the trained pipeline) are accepted too, unless they are a near miss of a known person's
name: "Whitfeld" for "Whitfield" is the typo readers notice first, so it is never accepted.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint import regex_cache
from followup_lint.proofreading.dictionary import damerau_within

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis

_TOKEN_RE = regex_cache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LOCAL_SPLIT_RE = regex_cache.compile(r"[._+\-\d]+")
#: Address headers whose names count too, besides To, Cc and From (which fill the context).
_ADDRESS_HEADERS = ("bcc", "reply-to")


def normalize(word: str) -> str:
    """Lower case with straight apostrophes: the form every comparison here uses."""
    return word.replace("’", "'").lower()


def name_tokens(text: str) -> set[str]:
    """The words of a name or phrase, whole ("o'brien") and split at apostrophes ("brien")."""
    out: set[str] = set()
    for m in _TOKEN_RE.finditer(text):
        word = normalize(m.group())
        out.add(word)
        if "'" in word:
            out.update(p for p in word.split("'") if p)
    return out


def email_tokens(address: str) -> set[str]:
    """The name parts of an address: "dana.whitfield-okoro@acme.com" -> dana, whitfield, okoro,
    acme."""
    local, _, domain = address.partition("@")
    out = {p.lower() for p in _LOCAL_SPLIT_RE.split(local) if len(p) > 1}
    labels = domain.lower().split(".")
    if len(labels) >= 2:
        out.update(p for p in re.split(r"[-\d]+", labels[-2]) if len(p) > 1)
    return out


def near_miss(word: str, names: set[str]) -> str | None:
    """A known name this word is a likely misspelling of (one edit for short names, two for
    names of six letters or more), or None."""
    if word in names or len(word) < 3:
        return None
    best: tuple[int, str] | None = None
    for name in names:
        if len(name) < 3 or (name[0] != word[0] and len(name) < 6):
            continue
        limit = 2 if len(name) >= 6 else 1
        d = damerau_within(word, name, limit)
        if d is not None and d > 0 and (best is None or d < best[0]):
            best = (d, name)
    return best[1] if best else None


@dataclass(frozen=True)
class Known:
    """The accepted words of one draft (all lower case)."""

    #: Words accepted exactly: context, headers, vocabulary, the user's words file.
    exact: frozenset[str]
    #: Tokens of people's names (interviewers, recipients): near misses of these are flagged.
    people: frozenset[str]
    #: How each person token is written in the context (for suggestions: "Whitfield").
    display: dict[str, str]


def user_words_path() -> Path:
    """The user's own words file: $XDG_CONFIG_HOME/followup-lint/words.txt (by default
    ~/.config/followup-lint/words.txt), one word per line, # starts a comment."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "followup-lint" / "words.txt"


_user_cache: dict[Path, tuple[tuple[int, int], frozenset[str]]] = {}
_user_lock = threading.Lock()


def user_words() -> frozenset[str]:
    """The words in the user's words file, re-read only when the file changes (an editor that
    adds a word sees it on the next keystroke; the cost otherwise is one stat)."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    # os.stat on a string: this runs once per draft, and pathlib costs more than the stat.
    name = os.path.join(base, "followup-lint", "words.txt")
    try:
        st = os.stat(name)
    except OSError:
        return frozenset()
    path = Path(name)
    stamp = (st.st_mtime_ns, st.st_size)
    with _user_lock:
        cached = _user_cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    words = frozenset(
        normalize(line.split("#", 1)[0].strip())
        for line in text.splitlines()
        if line.split("#", 1)[0].strip()
    )
    with _user_lock:
        _user_cache[path] = (stamp, words)
    return words


def known_words(analysis: Analysis) -> Known:
    """Everything the context, the headers and the configuration accept, once per draft."""
    cached = analysis.cache.get("proofreading:known")
    if isinstance(cached, Known):
        return cached
    ctx = analysis.context
    exact: set[str] = set()
    people: set[str] = set()
    display: dict[str, str] = {}
    for person in (*ctx.interviewers, *ctx.recipients):
        for m in _TOKEN_RE.finditer(person.name):
            display.setdefault(normalize(m.group()), m.group())
        toks = name_tokens(person.name)
        people |= toks
        if person.email:
            exact |= email_tokens(person.email)
    for name in ctx.names():
        exact |= name_tokens(name)
    if ctx.sender and ctx.sender.email:
        exact |= email_tokens(ctx.sender.email)
    for person in ctx.interviewers:
        if person.title:
            exact |= name_tokens(person.title)
    for text in (
        ctx.company or "",
        ctx.position or "",
        *ctx.topics,
        *ctx.concerns,
        *ctx.instructions,
    ):
        exact |= name_tokens(text)
    if ctx.company_domain:
        exact |= email_tokens("x@" + ctx.company_domain)
    # To, Cc and From are in the context already (recipients, sender); parse the others only
    # when the draft has them (address parsing is the slow part of this function).
    extra = [h for h in _ADDRESS_HEADERS if h in analysis.draft.headers]
    for addr in analysis.draft.addresses(*extra) if extra else ():
        exact |= name_tokens(addr.name)
        if addr.email:
            exact |= email_tokens(addr.email)
    # A misspelt company name is as visible as a misspelt person's: guard its words too.
    if ctx.company:
        for m in _TOKEN_RE.finditer(ctx.company):
            if len(m.group()) >= 4:
                people.add(normalize(m.group()))
                display.setdefault(normalize(m.group()), m.group())
    exact |= people
    for word in analysis.vocabulary:
        exact |= name_tokens(word) if " " in word else {normalize(word)}
    exact |= user_words()
    known = Known(frozenset(exact), frozenset(people), display)
    analysis.cache["proofreading:known"] = known
    return known
