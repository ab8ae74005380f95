"""Hidden false positives: one finding silenced without turning its rule off.

A marker inside the draft would travel to the recruiter, so, as LTeX's "hide false positive"
does, the list lives outside it: `hidden-false-positives` in the configuration (every draft
under it) or in a draft's `followup.toml` (that draft only). An entry names the rule and either
a regular expression searched in the sentence the finding lies in, or the exact text the
finding covers:

```toml
[[hidden-false-positives]]
rule = "spelling"
text = "Kubeflow"

[[hidden-false-positives]]
rule = "exclamation-marks"
sentence = "^Congratulations on the launch!"
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Where a sentence ends: ., ! or ? before white space, or a blank line (a paragraph, the
#: subject line and the greeting are separated by one). Single line breaks do not end a
#: sentence: wrapped paragraphs break lines in the middle of one.
#: One character, not a run: "[.!?]+" would rescan a long run of dots from every position.
_END = re.compile(r"[.!?](?=\s|$)|\n[ \t]*\n")


class HiddenFalsePositive(BaseModel):
    """One silenced finding: `rule` plus `sentence` (a regular expression searched in the
    finding's sentence) or `text` (the finding's exact text), or both (both must match)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(min_length=1)
    sentence: str | None = None
    text: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> HiddenFalsePositive:
        if self.sentence is None and self.text is None:
            raise ValueError("give 'sentence' (a regular expression) or 'text' (the exact words)")
        if self.sentence is not None:
            try:
                _compiled(self.sentence)
            except re.error as exc:
                raise ValueError(f"'sentence' is not a valid regular expression: {exc}") from None
        return self

    def matches(self, rule: str, found: str, sentence: str) -> bool:
        """Does this entry hide a finding of `rule` over `found` inside `sentence`?"""
        if rule != self.rule:
            return False
        if self.text is not None and found.strip() != self.text.strip():
            return False
        return self.sentence is None or _compiled(self.sentence).search(sentence) is not None


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], its white space collapsed (so a pattern need not
    know where the draft's lines were wrapped)."""
    begin = 0
    for m in _END.finditer(text, 0, start):
        begin = m.end()
    m2 = _END.search(text, max(start, end - 1))
    finish = len(text) if m2 is None else (m2.end() if text[m2.start()] != "\n" else m2.start())
    return " ".join(text[begin:finish].split())
