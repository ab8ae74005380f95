"""`consistency`: names and the company spelled as the context and the headers say.

`target: interviewer` compares the name in the greeting with the people the draft is for;
`target: company` compares the companies the draft names with the employer's. Names are compared
token by token, exactly (case aside): "Li" is not "Lee", and "Dan" is not "Dana".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from followup_lint import regex_cache
from followup_lint.checks import register
from followup_lint.checks.base import Check, CheckParams, CompileEnv, FixSpec, Hit
from followup_lint.reading import lexicon

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

# Titles and the words of a nameless greeting ("Dear Hiring Manager") are nobody's name: the
# lexicon's one copy of each list.
_TITLES = (
    set(lexicon.titles())
    | set(lexicon.addressee_words())
    | {w for opener in lexicon.greeting_openers() for w in opener.split()}
)
_AFTER_TITLE = regex_cache.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.?\s+$")
_PLACEHOLDER = regex_cache.compile(r"[\[\]{}<>%]|__")
_NAME_TOKEN = regex_cache.compile(r"[A-Z][\w'’-]*")
_COMPANY = r"([A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})"
_COMPANY_CUES = (
    regex_cache.compile(
        rf"\b(?:role|position|job|opportunity|team|career|opening|interview)\s+(?:at|with)\s+{_COMPANY}"
    ),
    regex_cache.compile(
        rf"\b(?:join|joining|work\s+at|working\s+at|work\s+for|working\s+for)\s+{_COMPANY}"
    ),
    regex_cache.compile(
        rf"\b{_COMPANY}(?:'s|’s)\s+(?:team|mission|product|products|culture|customers|values|platform|growth)\b"
    ),
    # "help Umbrella grow its data team": "its" makes the name an organisation's.
    regex_cache.compile(
        rf"\bhelp(?:ing)?\s+{_COMPANY}\s+(?:grow|build|scale|expand|reach|achieve|improve|deliver|"
        r"launch|meet|modernise|modernize|streamline)\s+(?:its|their)\b"
    ),
    regex_cache.compile(
        rf"\b(?:future|career|contribute|contributing)\s+(?:at|with|to)\s+{_COMPANY}"
    ),
)
_SUFFIXES = regex_cache.compile(
    r"\b(?:inc|llc|ltd|gmbh|corp|corporation|co|company|plc|group|the)\b\.?", re.I
)
_NOT_COMPANIES = {"the", "a", "an", "your", "our", "this", "that", "my", "you", "i"}


def _person_tokens(name: str) -> list[str]:
    """Name words of a person: "Dana Li", or an address's local part ("marcus.webb")."""
    tokens = _NAME_TOKEN.findall(name)
    if tokens or "@" in name or " " in name.strip():
        return tokens
    return [w.capitalize() for w in re.split(r"[._+\-\d]+", name) if len(w) > 1]


def _role_mailbox(name: str) -> bool:
    """An address's local part that names a team's mailbox ("careers", "talent-acquisition")."""
    bare = name.strip().lower()
    return " " not in bare and re.sub(r"[._+\-\d]+", "", bare) in lexicon.role_mailboxes()


def _short_form(greeted: str, known: str) -> bool:
    """ "Alex" for "Alexandra", "Chris" for "Christopher": a prefix of four letters or more."""
    return len(greeted) >= 4 and known.startswith(greeted) and len(known) - len(greeted) >= 2


def _norm_company(name: str) -> str:
    return " ".join(_SUFFIXES.sub(" ", name.replace("’", "'").lower()).replace("'s", "").split())


class ConsistencyParams(CheckParams):
    kind: Literal["consistency"]
    target: Literal["interviewer", "company"]
    #: Words never taken for a company name after a cue ("a role at Heart of the City" aside).
    allow: list[str] = Field(default_factory=list)


@register
class Consistency(Check):
    kind = "consistency"
    Params = ConsistencyParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, ConsistencyParams)
        self.p = params
        self.allow = {_norm_company(a) for a in params.allow}

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        if self.p.target == "interviewer":
            yield from self._names(analysis, parts)
        else:
            yield from self._company(analysis, parts)

    def _names(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        ctx = analysis.context
        # A shared mailbox ("recruiting@acme.com", no display name) is nobody's name.
        people = [p for p in (*ctx.interviewers, *ctx.recipients) if not _role_mailbox(p.name)]
        known = {t.lower(): t for p in people for t in _person_tokens(p.name)}
        if not known:
            return  # nothing to compare against: the rule stays silent
        # The employer's name in "Dear Acme team," is not a person's name.
        company = {w.lower() for w in _NAME_TOKEN.findall(ctx.company or "")}
        if ctx.company_domain and "." in ctx.company_domain:
            company.add(ctx.company_domain.split(".")[-2].lower())
        # Named recipients (To/Cc with a display name that reads as a person's name).
        addressed = {
            t.lower()
            for p in ctx.recipients
            if len(_NAME_TOKEN.findall(p.name)) >= 2
            for t in _NAME_TOKEN.findall(p.name)
            if t.lower().rstrip(".") not in _TITLES | company
        }
        for part in parts:
            if _PLACEHOLDER.search(part.text):
                continue  # "Dear [Name]," is unfilled-placeholder's finding
            greeted = [
                m
                for m in _NAME_TOKEN.finditer(part.text)
                if m.group().lower().rstrip(".") not in _TITLES | company
            ]
            if (
                addressed
                and greeted
                and all(m.group().lower().rstrip(".") not in addressed for m in greeted)
                and all(m.group().lower().rstrip(".") in known for m in greeted)
            ):
                # Greets a known interviewer, but the mail goes to someone else.
                m = greeted[0]
                s, e = part.start + m.start(), part.start + m.end()
                names = " or ".join(list(dict.fromkeys(p.name for p in ctx.recipients))[:3])
                yield Hit(s, e, {"found": m.group(), "expected": names})
                continue
            for m in greeted:
                token = m.group()
                low = token.lower().rstrip(".")
                if low in known:
                    continue
                import difflib  # here: only a greeting to an unknown name needs it

                close = difflib.get_close_matches(low, list(known), n=1, cutoff=0.6)
                # Near-certain only: a near miss of a known name ("Alvares" for "Alvarez"), or a
                # surname after a title that is nobody's ("Ms. Lee" to Dana Li). A first name
                # nobody mentioned may be a nickname ("Bob" for Robert) or a colleague's, and
                # "Alex" for "Alexandra" is a short form, not a typo.
                titled = bool(_AFTER_TITLE.search(part.text[: m.start()]))
                if close and _short_form(low, close[0]):
                    continue
                if not close and not titled:
                    continue
                unique = list(dict.fromkeys(p.name for p in people))
                expected = known[close[0]] if close else " or ".join(unique[:3])
                s, e = part.start + m.start(), part.start + m.end()
                fixes = (FixSpec(s, e, expected, f"Replace with '{expected}'"),) if close else ()
                yield Hit(s, e, {"found": token, "expected": expected}, fixes)

    def _company(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        ctx = analysis.context
        expected: set[str] = set()
        if ctx.company:
            expected.add(_norm_company(ctx.company))
        if ctx.company_domain:
            stem = (
                ctx.company_domain.split(".")[-2]
                if "." in ctx.company_domain
                else ctx.company_domain
            )
            expected.add(stem.lower())
        if not expected:
            return
        people = {t.lower() for n in ctx.names() for t in n.split()}
        shown = ctx.company or ctx.company_domain or ""
        for part in parts:
            for rx in _COMPANY_CUES:
                for m in rx.finditer(part.text):
                    # A capitalised word after a full stop starts a sentence, not a name:
                    # "... at Contoso. I enjoyed" names Contoso.
                    found = re.split(r"[.!?](?=\s)", m.group(1))[0].rstrip(".,'’")
                    norm = _norm_company(found)
                    if not norm or norm in _NOT_COMPANIES or norm in self.allow:
                        continue
                    if norm in expected or norm.replace(" ", "") in expected:
                        continue
                    if any(norm.startswith(x + " ") or x.startswith(norm + " ") for x in expected):
                        continue  # "Contoso Health" for "Contoso": the same employer
                    if norm.split()[0] in people:
                        continue  # "working with Dana" is a person, not a company
                    s = part.start + m.start(1)
                    yield Hit(s, s + len(found), {"found": found, "expected": shown})
