"""One finding per slip: proofreading findings of different rules that report the same words.

Several proofreading rules may read the same slip. "There's problems" is our `there-is-plural`
and Harper's `ThereIsAgreement`; "de juro" is a listed sound-alike phrase, and "juro" alone is
unknown to the speller. A writer should see it once, with the clearest message and fix:

- an engine's finding (`harper:…`, `lt:…`) that overlaps one of our rules' findings goes: ours
  has our message, our fix and our guidance (Harper's own lints are already dropped where our
  word-list slips report the same span; this covers every other rule);
- a `spelling` finding on a word inside a longer finding of another proofreading rule goes: the
  phrase rule knows what the whole phrase should be;
- of our findings on exactly the same words, the first rule's stays.

A finding is never dropped for one of lower severity, so the send gate blocks on the same
drafts. Findings of other categories (tone, concision, ...) are never merged: they report
other things about the same words.
"""

from __future__ import annotations

from followup_lint.model.report import Finding

#: The categories whose findings are merged here.
MERGED_CATEGORIES = frozenset({"proofreading", "spelling"})


def _engine(f: Finding) -> bool:
    return ":" in f.rule  # harper:<Kind>, lt:<ID>: a grammar engine's own finding


def _yields_to(f: Finding, other: Finding, other_first: bool) -> bool:
    """Does `f` say again what `other`, a finding on overlapping words, says (and so go)?"""
    if f.rule == other.rule or f.severity.rank > other.severity.rank:
        return False
    if _engine(f):
        return not _engine(other)
    if _engine(other):
        return False
    same_words = (f.span.start, f.span.end) == (other.span.start, other.span.end)
    if same_words:
        return other_first
    if f.rule == "spelling":
        inside = other.span.start <= f.span.start and f.span.end <= other.span.end
        return inside
    return False


def drop_repeats(findings: list[Finding]) -> list[Finding]:
    """The findings without those that repeat another proofreading finding (module docstring);
    the order of the rest is kept."""
    merged = [f for f in findings if f.category in MERGED_CATEGORIES]
    if len(merged) < 2:
        return findings
    # Sorted by start, each finding meets only the findings that start before it ends.
    order = sorted(range(len(merged)), key=lambda i: merged[i].span.start)
    dropped: set[int] = set()
    for x, i in enumerate(order):
        f = merged[i]
        end = max(f.span.end, f.span.start + 1)
        for j in order[x + 1 :]:
            g = merged[j]
            if g.span.start >= end:
                break
            if _yields_to(f, g, other_first=j < i):
                dropped.add(id(f))
            if _yields_to(g, f, other_first=i < j):
                dropped.add(id(g))
    if not dropped:
        return findings
    return [f for f in findings if id(f) not in dropped]
