"""The word-list entries, rules and Harper filters added with the fifteenth sample of
LanguageTool's examples: each slip in its general form fires, and the correct sentence that
looks closest stays quiet. Sentences written here, not taken from the sample."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_lint import Context, Linter
from tests.proofreading.short_draft import HEAD, TAIL
from tests.proofreading.short_draft import found as _found


@pytest.mark.parametrize(
    ("rule", "body", "found"),
    [
        ("sound-alike-phrase", "Thanks for letting me now about the delay.", "for letting me now"),
        ("sound-alike-phrase", "From know on I will send weekly updates.", "From know on"),
        ("sound-alike-phrase", "I check the portal every know and then.", "every know and then"),
        ("sound-alike-phrase", "I am free right know if you want to call.", "right know"),
        ("sound-alike-phrase", "As of know, the offer stands.", "As of know"),
        ("sound-alike-phrase", "I will hold the date for know.", "for know"),
        ("sound-alike-phrase", "If anything changes, please let us now.", "let us now"),
        ("sound-alike-phrase", "I searched in vein for the job number.", "in vein"),
        ("sound-alike-phrase", "The paper by Okafor et all covers this.", "et all"),
        ("sound-alike-phrase", "I hope this helps ally any concerns.", "ally any concerns"),
        ("sound-alike-phrase", "I would like to ally concerns about travel.", "ally concerns"),
        ("sound-alike-phrase", "I am amendable to a later start date.", "amendable to"),
        ("sound-alike-phrase", "We agreed in principal on the salary.", "in principal"),
        ("sound-alike-phrase", "Our guiding principals are simple.", "guiding principals"),
        ("sound-alike-phrase", "Of coarse, I can send the samples.", "Of coarse"),
        ("sound-alike-phrase", "The best coarse of action is to wait.", "coarse of action"),
        ("sound-alike-phrase", "I took an online coarse in statistics.", "online coarse"),
        ("sound-alike-phrase", "I studied economical growth in Asia.", "economical growth"),
        (
            "sound-alike-phrase",
            "It runs as well or better than the old tool.",
            "as well or better than",
        ),
        ("sound-alike-phrase", "For heavens sake, I forgot the file.", "For heavens sake"),
        ("sound-alike-phrase", "Let us meet for old times sake.", "for old times sake"),
        ("wrong-preposition", "Could you say me the next steps?", "say me the"),
        ("wrong-preposition", "She says me that the team is growing.", "says me that"),
        ("wrong-preposition", "I offered to help in exchange of a reference.", "in exchange of"),
        ("wrong-preposition", "The role sounds similar as a product lead.", "similar as a"),
        ("wrong-preposition", "Everyone was very kind with me during the visit.", "kind with me"),
        (
            "wrong-preposition",
            "The logo sits on the top right corner of the page.",
            "on the top right corner",
        ),
        ("wrong-preposition", "The office is on the middle of the block.", "on the middle of"),
        ("wrong-preposition", "On arrival to the office, please call me.", "arrival to the"),
        ("date-comma", "I can start on June 2 2025 at the latest.", "June 2 2025"),
        ("date-comma", "Is Tuesday March 4 still good for you?", "Tuesday March 4"),
        ("were-for-we-re", "Thanks. Were looking forward to it.", "Were"),
        ("quote-space", "“Send it today,”she said.", "”she"),
        ("weekday-date", "Can we talk on Tuesday, March 4, 2026?", "Tuesday, March 4, 2026"),
        ("weekday-date", "I am free Fri 7 March 2026.", "Fri 7 March 2026"),
        ("address-preposition", "We are based on 9 Quay Street.", "on 9 Quay Street"),
    ],
)
def test_new_entries_fire(rule: str, body: str, found: str) -> None:
    assert found in _found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        # "right know-how": a hyphen after the phrase is a compound, never "now".
        ("sound-alike-phrase", "She has the right know-how, and I know and then I act."),
        ("sound-alike-phrase", "Thanks for letting me know; for now I will wait."),
        # before-stop: "let me now explain", "ask for know-how and help".
        ("sound-alike-phrase", "Let me now explain; we ask for know-how by know-it-alls."),
        # unless-next: a vein graft, and "in a similar vein".
        ("sound-alike-phrase", "The stent sits in vein grafts; in a similar vein, we waited."),
        # unless-prev: "ally" the noun ("our key ally concerns us").
        ("sound-alike-phrase", "Our key ally concerns us less than the budget."),
        # unless-next: "amendable to include" (can be amended).
        ("sound-alike-phrase", "The contract is amendable to include a bonus."),
        # unless-next: money owed "in principal and interest".
        ("sound-alike-phrase", "We owe $900 in principal and interest; in principle it is fine."),
        # at-start: "of coarse" inside a sentence is "made of coarse wool".
        ("sound-alike-phrase", "The scarf is made of coarse wool."),
        ("sound-alike-phrase", "It is an economical car with economic growth in mind."),
        ("wrong-preposition", "Would you say me or him? Tell me the truth."),
        ("wrong-preposition", "In exchange for a reference, I helped. It is similar to a lab."),
        # unless-next: "similar as a result".
        ("wrong-preposition", "The two plans are similar as a result of the merger."),
        # unless-prev: "the same kind with them" is a kind, not kindness.
        ("wrong-preposition", "We hired the same kind with them in mind; she was kind to us."),
        # unless-prev: clicking on a point of the screen.
        ("wrong-preposition", "Click on the top right corner, or tap on the middle of the map."),
        # unless-prev: "from arrival to the ..." is a span of time.
        ("wrong-preposition", "The time from arrival to the first meeting was short."),
        ("date-comma", "I can start on June 2, 2025, or Tuesday, March 4; in May 2025 I am away."),
        # Day first takes no comma.
        ("date-comma", "I can start on Tuesday 4 March 2025 or on 2 June 2025."),
        # A question, and a subject after "Were".
        ("were-for-we-re", "Were looking forward costs covered? Were you happy to wait?"),
        ("were-for-we-re", "We were looking forward to it. We're happy to wait."),
        ("quote-space", '“Send it today,” she said; "ok"then.'),
        ("weekday-date", "Can we talk on Wednesday, March 4, 2026, or Saturday 7 March 2026?"),
        # A date that does not exist is impossible-date's.
        ("weekday-date", "Can we talk on Monday, February 30, 2026?"),
        ("weekday-date", "The Sun ran it on 4 March; sun 4 March was bright."),
        ("address-preposition", "We are based on Quay Street, at 9 Quay Street."),
        # A number that counts, not a house number, and no street word after the name.
        ("address-preposition", "The office is on 2 floors; we met on 3 Tuesdays in May."),
    ],
)
def test_close_correct_text_passes(rule: str, body: str) -> None:
    assert _found(body, rule) == []


def _weekday_hits(body: str, sent: dt.datetime) -> list[str]:
    text = HEAD + body + TAIL
    report = Linter().lint(text, context=Context(sent_at=sent))
    return [text[f.span.start : f.span.end] for f in report.findings if f.rule == "weekday-date"]


def test_weekday_without_year_reads_the_nearest_date() -> None:
    december = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone.utc)
    # January 5, 2027 is a Tuesday: read in the next year, not as January 5, 2026 (a Monday).
    assert _weekday_hits("Could we meet on Monday, January 5?", december) == ["Monday, January 5"]
    assert _weekday_hits("Could we meet on Tuesday, January 5?", december) == []
    # December 7, 2026 is a Monday.
    assert _weekday_hits("Could we meet on Monday, December 7?", december) == []


def test_harper_left_hand_and_are_there_where_pass() -> None:
    text = HEAD + "My left hand felt stiff. How many teams are there where you work?" + TAIL
    rules = {f.rule for f in Linter().lint(text).findings}
    assert "harper:LeftRightHand" not in rules
    assert "harper:ThereIsAgreement" not in rules
