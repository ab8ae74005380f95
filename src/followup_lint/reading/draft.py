"""A draft split into the parts people write: subject, greeting, body, closing, signature.

Parsing happens once per draft. Every part is a span into the text that findings point into
(the file itself, or the decoded body of an encoded .eml), so a finding lands on the line and
column the user sees. Quoted and forwarded text is kept as parts of its own that no rule checks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from email.utils import getaddresses

#: Headers recognised at the top of a plain-text or Markdown draft.
TEXT_HEADERS = frozenset({"subject", "to", "cc", "bcc", "from", "date", "reply-to"})

_HEADER_RE = re.compile(r"([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]?(.*)")
_EML_HEADER_RE = re.compile(r"([!-9;-~]+)[ \t]*:[ \t]?(.*)")

_GREETING_WORDS = (
    r"dear|hi|hello|hey|heya|hiya|howdy|yo|sup|greetings|good\s+(?:morning|afternoon|evening|day)"
)
_GREETING_RE = re.compile(
    rf"^\s*(?:(?:{_GREETING_WORDS})\b|to\s+whom\s+it\s+may\s+concern\b)", re.I
)
# "Ms. Lee," or "Dana," alone on the first line also opens a letter.
# Words are separated by required whitespace: "(?:[A-Z][\w.'’-]*\s*){1,4}" let the engine split
# one long word ("AaAaAa...") into four in O(n**3) ways before failing (catastrophic backtracking).
_BARE_NAME_GREETING_RE = re.compile(r"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*$")

_CLOSING_PHRASES = (
    r"best(?:\s+regards|\s+wishes)?|kind(?:est)?\s+regards|warm(?:est)?\s+regards|regards|"
    r"warm(?:ly|est)|sincerely(?:\s+yours)?|yours(?:\s+sincerely|\s+truly|\s+faithfully)?|"
    r"respectfully(?:\s+yours)?|with\s+(?:many\s+thanks|(?:sincere\s+|warm\s+)?gratitude|"
    r"appreciation|thanks|best\s+wishes|kind\s+regards)|"
    r"(?:many\s+|thanks?\s+)?thanks(?:\s+again|\s+so\s+much|\s+a\s+lot)?|thank\s+you(?:\s+again|"
    r"\s+so\s+much|\s+very\s+much)?|"
    # A closing sentence used as the sign-off: "Thank you for your consideration," + name.
    r"(?:thank\s+you|thanks)(?:\s+(?:again|so\s+much))?\s+for\s+your\s+(?:time|consideration|"
    r"help|time\s+and\s+consideration)|"
    r"gratefully|appreciatively|cheers|all\s+the\s+best|take\s+care|"
    r"talk\s+soon|speak\s+soon|thx|ty|ttyl|later|laters|xoxo|xo|love|peace|cordially"
)
_CLOSING_RE = re.compile(rf"^\s*(?:{_CLOSING_PHRASES})\s*[,.!—-]*\s*$", re.I)
# "Best, Jordan" on one line: closing and signature together.
_CLOSING_INLINE_RE = re.compile(
    rf"^(\s*(?:{_CLOSING_PHRASES})\s*,)[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}})\s*$",
    re.I,
)
_THANKS_RE = re.compile(r"^\s*(?:many\s+|thanks?\s+)?thank", re.I)
_QUOTE_START_RES = (
    re.compile(r"^\s*On\b.{0,300}\bwrote:\s*$"),
    re.compile(r"^\s*-{2,}\s*(?:Forwarded message|Original Message)\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*Begin forwarded message:\s*$", re.I),
    re.compile(r"^\s*_{10,}\s*$"),  # Outlook's rule above a quoted reply
)
_SIG_DELIMITER_RE = re.compile(r"^-- ?$")
# A line that looks like a person's name: two to four capitalised words.
_NAME_LINE_RE = re.compile(r"^\s*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w.'’-]*){0,3}\s*$")


@dataclass(frozen=True, slots=True)
class Part:
    """A named region of the draft: `text == draft.text[start:end]`."""

    name: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower() if "@" in self.email else ""


@dataclass(slots=True)
class Draft:
    """A parsed draft. Build one with `followup_lint.reading.sources.read_draft` or `parse_text`."""

    text: str
    path: str | None = None
    format: str = "text"  # "text" | "markdown" | "eml"
    basis: str = "source"  # see Finding.basis
    headers: dict[str, str] = field(default_factory=dict)  # lower-case name -> unfolded value
    header_parts: dict[str, Part] = field(default_factory=dict)  # lower-case name -> value span
    subject: Part | None = None
    greeting: Part | None = None
    paragraphs: list[Part] = field(default_factory=list)
    closing: Part | None = None
    signature: Part | None = None
    quoted: list[Part] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    def addresses(self, *names: str) -> list[Address]:
        """Parsed addresses of the named headers (e.g. "to", "cc")."""
        values = [self.headers[n] for n in names if n in self.headers]
        return [Address(n.strip(), e.strip()) for n, e in getaddresses(values) if n or e]

    @property
    def body_text(self) -> str:
        """The sender's own body paragraphs joined by blank lines (no quoted text)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def parts(self, scope: str) -> list[Part]:
        """The parts a rule with this scope looks at."""
        if scope == "subject":
            return [self.subject] if self.subject else []
        if scope == "greeting":
            return [self.greeting] if self.greeting else []
        if scope == "body":
            return list(self.paragraphs)
        if scope == "closing":
            return [self.closing] if self.closing else []
        if scope == "signature":
            return [self.signature] if self.signature else []
        if scope == "message":  # everything the sender wrote below the headers
            own = [self.greeting, *self.paragraphs, self.closing, self.signature]
            return [p for p in own if p is not None]
        if scope == "whole":
            own = [self.subject, self.greeting, *self.paragraphs, self.closing, self.signature]
            return [p for p in own if p is not None]
        raise ValueError(f"unknown scope {scope!r}")

    def part_at(self, offset: int) -> str:
        """The name of the part that holds this offset ("headers" or "body" as a fallback)."""
        for p in (self.subject, self.greeting, self.closing, self.signature):
            if p is not None and p.start <= offset < max(p.end, p.start + 1):
                return p.name
        # Paragraphs and quoted parts are in text order and do not overlap: a binary search keeps
        # this O(log n) per finding (a linear scan made a draft of 10,000 paragraphs quadratic).
        for parts, name in ((self.paragraphs, "body"), (self.quoted, "quoted")):
            i = bisect.bisect_right(parts, offset, key=_part_start) - 1
            if i >= 0 and offset <= parts[i].end:
                return name
        return "body"


def _part_start(part: Part) -> int:
    return part.start


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line in text[start:end], terminators excluded."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i
        while j < end and text[j] not in "\r\n":
            j += 1
        out.append((i, j))
        if j < end and text[j] == "\r" and j + 1 < end and text[j + 1] == "\n":
            j += 1
        i = j + 1
    if start == end or (end > start and text[end - 1] in "\r\n"):
        out.append((end, end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _part(text: str, name: str, start: int, end: int) -> Part:
    start, end = _strip(text, start, end)
    return Part(name, start, end, text[start:end])


def _parse_headers(
    text: str, lines: list[tuple[int, int]], eml: bool
) -> tuple[dict[str, str], dict[str, Part], int]:
    """Read a header block at the top; return the headers and the index of the first body line."""
    headers: dict[str, str] = {}
    parts: dict[str, Part] = {}
    pattern = _EML_HEADER_RE if eml else _HEADER_RE
    i = 0
    current: str | None = None
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if not line.strip():
            return headers, parts, i + 1  # the blank line ends the block
        if current is not None and line[:1] in (" ", "\t"):
            # A folded header continues on this line.
            headers[current] = f"{headers[current]} {line.strip()}".strip()
            old = parts[current]
            parts[current] = _part(text, current, old.start, e)
            i += 1
            continue
        m = pattern.fullmatch(line)
        if not m or (not eml and m.group(1).lower() not in TEXT_HEADERS):
            break
        name = m.group(1).lower()
        value_start = s + m.start(2)
        headers[name] = m.group(2).strip()
        parts[name] = _part(text, name, value_start, e)
        current = name
        i += 1
    return headers, parts, i


def parse_text(
    text: str,
    *,
    path: str | None = None,
    format: str = "text",
    basis: str = "source",
    attachments: list[Attachment] | None = None,
    eml_headers: bool = False,
) -> Draft:
    """Split a draft's text into parts. Never raises on odd input: the worst case is all body."""
    draft = Draft(text=text, path=path, format=format, basis=basis)
    draft.attachments = list(attachments or [])
    lines = _lines(text, 0, len(text))
    first = 0
    if lines and (eml_headers or _HEADER_RE.fullmatch(text[lines[0][0] : lines[0][1]])):
        headers, hparts, first = _parse_headers(text, lines, eml_headers)
        if headers:
            draft.headers, draft.header_parts = headers, hparts
            subject = hparts.get("subject")
            draft.subject = (
                Part("subject", subject.start, subject.end, subject.text) if subject else None
            )
        else:
            first = 0

    own: list[tuple[int, int]] = []  # the sender's lines, quoted text removed
    quoted_from: int | None = None
    for idx in range(first, len(lines)):
        s, e = lines[idx]
        line = text[s:e]
        if any(r.match(line) for r in _QUOTE_START_RES):
            quoted_from = idx
            break
        if line.lstrip().startswith(">"):
            draft.quoted.append(Part("quoted", s, e, line))
            own.append((s, s))  # keep paragraph breaks where a quote stood
            continue
        own.append((s, e))
    if quoted_from is not None:
        qs = lines[quoted_from][0]
        draft.quoted.append(_part(text, "quoted", qs, len(text)))

    nonblank = [i for i, (s, e) in enumerate(own) if text[s:e].strip()]
    if not nonblank:
        return draft
    body_first = nonblank[0]
    body_last = nonblank[-1]

    # Greeting: the first line, or its first clause when the body starts on the same line.
    gs, ge = own[body_first]
    gline = text[gs:ge]
    if _GREETING_RE.match(gline) or _BARE_NAME_GREETING_RE.match(gline):
        comma = re.search(r"[,:!—]|\s-\s", gline)
        rest = gline[comma.end() :] if comma else ""
        if comma and rest.strip() and len(gline[: comma.start()].split()) <= 6:
            draft.greeting = _part(text, "greeting", gs, gs + comma.end())
            own[body_first] = (gs + comma.end(), ge)
        elif len(gline.split()) <= 8:
            draft.greeting = _part(text, "greeting", gs, ge)
            body_first += 1

    # Closing and signature, searched from the end among the last lines.
    end_idx = body_last + 1
    first_body_line = next((i for i in nonblank if i >= body_first), end_idx)
    candidates = [i for i in nonblank if i >= body_first][-12:]
    for i in reversed(candidates):
        s, e = own[i]
        line = text[s:e]
        if _SIG_DELIMITER_RE.match(line):
            sig_end = own[body_last][1]
            if i + 1 <= body_last:
                draft.signature = _part(text, "signature", own[i + 1][0], sig_end)
            end_idx = i
            break
    for i in reversed([c for c in candidates if c < end_idx]):
        s, e = own[i]
        line = text[s:e]
        inline = _CLOSING_INLINE_RE.match(line)
        if (_CLOSING_RE.match(line) or inline) and not (
            # "Thank you." alone as the first line is the body, not a sign-off.
            i == first_body_line and _THANKS_RE.match(line)
        ):
            if inline:
                draft.closing = _part(text, "closing", s, s + inline.end(1))
                sig_start, sig_end = s + inline.start(2), own[end_idx - 1][1]
            else:
                draft.closing = _part(text, "closing", s, e)
                sig_start = own[i + 1][0] if i + 1 < end_idx else e
                sig_end = own[end_idx - 1][1] if i + 1 < end_idx else e
            if draft.signature is None and sig_end > sig_start:
                draft.signature = _part(text, "signature", sig_start, sig_end)
            elif draft.signature is not None and sig_end > sig_start:
                draft.signature = _part(text, "signature", sig_start, draft.signature.end)
            end_idx = i
            break
    else:
        if draft.signature is None:
            # No sign-off: a short trailing block that starts with a name line is a signature.
            block: list[int] = []
            for i in range(end_idx - 1, body_first - 1, -1):
                s, e = own[i]
                if not text[s:e].strip():
                    break
                block.insert(0, i)
            if block and len(block) <= 5 and block[0] != body_first:
                s0, e0 = own[block[0]]
                if _NAME_LINE_RE.match(text[s0:e0]):
                    draft.signature = _part(text, "signature", s0, own[block[-1]][1])
                    end_idx = block[0]

    # Body paragraphs: runs of non-blank lines between greeting and closing.
    para: list[tuple[int, int]] = []
    for i in range(body_first, end_idx):
        s, e = own[i]
        if text[s:e].strip():
            para.append((s, e))
        elif para:
            draft.paragraphs.append(_part(text, "body", para[0][0], para[-1][1]))
            para = []
    if para:
        draft.paragraphs.append(_part(text, "body", para[0][0], para[-1][1]))
    draft.paragraphs = [p for p in draft.paragraphs if p.text]
    return draft
