"""Proofreading backends: an offline speller that knows names, and a LanguageTool client.

- `dictionary`: pyspellchecker's bundled English word list, with case handled here (the
  library lowercases everything) and a suggestion search whose cost is bounded.
- `names`: which words a draft's context makes acceptable (people, company, topics, headers,
  the user's vocabulary) and which near-misses of a known name must not be accepted.
- `speller`: the misspelled words of a draft, computed once per draft and shared.
- `utf16`: LanguageTool counts offsets in UTF-16 code units; Python counts code points.
- `languagetool`: the HTTP client (bounded timeouts, a per-paragraph cache, clean failure).
"""
