"""A seeded generator of realistic post-interview drafts for the benchmarks.

Every draft is built from sentence banks written for this project (not copied from anywhere):
a subject, a `To:` header naming the interviewer, sometimes `Cc:` and `Date:`, a greeting, four
to eight body paragraphs, a sign-off and a signature. Roughly a third are clean; the rest carry
one to three of the mistakes the rules look for (a vague subject, an unfilled placeholder, slang,
pushy or desperate wording, typos, no contact details, too many words, ...).

The same seed always gives the same drafts, byte for byte::

    python benchmarks/generate.py --count 5 --seed 7          # print five drafts
    python benchmarks/generate.py --count 1000 --out /tmp/drafts   # write .txt files

Word counts (every whitespace-separated word below the header block) lie in 100-300.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followup_lint.model.kinds import KINDS  # the one list of message kinds

MIN_WORDS, MAX_WORDS = 100, 300

# -- people, companies and roles -----------------------------------------------------------

FIRST_NAMES = (
    "Dana", "Priya", "Marcus", "Elena", "Tomás", "Aisha", "Jonah", "Mei", "Oluwaseun", "Greta",
    "Rafael", "Hannah", "Kenji", "Fatima", "Liam", "Sofia", "Andre", "Ingrid", "Yusuf", "Claire",
    "Mateo", "Nadia", "Owen", "Leila", "Bruno", "Chloe", "Arjun", "Zoe", "Emeka", "Ruth",
)  # fmt: skip
LAST_NAMES = (
    "Lee", "Raman", "Okafor", "Novak", "Alvarez", "Haddad", "Fischer", "Chen", "Adeyemi",
    "Lindqvist", "Moreau", "Kowalski", "Tanaka", "Brennan", "Silva", "Nakamura", "Osei",
    "Petrov", "Gallagher", "Iyer", "Dubois", "Mendes", "Farah", "Whitfield", "Castillo",
)  # fmt: skip
SENDERS = (
    "Sam Ito", "Jordan Blake", "Riley Park", "Avery Quinn", "Morgan Diaz", "Casey Nguyen",
    "Taylor Brooks", "Jamie Rossi", "Alex Kaur", "Robin Hale", "Drew Santos", "Quinn Mbeki",
)  # fmt: skip
COMPANIES = (
    ("Northwind Analytics", "northwind-analytics.com"),
    ("Bluefield Health", "bluefieldhealth.org"),
    ("Harbor & Pine Logistics", "harborpine.com"),
    ("Larkspur Software", "larkspur.io"),
    ("Copperline Energy", "copperline-energy.com"),
    ("Meridian Public Library", "meridianlibrary.org"),
    ("Tessellate Design", "tessellate.design"),
    ("Quarry Street Bank", "quarrystreetbank.com"),
    ("Kestrel Robotics", "kestrelrobotics.com"),
    ("Juniper Learning", "juniperlearning.edu"),
    ("Orchard Foods", "orchardfoods.com"),
    ("Silverline Media", "silverlinemedia.net"),
)
ROLES = (
    "Data Analyst", "Senior Data Analyst", "Product Designer", "Logistics Coordinator",
    "Backend Engineer", "Marketing Associate", "Nurse Educator", "Financial Analyst",
    "Customer Success Manager", "Research Assistant", "Operations Lead", "UX Researcher",
    "Junior Accountant", "Frontend Developer", "Program Manager", "Sales Development Rep",
)  # fmt: skip
TOPICS = (
    "the migration to the new reporting platform", "reducing onboarding time for new clients",
    "the warehouse scheduling pilot", "how the team runs its design reviews",
    "the customer churn dashboard", "the plan to expand into two new regions",
    "the accessibility audit of the mobile app", "the quarterly forecasting process",
    "mentoring junior staff", "the move from spreadsheets to a shared database",
    "the patient education programme", "the pricing experiment you described",
    "the backlog of support tickets", "the volunteer outreach project",
    "the redesign of the checkout flow", "on-call rotations and incident reviews",
)  # fmt: skip
SKILLS = (
    "SQL and dashboard design", "stakeholder interviews", "route planning",
    "Python scripting", "budget tracking", "usability testing", "contract negotiation",
    "data cleaning", "training new staff", "writing clear documentation",
)  # fmt: skip
SHORT_TOPICS = ("team onboarding", "data quality", "remote collaboration", "design systems")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
OTHER_COMPANIES = ("Globex Partners", "Initech Systems", "Vandelay Imports", "Acme Widgets")

# -- sentence banks, per kind (our own words) --------------------------------------------------
# Slots: {first} {last} {title} {company} {role} {topic} {topic2} {skill} {day} {weeks}

SUBJECTS: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "Thank you – {role} interview on {day}",
        "Thanks for {day}'s conversation about the {role} role",
        "Following up on our {role} interview",
        "Thank you for your time – {role} at {company}",
    ),
    "status_inquiry": (
        "Checking on the {role} position",
        "{role} interview – any update on timing?",
        "Status of my application for {role}",
        "Following up: {role} interview on {day}",
    ),
    "final_follow_up": (
        "Final follow-up on the {role} position",
        "One last note about the {role} role",
        "{role} application – closing the loop",
    ),
    "offer_reply": (
        "Re: Offer for the {role} position",
        "Accepting the {role} offer",
        "Questions about the {role} offer",
        "{role} offer – thank you",
    ),
    "decline_offer": (
        "{role} offer – my decision",
        "Re: Offer for the {role} role",
        "Declining the {role} offer with thanks",
    ),
    "rejection_reply": (
        "Re: Your application for {role}",
        "Thank you for letting me know – {role}",
        "Re: Update on the {role} position",
    ),
    "networking": (
        "Keeping in touch after the {role} interview",
        "An article on {topic_short} you might enjoy",
        "Checking in from {role} candidate {sender}",
        "Staying connected – {company}",
    ),
}

OPENINGS: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "Thank you for meeting with me on {day} to talk about the {role} position.",
        "I appreciated the time you spent with me on {day} discussing the {role} role at {company}.",
        "Many thanks for a thoughtful conversation about the {role} opening yesterday.",
        "I am grateful for the chance to interview for the {role} role and to hear how the team works.",
    ),
    "status_inquiry": (
        "I hope your week is going well.",
        "I am writing to ask whether there is any news on the {role} position I interviewed for on {day}.",
        "It has been about {weeks} weeks since we spoke about the {role} role, and I wanted to ask where things stand.",
        "I hope the hiring process for the {role} position is moving along smoothly.",
    ),
    "final_follow_up": (
        "I am writing one last time about the {role} position we discussed a few weeks ago.",
        "I understand hiring decisions take time, so this will be my final note about the {role} role.",
        "Since I have not heard back about the {role} position, I wanted to send a brief final message.",
    ),
    "offer_reply": (
        "Thank you very much for the offer to join {company} as {role}.",
        "I was delighted to receive the written offer for the {role} position.",
        "Thank you for calling me on {day} with the offer for the {role} role.",
    ),
    "decline_offer": (
        "Thank you for offering me the {role} position at {company}.",
        "I am grateful for the offer and for the care everyone took during the process.",
        "Thank you for the generous offer to join the team as {role}.",
    ),
    "rejection_reply": (
        "Thank you for letting me know about your decision on the {role} role.",
        "I appreciate you taking the time to tell me personally how the search turned out.",
        "Thank you for the update, and for considering me for the {role} position.",
    ),
    "networking": (
        "I hope things are going well at {company} since we met for the {role} interview.",
        "I came across something this week that reminded me of our conversation about {topic}.",
        "It has been a few months since we spoke, and I wanted to say hello.",
    ),
}

CORE: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "I especially enjoyed hearing about {topic}, and it made me even more keen on the role.",
        "Our discussion of {topic} stayed with me after the call.",
        "I remain very interested in the {role} role and in the work the team is doing.",
        "Your point about {topic2} gave me a clearer picture of what success looks like in the first year.",
        "I left the conversation more excited about joining {company} than when I arrived.",
        "Thank you as well for introducing me to the rest of the team.",
    ),
    "status_inquiry": (
        "Could you let me know whether there is an updated timeline for a decision?",
        "I remain very interested in the role and would be glad to share anything else that would help.",
        "If it is useful, I can send references or work samples.",
        "I would appreciate any update on the next steps when you have a moment.",
        "I know the team has a lot on its plate, so I appreciate any news you can share.",
    ),
    "final_follow_up": (
        "I am still very interested in the position and in {company}.",
        "If the role has been filled, I would be grateful to know so that I can plan accordingly.",
        "I would welcome the chance to be considered for similar openings in the future.",
        "Please let me know if there is any further information I can provide.",
    ),
    "offer_reply": (
        "I am pleased to accept, and I am looking forward to starting on the first of next month.",
        "Before I sign, could we talk about the start date and the relocation support?",
        "I would like to ask whether there is any flexibility in the base salary, given the scope of the role.",
        "Could you send the details of the benefits package so that I can review them this week?",
        "I am excited about working on {topic} with the team.",
    ),
    "decline_offer": (
        "After a lot of thought, I have decided to accept a position that is closer to my family.",
        "I have decided to decline the offer, as another role is a closer match for where I want to grow.",
        "This was a hard decision, because I admire the team and the work you are doing on {topic}.",
        "I hope our paths cross again, and I would be glad to stay in touch.",
        "I would welcome the chance to work with {company} in the future.",
    ),
    "rejection_reply": (
        "Although I am disappointed, I enjoyed learning about {topic} and meeting the team.",
        "I remain interested in {company} and would be glad to be considered for future openings.",
        "If you have a moment, I would value any feedback on how I could strengthen my application.",
        "I wish you and the team every success with {topic2}.",
    ),
    "networking": (
        "I recently finished a short course on {skill} and thought of the problems you described.",
        "I would love to hear how {topic} turned out.",
        "If you are open to it, I would enjoy a short coffee chat sometime next month.",
        "Here is a link to the article I mentioned, in case it is useful: example.org/notes.",
        "Please do not feel any need to reply; I simply wanted to keep in touch.",
    ),
}

# Filler that fits any kind: how long a draft is depends on how many of these it takes.
FILLER: tuple[str, ...] = (
    "In my current role I have spent much of the last year on {skill}, which I think would carry over well.",
    "The way the team shares ownership of {topic2} sounds like a good fit for how I like to work.",
    "I have been reading more about {topic} since we spoke, and I have a few ideas I would be happy to share.",
    "I was also glad to hear that {company} invests in training for new staff.",
    "My experience with {skill} has taught me to ask good questions early and to write things down.",
    "During the interview you mentioned that the team is growing, and I would enjoy helping with that.",
    "I appreciated how openly you described the challenges as well as the successes.",
    "At my last employer I led a small project on {skill} that cut our reporting time by a third.",
    "I am available most afternoons next week if a follow-up conversation would help.",
    "It was helpful to understand how the {role} works with the other teams day to day.",
    "I also enjoyed the short tour of the office and meeting a few future colleagues.",
    "I would bring patience, attention to detail and a habit of following through.",
    "What you said about {topic2} matched what I have seen work well elsewhere.",
    "I am comfortable picking up new tools quickly, as I did when our team changed systems last spring.",
    "I understand the first few months would focus on {topic}, which I find genuinely interesting.",
    "Thank you again for answering my questions about how performance is reviewed.",
)

CLOSINGS: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "Thank you again for your time, and I look forward to hearing about the next steps.",
        "Please let me know if I can provide anything else.",
    ),
    "status_inquiry": (
        "Thank you for your time, and I look forward to hearing from you.",
        "I appreciate your help and hope to hear from you soon.",
    ),
    "final_follow_up": (
        "Thank you for your time and consideration throughout the process.",
        "I wish you and the team all the best.",
    ),
    "offer_reply": (
        "Thank you again, and I look forward to hearing from you.",
        "I am happy to talk by phone whenever suits you.",
    ),
    "decline_offer": (
        "Thank you again for your kindness and for the time you invested in me.",
        "With my best wishes to you and the team.",
    ),
    "rejection_reply": (
        "Thank you again for your time and consideration.",
        "I hope we have the chance to work together in the future.",
    ),
    "networking": (
        "I hope the rest of your month goes well.",
        "Thank you, and I hope to catch up soon.",
    ),
}

GREETINGS = ("Dear {title} {last},", "Dear {first},", "Hello {first},", "Good morning {first},")
SIGNOFFS = ("Best regards,", "Kind regards,", "Sincerely,", "Warm regards,", "Thank you,", "Best,")

# -- mistakes ------------------------------------------------------------------------------

VAGUE_SUBJECTS = ("Following up", "Quick question", "Hi", "Checking in", "Thanks!", "Re:", "Update")
LONG_SUBJECT = (
    "Thank you so much for taking the time to meet with me on {day} to talk about the {role} "
    "position at {company}"
)
SLANG = (
    "I'm gonna be around all week if u want to chat.",
    "Honestly the team seemed super chill lol.",
    "Tbh I think I'd be a great fit, no cap.",
    "Lemme know what u think, it would be awesome sauce.",
)
PUSHY = (
    "I need an answer ASAP because I have other options.",
    "Why haven't you replied to my last two emails?",
    "I expect to hear back from you by Friday at the latest.",
    "I have emailed you three times now and still have no answer.",
)
DESPERATE = (
    "I really need this job and I will do anything to get it.",
    "Please, please give me a chance.",
    "I am begging you to reconsider my application.",
)
HEDGING = (
    "Sorry to bother you again, I know you are busy.",
    "I just wanted to check in and see if maybe there is any news.",
    "I hope this is not too much of a bother.",
)
COMPLAINTS = (
    "My current manager is impossible to work with, which is the real reason I want to leave.",
    "To be honest my last company was a mess and nobody there knew what they were doing.",
)
GUILT = (
    "I have been waiting for weeks and it has been really stressful not hearing anything.",
    "It is a bit disappointing to be left waiting this long after all the effort I put in.",
)
EMOJI = (" :)", " 🙂", " :D", " 😊", " ;)")
PLACEHOLDERS = (
    "[Interviewer Name]",
    "{{company}}",
    "[insert project]",
    "<ROLE>",
    "XXX",
    "[Company]",
)
MISSPELLINGS = {
    "receive": "recieve",
    "definitely": "definately",
    "opportunity": "oppurtunity",
    "interview": "intervew",
    "position": "postion",
    "grateful": "greatful",
    "appreciate": "apreciate",
    "experience": "experiance",
    "team": "taem",
    "really": "realy",
    "the": "teh",
}

MISTAKES: tuple[str, ...] = (
    "vague-subject",
    "long-subject",
    "shouting-subject",
    "missing-subject",
    "placeholder",
    "generic-greeting",
    "informal-greeting",
    "informal-signoff",
    "wrong-name",
    "slang",
    "emoji",
    "exclamations",
    "all-caps",
    "pushy",
    "desperate",
    "hedging",
    "complaint",
    "guilt",
    "typos",
    "no-contact",
    "too-long",
    "wrong-company",
    "no-gratitude",
    "attachment-mention",
)

#: Hours between the interview and sending, per kind (late thank-yous and early nudges included).
SEND_DELAY_HOURS: dict[str, tuple[int, ...]] = {
    "thank_you": (3, 6, 20, 22, 30, 60),
    "status_inquiry": (24 * 9, 24 * 12, 24 * 15, 24 * 3),
    "final_follow_up": (24 * 21, 24 * 28, 24 * 35),
    "offer_reply": (24 * 10, 24 * 14),
    "decline_offer": (24 * 10, 24 * 14),
    "rejection_reply": (24 * 12, 24 * 20),
    "networking": (24 * 60, 24 * 90),
}

#: Share of drafts with no deliberate mistake.
CLEAN_SHARE = 0.35


@dataclass
class GeneratedDraft:
    """One generated draft, with what went into it (for the benchmark's bookkeeping)."""

    index: int
    kind: str
    text: str
    mistakes: tuple[str, ...]
    words: int
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.mistakes


@dataclass
class _Sentence:
    text: str
    filler: bool = False  # may be dropped or repeated to fit the word range


@dataclass
class _Parts:
    headers: list[tuple[str, str]]
    greeting: str
    paragraphs: list[list[_Sentence]]
    signoff: str
    signature: list[str]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def word_count(text: str) -> int:
    """Words below the header block (the first blank line), split on whitespace."""
    head, sep, body = text.partition("\n\n")
    if not sep or not re.match(r"^[A-Za-z-]+:", head):
        body = text
    return len(body.split())


def _render(parts: _Parts) -> str:
    lines = [f"{k}: {v}" for k, v in parts.headers]
    out = "\n".join(lines) + "\n\n" if lines else ""
    out += parts.greeting + "\n\n"
    out += "\n\n".join(" ".join(s.text for s in para) for para in parts.paragraphs if para)
    out += "\n\n" + parts.signoff + "\n" + "\n".join(parts.signature) + "\n"
    return out


class _Writer:
    """Builds one draft from a per-draft random stream."""

    def __init__(self, rng: random.Random, kind: str, index: int) -> None:
        self.rng = rng
        self.kind = kind
        self.index = index
        company, domain = rng.choice(COMPANIES)
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        topic, topic2 = rng.sample(TOPICS, 2)
        self.slots = {
            "first": first,
            "last": last,
            "title": rng.choice(("Ms.", "Mr.", "Dr.")),
            "company": company,
            "role": rng.choice(ROLES),
            "topic": topic,
            "topic2": topic2,
            "topic_short": rng.choice(SHORT_TOPICS),
            "skill": rng.choice(SKILLS),
            "day": rng.choice(WEEKDAYS),
            "weeks": rng.choice(("two", "three")),
            "sender": rng.choice(SENDERS),
        }
        self.domain = domain

    def fill(self, template: str) -> str:
        return template.format(**self.slots)

    def pick(self, bank: tuple[str, ...]) -> str:
        return self.fill(self.rng.choice(bank))

    def build(self, mistakes: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
        rng, s = self.rng, self.slots
        sender = s["sender"]
        mailbox = _ascii(f"{s['first']}.{s['last']}".lower())
        headers = [
            ("Subject", self.pick(SUBJECTS[self.kind])),
            ("To", f"{s['first']} {s['last']} <{mailbox}@{self.domain}>"),
        ]
        if rng.random() < 0.2:
            headers.append(("Cc", f"Recruiting <jobs@{self.domain}>"))
        interviewed = dt.datetime(2026, 11, 2, 14, 0, tzinfo=dt.timezone.utc) + dt.timedelta(
            days=rng.randrange(0, 10)
        )
        sent = interviewed + dt.timedelta(hours=rng.choice(SEND_DELAY_HOURS[self.kind]))
        if rng.random() < 0.5:
            headers.append(("Date", sent.strftime("%a, %d %b %Y %H:%M:%S +0000")))
        phone = f"+1 555 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
        handle = sender.lower().replace(" ", ".")
        signature = [sender]
        extras = [phone, f"{handle}@example.net", f"linkedin.com/in/{handle.replace('.', '-')}"]
        signature += extras[: rng.randrange(1, 4)]
        opening = [_Sentence(self.pick(OPENINGS[self.kind]))]
        core = [_Sentence(self.fill(t)) for t in rng.sample(CORE[self.kind], 2)]
        closing = [_Sentence(self.pick(CLOSINGS[self.kind]))]
        parts = _Parts(
            headers=headers,
            greeting=self.pick(GREETINGS),
            paragraphs=[opening, core, [], closing],
            signoff=rng.choice(SIGNOFFS),
            signature=signature,
        )
        target = rng.randrange(120, 281)
        if "too-long" in mistakes:
            target = rng.randrange(265, 296)
        self._fill_to(parts, target)
        for m in mistakes:
            self._apply(m, parts)
        text = self._fit(parts, mistakes)
        context = {
            "company": s["company"],
            "position": s["role"],
            "interviewers": [
                {"name": f"{s['first']} {s['last']}", "email": f"{mailbox}@{self.domain}"}
            ],
            "topics": [s["topic"], s["topic2"]],
            "interviewed_at": interviewed.isoformat(),
            "sent_at": sent.isoformat(),
        }
        if self.kind in ("status_inquiry", "final_follow_up"):
            context["earlier_messages"] = [
                {"sent_at": (interviewed + dt.timedelta(hours=20)).isoformat(), "kind": "thank_you"}
            ]
        return text, context

    # Filler sentences go between the core paragraph and the closing one, three to five a paragraph.
    def _fill_to(self, parts: _Parts, target: int) -> None:
        pool = list(FILLER)
        self.rng.shuffle(pool)
        i = 0
        size = self.rng.randrange(3, 6)
        while word_count(_render(parts)) < target:
            para = parts.paragraphs[-2]
            if len(para) >= size:
                parts.paragraphs.insert(len(parts.paragraphs) - 1, [])
                para = parts.paragraphs[-2]
                size = self.rng.randrange(2, 6)
            para.append(_Sentence(self.fill(pool[i % len(pool)]), filler=True))
            i += 1

    def _fit(self, parts: _Parts, mistakes: tuple[str, ...]) -> str:
        """Drop or add filler sentences until the rendered draft is inside the word range."""
        text = self._post(_render(parts), mistakes)
        pool = list(FILLER)
        i = 0
        while word_count(text) > MAX_WORDS:
            fillers = [(p, j) for p, para in enumerate(parts.paragraphs) for j, s in enumerate(para) if s.filler]  # fmt: skip
            if not fillers:
                break
            p, j = fillers[-1]
            del parts.paragraphs[p][j]
            text = self._post(_render(parts), mistakes)
        while word_count(text) < MIN_WORDS:
            parts.paragraphs[-2].append(_Sentence(self.fill(pool[i % len(pool)]), filler=True))
            i += 1
            text = self._post(_render(parts), mistakes)
        return text

    def _insert(self, parts: _Parts, sentence: str) -> None:
        """Put a sentence at a random place in the body (never in the first position)."""
        body = [p for p in parts.paragraphs if p]
        para = self.rng.choice(body)
        para.insert(self.rng.randrange(1, len(para) + 1), _Sentence(sentence))

    def _apply(self, mistake: str, parts: _Parts) -> None:
        rng, s = self.rng, self.slots
        headers = parts.headers
        if mistake == "vague-subject":
            headers[0] = ("Subject", rng.choice(VAGUE_SUBJECTS))
        elif mistake == "long-subject":
            headers[0] = ("Subject", self.fill(LONG_SUBJECT))
        elif mistake == "shouting-subject":
            headers[0] = ("Subject", "URGENT: " + headers[0][1].upper())
        elif mistake == "missing-subject":
            parts.headers = [h for h in headers if h[0] != "Subject"]
        elif mistake == "placeholder":
            ph = rng.choice(PLACEHOLDERS)
            if ph == "[Interviewer Name]":
                parts.greeting = f"Dear {ph},"
            else:
                self._insert(parts, f"I would be proud to contribute to {ph} in this role.")
        elif mistake == "generic-greeting":
            parts.greeting = rng.choice(("Dear Hiring Manager,", "To whom it may concern,", "Hi,"))
        elif mistake == "informal-greeting":
            parts.greeting = rng.choice(("Hey {first}!", "Yo {first},", "Hiya {first},")).format(
                **s
            )
        elif mistake == "informal-signoff":
            parts.signoff = rng.choice(("Cheers,", "Thx,", "Later,", "xoxo,", "ttyl,"))
        elif mistake == "wrong-name":
            other = rng.choice([n for n in LAST_NAMES if n != s["last"]])
            parts.greeting = f"Dear {s['title']} {other},"
        elif mistake == "slang":
            self._insert(parts, rng.choice(SLANG))
        elif mistake == "pushy":
            self._insert(parts, rng.choice(PUSHY))
        elif mistake == "desperate":
            self._insert(parts, rng.choice(DESPERATE))
        elif mistake == "hedging":
            parts.paragraphs[0].insert(0, _Sentence(rng.choice(HEDGING)))
        elif mistake == "complaint":
            self._insert(parts, rng.choice(COMPLAINTS))
        elif mistake == "guilt":
            self._insert(parts, rng.choice(GUILT))
        elif mistake == "no-contact":
            parts.signature = parts.signature[:1]
        elif mistake == "wrong-company":
            other = rng.choice(OTHER_COMPANIES)
            self._insert(parts, f"I would be thrilled to bring my experience to {other}.")
        elif mistake == "no-gratitude":
            for para in parts.paragraphs:
                para[:] = [
                    x for x in para if not re.search(r"(?i)thank|grateful|appreciat", x.text)
                ]
            parts.paragraphs[0].insert(
                0, _Sentence(self.fill("I am writing about the {role} role."))
            )
            if parts.signoff.startswith("Thank"):
                parts.signoff = "Best,"
        elif mistake == "attachment-mention":
            self._insert(
                parts, "I have attached my portfolio and a writing sample for your review."
            )
        # emoji, exclamations, all-caps and typos work on the rendered text: see _post.

    def _post(self, text: str, mistakes: tuple[str, ...]) -> str:
        """Character-level mistakes, applied the same way on every re-render (own seed)."""
        rng = random.Random(f"{self.index}:post")
        head, sep, body = text.partition("\n\n")
        if "emoji" in mistakes:
            ends = [m.end() for m in re.finditer(r"[a-z][.]", body)]
            if ends:
                at = rng.choice(ends)
                body = body[:at] + rng.choice(EMOJI) + body[at:]
        if "exclamations" in mistakes:
            ends = [m.start() + 1 for m in re.finditer(r"[a-z][.](?= [A-Z])", body)]
            for at in rng.sample(ends, min(3, len(ends))):
                body = body[:at] + "!" + body[at + 1 :]
            body = body.replace("!", "!!!", 1)
        if "all-caps" in mistakes:
            for word in ("really", "very", "excited", "interested", "grateful", "important"):
                body = re.sub(rf"\b{word}\b", word.upper(), body, count=1)
            body = body.replace("I remain", "I REALLY remain", 1)
        if "typos" in mistakes:
            candidates = [w for w in MISSPELLINGS if re.search(rf"\b{w}\b", body)]
            for w in rng.sample(candidates, min(3, len(candidates))):
                body = re.sub(rf"\b{w}\b", MISSPELLINGS[w], body, count=1)
            roll = rng.random()
            if roll < 0.33:
                body = re.sub(r"\bthe team\b", "the the team", body, count=1)
            elif roll < 0.66:
                body = re.sub(r"(?<=[.] )I\b", "i", body, count=1)
            else:
                body = re.sub(r"\ban (?=[a-z])", "a ", body, count=1)
        return head + sep + body


def _mistakes_for(rng: random.Random, kind: str) -> tuple[str, ...]:
    if rng.random() < CLEAN_SHARE:
        return ()
    pool = list(MISTAKES)
    if kind in ("networking", "status_inquiry", "final_follow_up"):
        pool.remove("no-gratitude")  # these kinds need no thank-you
    chosen = rng.sample(pool, rng.choice((1, 1, 2, 2, 3)))
    # Some pairs cannot both show in one draft: keep the first.
    exclusive = (
        {"vague-subject", "long-subject", "shouting-subject", "missing-subject"},
        {"generic-greeting", "informal-greeting", "wrong-name", "placeholder"},
    )
    out: list[str] = []
    for m in chosen:
        if any(m in group and any(o in group for o in out) for group in exclusive):
            continue
        out.append(m)
    return tuple(out)


def generate(count: int = 1000, seed: int = 2026) -> list[GeneratedDraft]:
    """`count` drafts, cycling through every kind; the same seed gives the same drafts."""
    drafts: list[GeneratedDraft] = []
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        kind = KINDS[i % len(KINDS)]
        mistakes = _mistakes_for(rng, kind)
        text, context = _Writer(rng, kind, i).build(mistakes)
        drafts.append(GeneratedDraft(i, kind, text, mistakes, word_count(text), context))
    return drafts


def sized_draft(words: int, seed: int = 2026) -> str:
    """One long draft of about `words` words: headers and greeting, then body paragraphs drawn
    from the generated drafts' bodies, then a sign-off (for the cost-as-work-grows figures)."""
    rng = random.Random(f"{seed}:sized")
    pool = generate(14, seed)
    paragraphs = [p for d in pool for p in d.text.split("\n\n")[2:-1]]
    head = pool[0].text.split("\n\n")[:2]
    body: list[str] = []
    n = 0
    while n < words:
        p = rng.choice(paragraphs)
        body.append(p)
        n += len(p.split())
    tail = "Kind regards,\nSam Ito\n+1 555 123 4567\n"
    return "\n\n".join([*head, *body, tail])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", type=Path, help="write one .txt file per draft into this folder")
    args = ap.parse_args()
    drafts = generate(args.count, args.seed)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for d in drafts:
            (args.out / f"{d.index:04d}-{d.kind}.txt").write_text(d.text, encoding="utf-8")
        print(f"wrote {len(drafts)} drafts to {args.out}")
        return
    for d in drafts:
        print(f"### {d.index} {d.kind} words={d.words} mistakes={','.join(d.mistakes) or 'none'}")
        print(d.text)


if __name__ == "__main__":
    main()
