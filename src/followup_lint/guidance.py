"""The guidance catalogue (GUIDANCE.md) in our own words: why each rule exists."""

from __future__ import annotations

GUIDANCE: dict[str, str] = {
    "T1": "Send the thank-you note promptly: within a day is best, two days at the latest.",
    "T2": "Ask for an update only after about a week without a reply to your first note.",
    "T3": "One last follow-up about a week after the second, then move on: three messages at most.",
    "T4": "If the employer named a decision date, wait until it has passed before asking for news.",
    "T5": "Many messages in a short time read as pressure, not enthusiasm.",
    "S1": "A clear subject line says what the email is: a thank-you or follow-up for a named role.",
    "P1": "Address the interviewer by name.",
    "P2": "Mention something specific from the interview: a topic, a project, a remark.",
    "P3": "A generic, templated message (worst of all, one with placeholders left in) reads as "
    "careless.",
    "P4": "After several interviews, write each interviewer a note of their own.",
    "C1": "Be brief: a few short paragraphs at most.",
    "K1": "Make it easy to reach you: include your phone number, email address or profile link.",
    "N1": "Be polite and professional: a formal greeting, a formal closing, a courteous tone.",
    "N2": "Stay professional even if the interviewer was casual: no slang or text-speak.",
    "N3": "Do not be pushy or demanding.",
    "N4": "When addressing a concern, be honest and positive, and show you are willing to learn.",
    "N5": "Be persistent but patient; do not make the reader feel guilty about the wait.",
    "R1": "Proofread: spelling and grammar mistakes are what readers notice first.",
    "M1": "A thank-you note thanks them for their time, restates your interest, and looks ahead.",
    "M2": "A status inquiry restates your interest and politely asks about the timeline.",
    "M3": "An offer reply thanks them, asks what needs clarifying, and negotiates respectfully.",
    "M4": "A decline thanks the employer, gives a short reason, and leaves the door open.",
    "M5": "A reply to a rejection thanks them, keeps the door open, and may ask for feedback.",
    "M6": "Use the follow-up to answer a concern raised in the interview, with evidence.",
    "M7": "A relevant article or insight helps you stand out, but is optional.",
    "M8": "Follow any instructions the employer gave about how and when to follow up.",
    "M9": "Keep in touch: connect, share something relevant, congratulate, ask for feedback.",
}
