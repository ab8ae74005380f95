"""Judgements that fit no check kind, one module per rule category, each a registered function
of the `python` check kind (imported by `followup_lint.functions`)."""
