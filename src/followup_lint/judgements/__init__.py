"""Named judgements for the `python` check kind: logic that fits no data-driven check kind,
one module per rule category. Importing a module registers its functions."""
