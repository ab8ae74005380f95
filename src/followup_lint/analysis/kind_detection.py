"""Guessing the message kind from the subject and body when nobody said what it is.

A scored vote: each kind has cue patterns with weights, written to cover the many ways people
phrase the same purpose ("I must respectfully decline", "I have accepted another position",
"I will have to pass"). The subject counts double; quoted text (the employer's message being
answered) counts half, because a reply to a rejection or an offer usually quotes it. A few
cues veto a neighbouring kind: a draft that declines an offer also talks about "the offer", and
without the veto the offer reply would win on volume.

The context or --kind always wins over this guess; the report says which it was. Accuracy is
measured in tests/test_detect.py on the corpus and the lead's examples/.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup_lint import regex_cache
from followup_lint.analysis.textpatterns import LazyRegex, Prefiltered, WordIndex, loose
from followup_lint.reading.draft import Draft

_Cue = tuple[str, float]

_CUES: dict[str, tuple[_Cue, ...]] = {
    "thank_you": (
        (
            r"thank(?:s| you)(?: (?:all|both|everyone))?(?: (?:so|very) much| again)? for (?:taking "
            r"the time|(?:making|finding|giving me) (?:the )?time|giving me|(?:the|your) time|"
            r"(?:yesterday|today|this (?:morning|afternoon)|\w+day)['’]s (?:\w+ )?(?:interview|"
            r"panel|meeting|conversation|call|chat|visit|session|tour)|meeting|speaking|talking|"
            r"chatting|interviewing|having me|inviting me|the (?:interview|(?:\w+ )?(?:opportunity|"
            r"chance) to (?:interview|meet|speak|talk)|conversation|chat|tour|call|trial|visit)|"
            r"(?:our|the) (?:conversation|discussion|meeting))",
            3.0,
        ),
        (
            r"(?:enjoyed|appreciated|valued) (?:our|the|meeting|speaking|talking|learning|hearing|"
            r"the chance)",
            1.5,
        ),
        (r"(?:great|lovely|a pleasure|nice|wonderful) (?:to (?:meet|speak|talk)|meeting)", 1.5),
        (
            r"(?:was|been) a (?:real )?pleasure (?:talking|speaking|meeting|to meet|to speak)|"
            r"(?:meeting|talking with|speaking with) you was a (?:real )?pleasure|"
            r"(?:appreciate|appreciated) (?:the|your|this) (?:chance|opportunity|time)|"
            r"(?:time|chance) to interview me|interview(?:ing)? me (?:on|yesterday|today|last)",
            1.5,
        ),
        (r"(?:yesterday|this morning|this afternoon|today|earlier today)", 0.6),
        (r"thank(?:s| you)", 0.5),
        (r"interview(?:ing)? (?:with|for)|(?:my|our|the) interview", 0.5),
    ),
    "status_inquiry": (
        (
            r"any (?:movement|progress|developments?|news)|(?:expects?|plans?|hopes?) to (?:make|"
            r"reach) (?:a|its|their|your|the) (?:choice|decision)|since we (?:spoke|met|talked) "
            r"(?:\w+ )?(?:days|weeks?) ago",
            2.0,
        ),
        (
            r"(?:any )?updates? (?:on|about|regarding)|status of|where (?:things|the process|"
            r"matters|my application) stands?|(?:the )?timeline|time ?frame|next steps",
            1.5,
        ),
        (
            r"following up|follow(?:ing)?[- ]up (?:on|about|regarding)|checking in|touch(?:ing)? base",
            1.5,
        ),
        (
            r"(?:have not|haven't|not yet|yet to|did not|didn't) (?:hear|heard)(?: back)?|"
            r"heard back|any news",
            2.0,
        ),
        (
            r"how (?:my|the) application is (?:progressing|going)|(?:what )?stage (?:the|my) "
            r"(?:hiring process|application|candidacy)|when (?:i|we) (?:might|may|can|could|should|"
            r"will) (?:expect to )?hear|(?:a|any) decision (?:has been|was) made",
            2.0,
        ),
        (r"(?:still|remain) (?:very )?(?:much )?(?:keen|interested|eager)", 1.2),
        (
            r"(?:days|weeks?) (?:have|has) (?:now )?passed|any (?:word|news) (?:on|about|regarding)|"
            r"(?:wondered|wondering|wonder) (?:whether|if) there (?:was|is|has been|were) any",
            2.0,
        ),
        (r"hiring (?:decision|process)|(?:a|the) decision", 0.8),
        (
            r"(?:it has|it's) been (?:a|about|over|almost|more than|nearly)? ?(?:a |one |two |three )?"
            r"(?:week|weeks|days)",
            1.5,
        ),
        (r"since (?:my|our) (?:interview|conversation|meeting)", 1.2),
    ),
    "final_follow_up": (
        # "my last email" is the one before; "this is my last note" is the last one.
        (
            r"(?<!my\s)(?<!your\s)(?<!the\s)(?:one )?last (?:time|follow[- ]up|note|"
            r"check(?:[- ]in)?|message|email|attempt)|(?:one )?final (?:time|follow[- ]up|note|"
            r"check(?:[- ]in)?|message|email|attempt)|this (?:is|will be) my (?:last|final)|"
            r"(?:this|it) as my (?:last|final)",
            3.5,
        ),
        # Earlier attempts counted: a last note says it has asked before.
        (
            r"(?:followed up|reached out|written|emailed|checked in) (?:a (?:couple|few) (?:of )?"
            r"times|twice|several times|more than once)",
            1.5,
        ),
        (r"(?:writing|reaching out|following up) (?:one )?(?:last|final)(?:ly)?(?: time)?", 3.5),
        (
            r"(?:moved|moving|gone|go) (?:forward|ahead) with (?:another|other|a different)|"
            r"close the loop|won'?t (?:reach out|follow up|write) again|plan accordingly|"
            r"(?:will|shall) assume",
            2.5,
        ),
        (r"still (?:very )?interested", 0.5),
    ),
    "offer_reply": (
        (r"(?:job |your |the |this |formal |written )?offer(?: letter)?", 1.2),
        (
            r"salary|compensation|start(?:ing)? date|base pay|equity|relocation|benefits|"
            r"signing bonus|contract|notice period|on-?call|pto|vacation days",
            1.2,
        ),
        (r"(?:excited|thrilled|delighted|happy|pleased) to (?:accept|receive|join)", 3.0),
        (r"accept(?:ing)? (?:the|your|this) (?:offer|position)|formally accept", 3.0),
        (r"would you consider|is there (?:any )?(?:room|flexibility)|(?:counter|negotiat)", 1.5),
    ),
    "decline_offer": (
        (
            r"turn(?:ing)? (?:it|this|the offer|your offer|the position|the role) down|"
            r"(?:won't|will not|shall not) be (?:joining|accepting)",
            5.0,
        ),
        (
            r"(?:not|n't) (?:going to|gonna) (?:take|accept)|(?:got|have|received) (?:a|another) "
            r"(?:better|higher|different) offer|better offer",
            5.0,
        ),
        (
            r"(?:must|have to|will have to|need to|am writing to|regret(?:fully)?(?: to)?|"
            r"respectfully|decided to|going to|will) (?:respectfully )?(?:decline|turn down|pass "
            r"on)|declin(?:e|ing) (?:the|your|this) (?:offer|position)",
            6.0,
        ),
        (
            r"(?:decided|chosen|choose) (?:not to accept|against|to stay|to remain|to accept "
            r"(?:a|an|another) (?:post|position|role|job|offer))",
            6.0,
        ),
        (
            r"not (?:be )?(?:able to )?(?:accept|join)|unable to accept|cannot accept|(?:have|need|"
            r"had|must|will have|'ll have) to say no|say no to (?:the|this|your) (?:offer|role|"
            r"position|job)",
            5.0,
        ),
        (
            r"(?:won't|will not) be (?:taking|accepting) (?:it|this|the offer|your offer)(?: up)?|"
            r"(?:isn't|is not|wasn't|was not) the right (?:move|fit|step|time|choice) for me",
            5.0,
        ),
        (
            r"(?:accepted|accepting|accept) (?:another|a different|an? other|a) (?:offer|position|"
            r"role|job|post)|(?:accepted|taken) a (?:role|post|position) (?:at|with)",
            4.0,
        ),
        (
            r"difficult decision|hard decision|not an easy decision|after (?:a lot of|much|careful) "
            r"(?:thought|consideration)",
            1.5,
        ),
        (r"paths (?:will )?cross|wish (?:you|the team) (?:every|all the|continued)", 1.0),
    ),
    "rejection_reply": (
        # The first five cues state the outcome (see _HYPOTHETICAL below); keep them first.
        (
            r"(?:not|n't) (?:to be|be) joining|letting me know|informing me|the outcome|"
            r"(?:went|gone|going) with (?:a|another|the other) candidate|(?:chose|selected|hired) "
            r"(?:another|a different|someone)",
            2.5,
        ),
        (
            r"(?:the )?wrong (?:choice|decision|candidate|call)",
            2.5,
        ),
        (
            r"(?:not|n't) (?:been )?(?:selected|chosen|successful|moving forward)|unsuccessful|"
            r"decided to (?:go|move forward|proceed|continue) with (?:another|other|a different)|"
            r"(?:another|other|a different) candidate|filled the (?:role|position)|"
            r"(?:your|the) (?:decision|news)|(?:not|n't) (?:hiring|choosing|selecting|picking|"
            r"interviewing|to hire|to interview) me",
            3.0,
        ),
        (
            r"(?:thank(?:s| you)|grateful) for (?:letting me know|informing me|the update|telling me|"
            r"getting back to me|your (?:reply|response|email|message|note|letter))",
            2.5,
        ),
        (
            r"(?:your|the|a|this) (?:rejection|refusal)|rejection (?:letters?|emails?|notices?)|"
            r"(?:turned|turning) (?:me )?down (?:a|an|me)|form letters?|(?:preferred|picked|chose|"
            r"hired|selected|went with) (?:somebody|someone|another|a different) ?(?:else|one|"
            r"candidate|applicant)?|(?:other|another) candidates?|(?:wasted|waste) (?:my|of my) time",
            3.0,
        ),
        (
            r"(?:opens?|opened|becomes? available|comes? up|come up) again|re-?opens?|"
            r"(?:position|role|job) (?:I|that I) interviewed for",
            1.5,
        ),
        # Insults and hurt: a hostile reply is nearly always an answer to a rejection.
        (r"idiots?|insulted|insulting|distasteful|letdown|let down|upsets? me|unfair", 1.5),
        (r"disappointed|disappointing|understand (?:the|your) decision", 2.5),
        (
            r"future (?:openings|opportunities|roles|positions|vacancies)|keep me in mind|"
            r"(?:re-?apply|apply again)",
            1.5,
        ),
        (r"feedback", 1.0),
    ),
    "networking": (
        (
            r"(?:this|a|an) (?:piece|post|blog post|video|episode|book) (?:on|about)|reminded me "
            r"of|pass (?:it|this) (?:along|on)|(?:re-?connect|reconnect)",
            2.0,
        ),
        (r"long time no (?:see|talk|speak)|(?:are you|you guys|u guys) hiring", 2.5),
        (
            r"(?:meeting|met|meet) you at|at (?:the|last (?:week|night)'s|this) (?:\w+ )?(?:event|"
            r"conference|meetup|fair|summit|workshop|mixer|webinar|seminar)|pick up where we left "
            r"off|(?:spare|have) (?:\d+|a few|twenty|thirty|fifteen) minutes|informational "
            r"(?:interview|chat|call|meeting)|(?:your|the) (?:time and )?(?:career )?advice|"
            r"advice (?:you|they) gave|return the favou?r",
            2.5,
        ),
        (r"congratulations|congrats", 2.5),
        (
            r"(?:thought|think) (?:of you|you (?:might|would|'d|may) (?:find|enjoy|like|be "
            r"interested))|came across|(?:an|this|the) article|(?:a|this) (?:study|paper|report|"
            r"podcast|talk) (?:on|about)",
            2.0,
        ),
        (
            r"(?:keep|stay|staying|keeping) in touch|connect(?:ed)? on linkedin|touch base|catch up|"
            r"coffee|grab (?:a )?lunch",
            2.0,
        ),
        (
            r"it'?s been a (?:while|long time)|(?:months|a year|last (?:spring|summer|autumn|fall|"
            r"winter|year)) ago|since we (?:last )?(?:met|spoke)|(?:last|this past) (?:spring|summer|"
            r"autumn|fall|winter|year)",
            1.5,
        ),
        (r"hope you(?:'re| are) (?:well|doing well)|hope (?:all is|this finds you) well", 0.5),
        (r"promot(?:ed|ion)|new role|launch|anniversary|award", 1.0),
    ),
}


def _source(pattern: str) -> str:
    # Literal spaces match any whitespace run: drafts are often hard-wrapped.
    return r"\b(?:" + loose(pattern) + r")\b"


def _compile(pattern: str) -> Prefiltered:
    # The prefilter skips a cue whose opening words are nowhere in the text.
    return Prefiltered(regex_cache.compile(_source(pattern), re.I))


@lru_cache(maxsize=1)
def _tables() -> tuple[list[tuple[str, float]], WordIndex, WordIndex]:
    """(kind, weight) per cue, the cues' word index, and the index of the cues that state a
    rejection's outcome alone (`_REJECTION_CUES`), compiled on first use: a run whose context
    gives the kind (a CLI run with a followup.toml) never compiles them."""
    flat = [(kind, w) for kind, cues in _CUES.items() for _, w in cues]
    # Each cue compiles the first time a draft has a word it may start at (the flags are what
    # re.compile reports for `_compile`'s pattern: the openings are cached under them).
    lazy = [LazyRegex(_source(p), re.I | re.UNICODE) for cues in _CUES.values() for p, _ in cues]
    # The same pattern objects: a cue compiled for one index is compiled for the other.
    return flat, WordIndex(lazy), WordIndex([lazy[i] for i in _REJECTION_CUES])


def __getattr__(name: str) -> object:
    # The compiled tables under their former module-level names (tests read them).
    if name == "_COMPILED":
        return {kind: tuple((_compile(p), w) for p, w in cues) for kind, cues in _CUES.items()}
    if name == "_FLAT":
        return _tables()[0]
    if name == "_INDEX":
        return _tables()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Cues that rule a neighbouring kind out: (kind vetoed, the kind whose cue vetoes it, min score).
_VETOES = (
    ("offer_reply", "decline_offer", 5.0),  # declining an offer mentions "the offer" too
    ("thank_you", "decline_offer", 5.0),
    ("thank_you", "rejection_reply", 3.0),  # "thank you for letting me know"
    ("status_inquiry", "final_follow_up", 3.5),
    ("status_inquiry", "rejection_reply", 5.0),
    # A last follow-up allows that the job may be gone ("should you have chosen another candidate").
    ("rejection_reply", "final_follow_up", 3.5),
    # "I cannot accept your refusal": a reply to a rejection that borrows a decline's words.
    ("decline_offer", "rejection_reply", 8.0),
    # Advice from an informational interview is networking, though it thanks like a note.
    ("thank_you", "networking", 5.0),
)


# Messages of none of the seven kinds: withdrawing an application, apologising for a missed
# interview, thanking a referee. When these win, the draft gets no kind (and the rules for
# every kind still run on it).
_OTHER = tuple(
    _compile(p)
    for p in (
        r"withdraw(?:ing)? (?:my|me) (?:application|candidacy|name)|withdraw(?:ing)? from (?:the )?"
        r"(?:consideration|process|search|running)|(?:remove|take) (?:me|my name) from "
        r"(?:consideration|the process)",
        r"(?:missed|missing|miss) (?:the|our|my) (?:interview|meeting|call|appointment)|"
        r"(?:apologi[sz]e|sorry) for (?:missing|not (?:attending|showing up|making it))",
        r"(?:for|about) (?:being|agreeing to be|acting as|serving as) (?:a|my) (?:reference|referee)|"
        r"(?:the|your) (?:reference|recommendation) (?:you (?:gave|wrote|provided))",
    )
)
_OTHER_WEIGHT = 4.0

# A conditional clause only imagines an outcome: "should you have picked another candidate, I
# understand" is a last follow-up that allows for a rejection, not a reply to one. A reply to a
# rejection states it ("you chose another candidate"), so the cues that state the outcome (the
# first five of rejection_reply's) are not counted inside such a clause, from the conditional
# word up to the next comma or sentence end. The forward-looking cues ("if the role opens
# again") are conditional by nature and still count.
_HYPOTHETICAL = regex_cache.compile(
    r"\b(?:even if|if|should|in case|in the event(?: that)?|unless|whether)\s+(?:you(?:'ve)?|the|"
    r"your|it|they|a|an|someone|somebody|another)\b[^,.;:!?\n]*",
    re.I,
)
_STATED_OUTCOME = 5
# Positions in the flat cue order of _tables(), worked out from the cue lists (no compiling).
_REJECTION_CUES = [
    i
    for i, kind in enumerate(k for k, cues in _CUES.items() for _ in cues)
    if kind == "rejection_reply"
][:_STATED_OUTCOME]


def kind_scores(draft: Draft) -> dict[str, float]:
    """Every kind's score for this draft (higher is likelier)."""
    subject = draft.subject.text if draft.subject else ""
    # A letter's "RE: ..." line does a subject's job.
    subject += "".join(" " + p.text[3:] for p in draft.letterhead if p.text[:3].lower() == "re:")
    subject = re.sub(r"^\s*(?:(?:re|fwd?|aw)\s*:\s*)+", "", subject, flags=re.I)
    body = "\n\n".join(
        p.text for p in (draft.greeting, *draft.paragraphs, draft.closing) if p is not None
    )[:20000]  # the opening says what a message is; skip long tails
    quoted = " ".join(q.text for q in draft.quoted)[:5000]
    # One pass over the words of each text tries only the cues that can start at each word.
    flat, index, outcome = _tables()
    in_subject = index.counts(subject, limit=1)
    in_body = index.counts(body, limit=2)
    if _HYPOTHETICAL.search(body):
        # Only the cues that state the outcome are counted again (each cue's count is its
        # own: the same numbers as counting every cue on the text without those clauses).
        stated = outcome.counts(_HYPOTHETICAL.sub(" ", body), limit=2)
        for j, i in enumerate(_REJECTION_CUES):
            in_body[i] = stated[j]
    in_quoted = index.counts(quoted, limit=1) if quoted else [0] * len(flat)
    scores = dict.fromkeys(_CUES, 0.0)
    for i, (kind, weight) in enumerate(flat):
        scores[kind] += weight * (2 * in_subject[i] + in_body[i] + 0.5 * in_quoted[i])
    for vetoed, by, at in _VETOES:
        if scores[by] >= at and scores[by] >= scores[vetoed] * 0.5:
            scores[vetoed] = min(scores[vetoed], scores[by] - 0.1)
    return scores


def detect_kind(draft: Draft) -> tuple[str | None, dict[str, float]]:
    """The most likely kind and every kind's score; None when nothing points anywhere."""
    scores = kind_scores(draft)
    best = max(scores, key=lambda k: scores[k])
    text = "\n".join(p.text for p in draft.parts("whole"))[:20000]
    other = _OTHER_WEIGHT * sum(1 for rx in _OTHER if rx.search(text))
    if other and other >= scores[best] * 0.5:
        return None, scores
    return (best if scores[best] >= 1.0 else None), scores
