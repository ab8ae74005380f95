"""What the linter knows about the interview, and where each fact came from.

Sources, later overriding earlier: the draft's headers, a TOML context file, CLI flags, the
Python API. The file format is public (docs/context.md); unknown keys are errors so that a typo
does not silently switch a rule off.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from followup_lint.model.errors import ContextError
from followup_lint.model.hidden import HiddenFalsePositive
from followup_lint.model.kinds import MessageKind
from followup_lint.reading.draft import Draft

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: The file picked up beside a draft when no --context is given.
DEFAULT_CONTEXT_FILE = "followup.toml"

# Free-mail domains say nothing about the employer.
_PERSONAL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "yandex.com",
        "mail.com",
        "fastmail.com",
        "hey.com",
        "zoho.com",
    }
)


_NUMBER = re.compile(r"\s*[+-]?\d+(?:\.\d*)?\s*")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _not_a_timestamp(value: Any) -> Any:
    """A date given as a number: 20261113 (YYYYMMDD, ISO 8601's basic form) is that date;
    any other number is refused. Pydantic alone would read a number, or a string of digits, as
    seconds since 1970 (20261113 becomes 1970-08-23), and a timing rule would then call a note
    sent today 56 years late."""
    if isinstance(value, bool):
        raise ValueError("expected a date such as 2026-11-13, not true or false")
    if isinstance(value, (int, float)) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        text = str(value).strip()
        compact = _COMPACT_DATE.fullmatch(text)
        if compact:
            year, month, day = (int(g) for g in compact.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                raise ValueError(f"{text} is not a date (read as YYYYMMDD)") from None
        raise ValueError(
            f"{text} is a number, not a date: write 2026-11-13, or 2026-11-13T14:00:00Z with a "
            "time (numbers are not read as Unix timestamps)"
        )
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    """Someone the draft concerns: an interviewer, a recipient (To/Cc) or the sender.

    Attributes:
        name: The name as it should be written ("Marcus Webb").
        title: An honorific ("Mr.", "Dr.") or their job ("Design Lead"); only an honorific
            is used in front of their surname in a suggested greeting.
        email: Their address, which also tells the employer's mail domain.
    """

    name: str = Field(min_length=1)
    title: str | None = None
    email: str | None = None


class EarlierMessage(_Strict):
    """A message already sent about this application, for the follow-up timing rules.

    Attributes:
        sent_at: When it was sent.
        kind: What kind of message it was (thank_you, status_inquiry, ...).
        replied: Whether the employer answered it.
    """

    sent_at: dt.datetime
    kind: MessageKind
    #: Did the employer answer it? Unanswered messages count towards the follow-up ceiling.
    replied: bool = False

    @field_validator("sent_at", mode="before")
    @classmethod
    def _no_timestamp(cls, v: Any) -> Any:
        return _not_a_timestamp(v)


def _aware(value: dt.datetime) -> dt.datetime:
    # Naive times are read as UTC so that comparisons never raise.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


class Context(_Strict):
    """Everything known about the interview. All fields are optional."""

    kind: MessageKind | None = None
    company: str | None = None
    position: str | None = None
    interviewed_at: dt.datetime | None = None
    sent_at: dt.datetime | None = None
    decision_expected_by: dt.date | None = None
    topics: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    interviewers: tuple[Person, ...] = ()
    #: Everyone the draft is addressed to (To and Cc), from the headers.
    recipients: tuple[Person, ...] = ()
    sender: Person | None = None
    #: The employer's mail domain, from the recipients' addresses or the interviewers' emails.
    company_domain: str | None = None
    earlier_messages: tuple[EarlierMessage, ...] = ()
    #: Instructions the employer gave about following up (M8), in their words.
    instructions: tuple[str, ...] = ()
    #: Body texts of the other notes checked in the same run to different recipients (P4:
    #: `followup-lint check notes/*.eml` fills it), compared by `near-duplicate-notes`.
    other_notes: tuple[str, ...] = ()
    #: Findings silenced for this draft only (`hidden-false-positives` in its followup.toml).
    hidden_false_positives: tuple[HiddenFalsePositive, ...] = Field(
        default=(),
        validation_alias=AliasChoices("hidden_false_positives", "hidden-false-positives"),
    )

    @field_validator("interviewed_at", "sent_at")
    @classmethod
    def _tz(cls, v: dt.datetime | None) -> dt.datetime | None:
        return _aware(v) if v is not None else None

    @field_validator("interviewed_at", "sent_at", mode="before")
    @classmethod
    def _no_timestamp(cls, v: Any) -> Any:
        return _not_a_timestamp(v)

    @field_validator("decision_expected_by", mode="before")
    @classmethod
    def _date_only(cls, v: Any) -> Any:
        v = _not_a_timestamp(v)
        return v.date() if isinstance(v, dt.datetime) else v

    def names(self) -> list[str]:
        """Every person's name known from the context (interviewers, recipients, sender)."""
        people = [*self.interviewers, *self.recipients, *([self.sender] if self.sender else [])]
        return [p.name for p in people]

    def merged(self, **updates: Any) -> Context:
        """A copy with the non-empty updates applied (validated)."""
        data = self.model_dump(exclude_none=True)
        data.update({k: v for k, v in updates.items() if v is not None and v != ()})
        return build_context(data, where="context")


def _fmt_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for item in loc:
        out += f"[{item}]" if isinstance(item, int) else (f".{item}" if out else str(item))
    return out


def build_context(data: dict[str, Any], *, where: str) -> Context:
    """Validate a mapping into a Context, with an error naming the key and what was expected."""
    try:
        return Context.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = _fmt_loc(err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise ContextError(f"{where}: key '{key}': {msg}{more}") from None


def load_context_file(path: str | Path) -> dict[str, Any]:
    """Read a TOML context file into a plain mapping (validated later, when merged)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ContextError(f"{p}: context file not found") from None
    except OSError as exc:
        raise ContextError(f"{p}: cannot read context file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContextError(f"{p}: context file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContextError(f"{p}: not valid TOML: {exc}") from None
    build_context(data, where=str(p))  # validate now so the error names this file
    return data


def from_headers(draft: Draft) -> dict[str, Any]:
    """What the draft's own headers say: recipients, the employer's domain, the send time."""
    data: dict[str, Any] = {}
    # An address with neither a display name nor a local part ("@example.com") names nobody.
    recipients = [a for a in draft.addresses("to", "cc") if a.name or a.email.partition("@")[0]]
    # The sender is never a recipient: git send-email and some clients Cc the sender's own
    # address, and "Dear Marcus" must not be read as a note meant for the sender.
    own = {a.email.lower() for a in draft.addresses("from", "sender") if a.email}
    recipients = [a for a in recipients if not a.email or a.email.lower() not in own]
    if recipients:
        data["recipients"] = [
            {"name": a.name or a.email.partition("@")[0], "email": a.email or None}
            for a in recipients
        ]
        named = [{"name": a.name, "email": a.email or None} for a in recipients if a.name]
        if named:
            data["interviewers"] = named
        domains = [a.domain for a in recipients if a.domain and a.domain not in _PERSONAL_DOMAINS]
        if domains:
            data["company_domain"] = domains[0]
    senders = draft.addresses("from")
    if senders and senders[0].name:
        data["sender"] = {"name": senders[0].name, "email": senders[0].email or None}
    date = draft.headers.get("date")
    if date:
        from email.utils import parsedate_to_datetime

        # An unparsable Date header is not worth failing the run for.
        with contextlib.suppress(TypeError, ValueError):
            data["sent_at"] = parsedate_to_datetime(date)
    return data


def resolve_context(
    draft: Draft,
    *,
    file_data: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
    given: Context | None = None,
    where: str = "context",
) -> Context:
    """Merge the sources, later overriding earlier: headers < file < flags < API."""
    data = from_headers(draft)
    for layer in (file_data or {}, overrides or {}):
        data.update({k: v for k, v in layer.items() if v is not None and v != [] and v != ()})
    if given is not None:
        data.update(given.model_dump(exclude_defaults=True))
    if "company_domain" not in data:
        for person in data.get("interviewers", ()):
            email = (
                person.get("email") if isinstance(person, dict) else getattr(person, "email", None)
            )
            if email and "@" in email:
                domain = email.rpartition("@")[2].lower()
                if domain not in _PERSONAL_DOMAINS:
                    data["company_domain"] = domain
                    break
    return build_context(data, where=where)


def find_context_file(draft_path: str | None) -> Path | None:
    """`followup.toml` beside the draft, if there is one."""
    if not draft_path:
        return None
    candidate = Path(draft_path).resolve().parent / DEFAULT_CONTEXT_FILE
    return candidate if candidate.is_file() else None
