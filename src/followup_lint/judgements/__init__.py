"""Judgements: the logic that fits no check kind, one module per rule category."""
