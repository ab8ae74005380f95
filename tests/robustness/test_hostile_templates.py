"""Message templates that would exhaust memory or time: refused when the rule is loaded where
that can be seen then, stopped at a bound while rendering otherwise; ordinary messages render
as before.

A regression here would allocate gigabytes or spin, so every rendering runs with the address
space of a child process capped (RLIMIT_AS) and a timeout.
"""

from __future__ import annotations

import subprocess
import textwrap
import time
from pathlib import Path

import pytest

from followup_lint.templating import (
    MAX_ITERATIONS,
    MAX_QUOTE,
    MAX_TEXT,
    SecurityError,
    TemplateError,
    compile_template,
    render,
)
from tests.robustness.conftest import PYTHON

#: A long match, as a pattern over a long paragraph would give.
VALUES = {
    "match": "ab" * 500,
    "long": "x" * 5000,
    "value": 70,
    "max": 60,
    "names": ["dana lee", "sam"],
    "n": 2,
}

REFUSED_AT_LOAD = [
    ("{{ 'x'|center(1000000000) }}", "width"),
    ("{{ '%1000000000s'|format('x') }}", "wider than"),
    ("{{ '%1000000000s' % 'x' }}", "wider than"),
    ("{{ '%*s'|format(1000000000, 'x') }}", "'*'"),
    ("{{ 'x'.center(1000000000) }}", "call 'center'"),
    ("{{ '{:>1000000000}'.format('x') }}", "call 'format'"),
    ("{{ 'x'.ljust(1000000000) }}", "call 'ljust'"),
    ("{% set a = 'xx' %}" + "{% set a = a ~ a %}" * 40 + "{{ a }}", "may not use a itself"),
    ("{% for a in match %}{% for b in match %}{{ a }}{% endfor %}{% endfor %}", "nest loops"),
    ("{% for x in match recursive %}{{ loop(x) }}{% endfor %}", "recursive"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macros"),
    ("{% filter upper %}{{ match }}{% endfilter %}", "filter blocks"),
    ("{{ [1, 2]|batch(1000000000, 'x')|list }}", "batch count"),
    ("{{ [1, 2]|slice(1000000000)|list }}", "slice count"),
    ("{{ match|indent(1000000000) }}", "indent"),
    ("{{ match|tojson(1000000000) }}", "'tojson' filter"),
    ("{{ match|striptags }}", "'striptags' filter"),
    ("{{ 'x' * 100000000 }}", "repeat text"),
    ("{{ 9 ** 9 ** 9 }}", "**"),
    ("{{ " + "(" * 300 + "1" + ")" * 300 + " }}", "nested too deeply"),
]

STOPPED_WHILE_RENDERING = [
    "{% set a = match * 10 %}{% set b = a ~ a %}{% set c = b ~ b %}{% set d = c ~ c %}"
    "{% set e = d ~ d %}{{ e }}",
    "{% for c in match %}{% if (match * 10)|upper == 'x' %}y{% endif %}{% endfor %}",
    "{% for c in match %}{{ match }}{% endfor %}",
    "{% for c in match ~ match %}{% endfor %}",
    "{{ match|replace('a', match) }}",
    "{{ match|list|map('list')|sum(start=[]) }}",
    "{{ match|wordwrap(1, wrapstring=match) }}",
    "{{ match * 100000 }}",
    "{% set a = match * 10 %}{{ a + a + a + a + a + a + a + a + a + a + a }}",
    "{{ match|map('center', 100000)|join }}",
    "{{ (match * 10)|join(match * 10) }}",
]

ORDINARY = [
    ("Subject line is {{ value }} characters; keep it under {{ max }}.", "is 70 characters"),
    ("{% for n in names %}{{ n|title }}{% if not loop.last %}, {% endif %}{% endfor %}.", "Dana"),
    ("{{ names|join(', ') }}: {{ n }} {{ n|plural('word') }}, {{ '%.1f'|format(2.25) }}", "2.2"),
    ("{{ match[:4].upper() }}{% if value > max %} long{% else %} short{% endif %}", "ABAB long"),
    ("{% set who = names|first %}{{ who|capitalize }} {{ (match|length) // 1000 }}k", "Dana lee"),
]


@pytest.mark.parametrize(("source", "why"), REFUSED_AT_LOAD)
def test_bomb_is_refused_at_load(source: str, why: str) -> None:
    with pytest.raises(TemplateError) as err:
        compile_template(source)
    assert why in str(err.value)


@pytest.mark.parametrize("source", STOPPED_WHILE_RENDERING)
def test_bomb_is_stopped_while_rendering(source: str) -> None:
    template = compile_template(source)
    start = time.monotonic()
    with pytest.raises(SecurityError):
        render(template, VALUES)
    assert time.monotonic() - start < 5


def test_limits_are_what_the_docs_say() -> None:
    # One turn under the loop bound renders; one over it stops.
    ok = compile_template("{% for c in match %}.{% endfor %}")
    assert render(ok, {"match": "x" * MAX_ITERATIONS}) == "." * MAX_ITERATIONS
    with pytest.raises(SecurityError):
        render(ok, {"match": "x" * (MAX_ITERATIONS + 1)})
    # The message itself: 100 quotes of a 1,000-character value fit, 101 do not.
    echo = compile_template("{% for n in names %}{{ match }}{% endfor %}")
    assert len(render(echo, {"match": "y" * 1000, "names": [0] * 100})) == MAX_TEXT
    with pytest.raises(SecurityError):
        render(echo, {"match": "y" * 1000, "names": [0] * 101})


def test_a_long_value_is_quoted_by_its_beginning() -> None:
    out = render(compile_template("Found {{ match }}."), {"match": "z" * 1_000_000})
    assert out == "Found " + "z" * MAX_QUOTE + "….", out[:40]


@pytest.mark.parametrize(("source", "expected"), ORDINARY)
def test_ordinary_messages_render(source: str, expected: str) -> None:
    assert expected in render(compile_template(source), VALUES)


_RULE = """\
id: template-bomb
category: tone
severity: warning
scope: body
check:
  kind: existence
  phrases: [sorry]
message: {message}
guidance: [N1]
description: A hostile rule.
examples:
  trigger: ["Dear Dana,\\n\\nSorry.\\n\\nBest,\\nLee"]
  pass: ["Dear Dana,\\n\\nThanks.\\n\\nBest,\\nLee"]
"""


def test_bomb_in_a_rule_folder_is_one_line_and_exit_2_under_a_memory_cap(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    message = "\"{{ 'x'|center(1000000000) }}\""
    (rules / "template-bomb.yaml").write_text(_RULE.format(message=message), encoding="utf-8")
    (tmp_path / ".followup-lint.toml").write_text('rule-folders = ["rules"]\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Dear Dana,\n\nSorry.\n\nBest,\nLee\n", encoding="utf-8")
    # 3 GB of address space: enough for spaCy, not for a 1 GB string and its copies.
    script = textwrap.dedent(
        """\
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
        from followup_lint.cli import main
        sys.exit(main(["check", "draft.txt"]))
        """
    )
    r = subprocess.run(
        [PYTHON, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2, r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "template-bomb.yaml" in lines[0] and "width" in lines[0], r.stderr
