"""`timing`: the draft's send time against the dates in the context (T1–T5).

Only dates the user gave are compared: the interview (`interviewed_at`), the employer's stated
decision date (`decision_expected_by`) and the earlier messages (`earlier_messages`). The send
time is `sent_at` (the context, else the draft's Date header, else now). Without the dates a
measure needs, the check stays silent rather than guessing. Every hit carries the dates it
compared, so the message can show them.

Measures:
- `since_interview`: hours from the interview to sending; fires when more than `after_hours`
  (and, with `until_hours`, not more than that: two rules can grade the delay).
- `since_previous`: days since the latest earlier message (or the interview when there is none);
  fires when fewer than `within_days`.
- `unanswered`: this message plus the unanswered ones before it (since the last reply); fires
  when more than `max_messages`.
- `before_decision`: fires when the send date is on or before the employer's decision date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from followup_lint.checks import register
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part


class TimingParams(CheckParams):
    kind: Literal["timing"]
    measure: Literal["since_interview", "since_previous", "unanswered", "before_decision"]
    after_hours: float | None = Field(default=None, ge=0)
    until_hours: float | None = Field(default=None, ge=0)
    within_days: float | None = Field(default=None, gt=0)
    max_messages: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _needs(self) -> TimingParams:
        needed = {
            "since_interview": ("after_hours", self.after_hours),
            "since_previous": ("within_days", self.within_days),
            "unanswered": ("max_messages", self.max_messages),
        }.get(self.measure)
        if needed is not None and needed[1] is None:
            raise ValueError(f"measure {self.measure!r} needs '{needed[0]}'")
        return self


def fmt_when(value: dt.datetime | dt.date) -> str:
    """A date (and time, when there is one) as the user wrote it, in ISO form."""
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.utcoffset()
        if offset is not None:
            text += " UTC" if not offset else value.strftime(" %z")
        return text
    return value.isoformat()


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def send_time(analysis: Analysis) -> tuple[dt.datetime, str]:
    """When the draft goes out, and where that came from ("context or Date header" / "now")."""
    sent = analysis.context.sent_at
    if sent is not None:
        return sent, fmt_when(sent)
    now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
    return now, f"now ({fmt_when(now)})"


def _anchor(analysis: Analysis, parts: list[Part]) -> tuple[int, int]:
    """Point at the Date header when there is one, else the subject, else the first part."""
    draft = analysis.draft
    date = draft.header_parts.get("date")
    if date is not None:
        return date.start, date.end
    if draft.subject is not None:
        return draft.subject.start, draft.subject.end
    own = parts or draft.parts("whole")
    return (own[0].start, own[0].end) if own else (0, 0)


@register
class Timing(Check):
    kind = "timing"
    Params = TimingParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, TimingParams)
        self.p = params

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        values = getattr(self, f"_{self.p.measure}")(analysis)
        if values is not None:
            s, e = _anchor(analysis, parts)
            yield Hit(s, e, values)

    def _since_interview(self, analysis: Analysis) -> dict[str, Any] | None:
        interviewed = analysis.context.interviewed_at
        if interviewed is None:
            return None
        sent, sent_text = send_time(analysis)
        hours = (sent - interviewed).total_seconds() / 3600
        assert self.p.after_hours is not None
        if hours <= self.p.after_hours:
            return None
        if self.p.until_hours is not None and hours > self.p.until_hours:
            return None
        return {
            "interviewed": fmt_when(interviewed),
            "sent": sent_text,
            "hours": _num(round(hours)),
            "days": _num(round(hours / 24, 1)),
        }

    def _since_previous(self, analysis: Analysis) -> dict[str, Any] | None:
        ctx = analysis.context
        sent, sent_text = send_time(analysis)
        earlier = [m.sent_at for m in ctx.earlier_messages if _aware(m.sent_at) < sent]
        if earlier:
            previous, what = max(_aware(t) for t in earlier), "your previous message"
        elif ctx.interviewed_at is not None and ctx.interviewed_at < sent:
            previous, what = ctx.interviewed_at, "the interview"
        else:
            return None
        days = (sent - previous).total_seconds() / 86400
        assert self.p.within_days is not None
        if days >= self.p.within_days:
            return None
        return {
            "previous": fmt_when(previous),
            "previous_what": what,
            "sent": sent_text,
            "days": _num(round(days, 1)),
        }

    def _unanswered(self, analysis: Analysis) -> dict[str, Any] | None:
        sent, sent_text = send_time(analysis)
        before = sorted(
            (m for m in analysis.context.earlier_messages if _aware(m.sent_at) < sent),
            key=lambda m: _aware(m.sent_at),
        )
        unanswered: list[dt.datetime] = []
        for m in before:
            if m.replied:
                unanswered = []  # a reply resets the count: the conversation is alive
            else:
                unanswered.append(_aware(m.sent_at))
        total = len(unanswered) + 1
        assert self.p.max_messages is not None
        if total <= self.p.max_messages:
            return None
        return {
            "count": total,
            "earlier": ", ".join(fmt_when(t) for t in unanswered),
            "sent": sent_text,
        }

    def _before_decision(self, analysis: Analysis) -> dict[str, Any] | None:
        decision = analysis.context.decision_expected_by
        if decision is None:
            return None
        sent, sent_text = send_time(analysis)
        if sent.date() > decision:
            return None
        return {
            "decision": decision.isoformat(),
            "sent": sent_text,
            "days": (decision - sent.date()).days,
        }


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
