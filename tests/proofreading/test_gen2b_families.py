"""Rule families (gen2b): the verb-form and agreement slips in the other wordings of the same
rule: every modal's negative and perfect, "which"/"that" as a subject, the contracted "has" and
"had", and "do" before "he"/"she" with any verb. Each widening fires on sentences written here,
and the correct sentence that would tempt a careless pattern stays quiet."""

from __future__ import annotations

import pytest

from tests.proofreading.short_draft import found


@pytest.mark.parametrize(
    ("rule", "body", "words"),
    [
        # the modals' negatives, without a subject pronoun
        ("verb-form-after-auxiliary", "The courier could not delivered the parcel.", "delivered"),
        ("verb-form-after-auxiliary", "The panel would not took a decision before May.", "took"),
        ("verb-form-after-auxiliary", "My manager should not went alone.", "went"),
        ("verb-form-after-auxiliary", "The update might not works on older laptops.", "works"),
        ("verb-form-after-auxiliary", "You needn't worried about the delay.", "worried"),
        ("verb-form-after-auxiliary", "We shan't sent anything before Friday.", "sent"),
        # "which"/"that" as a subject
        ("verb-form-after-auxiliary", "I found a course that would helped me.", "helped"),
        ("verb-form-after-auxiliary", "It is a tool which could saved us hours.", "saved"),
        ("verb-form-after-auxiliary", "A plan that will gave everyone a voice.", "gave"),
        # a modal's perfect, negated or with "will"/"shall"
        ("verb-form-after-auxiliary", "She couldn't have came at a better time.", "came"),
        ("verb-form-after-auxiliary", "The panel would not have went through it.", "went"),
        ("verb-form-after-auxiliary", "They won't have took the train by then.", "took"),
        ("verb-form-after-auxiliary", "By June we will have grew the team.", "grew"),
        ("verb-form-after-auxiliary", "He cannot have knew about the change.", "knew"),
        ("verb-form-after-auxiliary", "You should never have wrote that note.", "wrote"),
        # the contracted "has" and "had"
        ("have-past-participle", "She's never went back to the old office.", "She's never went"),
        ("have-past-participle", "It's already began, so we can join late.", "It's already began"),
        ("have-past-participle", "I'd already took the call by then.", "I'd already took"),
        ("have-past-participle", "We'd just came back from lunch.", "We'd just came"),
        # "do" before "he"/"she" with any verb
        ("question-verb-agreement", "Do he prefer a call or an email?", "Do he prefer"),
        ("question-verb-agreement", "Why don't she send the slides?", "don't she send"),
        ("question-verb-agreement", "Do she usually reply on Fridays?", "Do she usually"),
        ("question-verb-agreement", "Do she have time on Friday?", "Do she have"),
    ],
)  # fmt: skip
def test_family_fires(rule: str, body: str, words: str) -> None:
    assert words in found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("verb-form-after-auxiliary", "The courier could not deliver it on Monday."),
        ("verb-form-after-auxiliary", "A can not opened since March sat in the kitchen."),
        ("verb-form-after-auxiliary", "Her will not signed by witnesses was void."),
        ("verb-form-after-auxiliary", "A will have given her less, the lawyer said."),
        ("verb-form-after-auxiliary", "The tin that can sat on the shelf for a year."),
        ("verb-form-after-auxiliary", "She couldn't have come at a better time."),
        ("verb-form-after-auxiliary", "The panel would not have gone through it without you."),
        ("verb-form-after-auxiliary", "You needn't worry about the delay."),
        ("verb-form-after-auxiliary", "By June we will have grown the team to ten."),
        ("have-past-participle", "She's never gone back, and it's already begun."),
        ("have-past-participle", "I'd already taken the call, and we'd just come back."),
        ("have-past-participle", "The team's saw blades arrived yesterday."),
        ("have-past-participle", "It's just run by volunteers now."),
        ("question-verb-agreement", "Does he prefer a call? Why doesn't she send the slides?"),
        ("question-verb-agreement", "Do he and Maria share an office?"),
        ("question-verb-agreement", "Do it properly, and I will do it tonight."),
        ("question-verb-agreement", "What I do he can check later."),
    ],
)  # fmt: skip
def test_family_passes(rule: str, body: str) -> None:
    assert found(body, rule) == []
