"""What the real-word-typo rule catches of real-word slips made on purpose (run:
`python -m tests.proofreading.measure_realword`).

Each correct sentence of tests/proofreading/data/correct_sentences.txt is linted as the body of a
short draft, first as it is (every finding of the rule there is a false alarm, and is listed),
then once for every slip of one keystroke (a letter added, dropped, changed, or two swapped) that
turns one of its lower-case words into another common word ("let me know" -> "let me snow"):
the share of those slips the rule flags, and the share it flags with the word that was there
as its fix. Most such slips cannot be caught from word pairs at all (they give another correct
sentence, or a stop word, or a word too rare for the pair list to know), so the share is small;
it is a yardstick for changes to the rule and its data, not a recall on real drafts.
"""

from __future__ import annotations

import re
from pathlib import Path

from followup_lint import Config, Linter
from followup_lint.proofreading.dictionary import english
from tests.proofreading.short_draft import HEAD, TAIL

RULE = "real-word-typo"
DATA = Path(__file__).resolve().parent / "data" / "correct_sentences.txt"
#: Least dictionary frequency of the word slipped from and of the word slipped into.
COMMON = 1000
_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


def main() -> None:
    linter = Linter(Config(select=(RULE,)))
    d = english()
    sentences = [
        s.strip()
        for s in DATA.read_text(encoding="utf-8").splitlines()
        if s.strip() and not s.startswith("#")
    ]
    alarms = []
    for s in sentences:
        text = HEAD + s + TAIL
        alarms += [text[f.span.start : f.span.end] for f in linter.lint(text).by_rule(RULE)]
    slips = flagged = right = 0
    for s in sentences:
        for m in _WORD.finditer(s):
            meant = m.group()
            if d.frequency(meant) < COMMON:
                continue
            for typo in sorted(_edits1(meant)):
                if d.frequency(typo) < COMMON:
                    continue
                slips += 1
                text = HEAD + s[: m.start()] + typo + s[m.end() :] + TAIL
                at = len(HEAD) + m.start()
                hits = [f for f in linter.lint(text).by_rule(RULE) if f.span.start == at]
                if hits:
                    flagged += 1
                    right += hits[0].fixes[0].replacement == meant
    print(f"correct sentences: {len(sentences)}, findings {len(alarms)} {alarms}")
    print(
        f"slips of one keystroke into a common word: {slips}; flagged {flagged} "
        f"({100 * flagged / max(1, slips):.2f}%), with the word meant as the fix {right} "
        f"({100 * right / max(1, slips):.2f}%)"
    )


if __name__ == "__main__":
    main()
