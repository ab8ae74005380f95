"""Facts about one draft, each computed once: tokens, sentences, contacts, kind, readability."""
