"""The Linter: rules compiled and the pipeline loaded once, then any number of drafts linted."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from followup_lint.analysis.core import Analysis
from followup_lint.analysis.nlp import ALL_NEEDS, NO_PIPELINE, Pipeline, get_pipeline
from followup_lint.analysis.sentences import READING_MAX_CHARS
from followup_lint.checks import Check, CompileEnv, Hit, registry
from followup_lint.checks._matching import compile_all, save_compiled
from followup_lint.config import Config, did_you_mean
from followup_lint.model.context import (
    Context,
    find_context_file,
    load_context_file,
    resolve_context,
)
from followup_lint.model.errors import ConfigError
from followup_lint.model.hidden import sentence_around
from followup_lint.model.report import Finding, Fix, Report
from followup_lint.model.severity import Severity
from followup_lint.proofreading.repeats import drop_repeats
from followup_lint.reading.draft import Draft, Part
from followup_lint.reading.sources import Source, read_draft
from followup_lint.rulebook import Rule, builtin_rules, builtin_rules_dir, load_rules
from followup_lint.safe_regex import user_pattern_origin, user_patterns

if TYPE_CHECKING:
    from followup_lint.proofreading.harper_engine import HarperEngine

log = logging.getLogger(__name__)

#: The sample `Linter.warm_up` lints. "Zentrova" is in no word list: the speller asks the web
#: frequencies about it, which loads them.
_WARM_UP_DRAFT = (
    "Subject: Thank you - analyst interview\n\nDear Ms. Lee,\n\nThank you for meeting with me "
    "today about the analyst role at Zentrova. I enjoyed hearing how the team plans its "
    "quarterly reports, and I am excited about the chance to help with that work.\n\n"
    "Best regards,\nSam Ito\nsam.ito@example.com\n"
)


@dataclass(frozen=True)
class ActiveRule:
    """A rule as this Linter runs it: overrides applied, check compiled."""

    rule: Rule
    check: Check
    severity: Severity
    #: The effective check parameters (overrides applied), dumped once: every finding's message
    #: template sees them, and dumping a pydantic model per finding is wasted work.
    params: dict[str, Any]

    @property
    def id(self) -> str:
        return self.rule.id


def _selected(rule: Rule, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    keys = {rule.id, rule.spec.category, "ALL"}
    if keys & set(ignore):
        return False
    if select:
        return bool(keys & set(select))
    return rule.spec.default_enabled


def _render(template: Any, values: dict[str, Any]) -> str:
    # Imported at the first finding, not with the linter: jinja2 takes 0.02 s to import, and a
    # clean draft (or a run whose rules report nothing) never renders a message.
    from followup_lint.templating import render

    return render(template, values)


class Linter:
    """Build once, lint many drafts. Thread-safe to use: nothing changes after construction.

    >>> linter = Linter()
    >>> report = linter.lint("Subject: Thank you\\n\\nDear Dana,\\n...")
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        rules: Iterable[Rule] | None = None,
        strict: bool = False,
    ) -> None:
        self.config = config or Config()
        #: Re-raise a rule's exception instead of reporting it as a notice (the test suite does).
        self.strict = strict
        all_rules = list(rules) if rules is not None else list(builtin_rules())
        if rules is None and self.config.rule_folders:
            extra = load_rules(self.config.rule_folders)
            known = {r.id for r in all_rules}
            for r in extra:
                if r.id in known:
                    raise ConfigError(f"{r.path}: rule id '{r.id}' is already a built-in rule")
            all_rules += extra
        self.all_rules = all_rules
        self._check_names(all_rules)
        #: The trained pipeline's components the enabled rules declare (`needs:`); known before
        #: the first draft, and empty on the default path: then spaCy is never imported.
        self.needs: frozenset[str] = self._needs(all_rules)
        self.pipeline: Pipeline = get_pipeline("full", self.needs) if self.needs else NO_PIPELINE
        env = CompileEnv(self.pipeline.nlp, self.config.languagetool)
        self.notices: list[str] = [self.pipeline.notice] if self.pipeline.notice else []
        self.active: list[ActiveRule] = []
        for rule in all_rules:
            if not self._on(rule):
                continue
            cls = registry()[rule.check.kind]
            wants = cls.needs_trained or bool(rule.spec.needs)
            if wants and not self.pipeline.trained:
                self.notices.append(f"rule {rule.id} skipped: it needs a trained English pipeline")
                continue
            params = self._params(rule)
            override = self.config.rules.get(rule.id)
            severity = override.severity if override and override.severity else rule.spec.severity
            # A user's patterns (their rule folder, or a config override) compile on RE2.
            where, from_config = user_pattern_origin(
                rule.path,
                rule.id,
                override.params if override else None,
                self.config.source,
                builtin_rules_dir(),
            )
            with user_patterns(where, config=from_config):
                check = cls(params, env)
            self.active.append(ActiveRule(rule, check, severity, params.model_dump()))
        self.vocabulary = frozenset(self.config.vocabulary)
        self.notices.extend(self.config.notices)
        self.notices.extend(_destinations(self.config, self.active))
        self._yielding = frozenset(a.id for a in self.active if a.rule.spec.yields)
        #: The enabled rules that run on an engine which starts in the background (Harper
        #: loads its dictionary once per process, about half a second), by rule id.
        harper_rules = [a for a in self.active if a.params.get("backend") == "harper"]
        self._engines: dict[str, HarperEngine] = {}
        if harper_rules:  # imported only then: Harper's modules are not needed otherwise
            from followup_lint.proofreading.harper_engine import engine as harper_engine

            self._engines = {
                a.id: harper_engine(str(a.params.get("dialect", "american"))) for a in harper_rules
            }
        save_compiled()  # what the patterns' pre-tests need, kept for the next run

    def _needs(self, rules: list[Rule]) -> frozenset[str]:
        if self.config.mode == "thorough":
            return ALL_NEEDS
        needs: set[str] = set()
        for rule in rules:
            if self._on(rule):
                needs.update(rule.spec.needs)
                if registry()[rule.check.kind].needs_trained:
                    needs |= ALL_NEEDS  # a check kind that reads the pipeline without saying what
        return frozenset(needs)

    def _on(self, rule: Rule) -> bool:
        return _selected(rule, self.config.select, self.config.ignore)

    def _check_names(self, rules: list[Rule]) -> None:
        names = {r.id for r in rules} | {r.spec.category for r in rules} | {"ALL"}
        for key, values in (
            ("select", self.config.select),
            ("ignore", self.config.ignore),
            ("rules", tuple(self.config.rules)),
            ("hidden-false-positives", tuple(h.rule for h in self.config.hidden_false_positives)),
        ):
            unknown = [v for v in values if v not in names]
            if unknown:
                hint = did_you_mean(unknown[0], names)
                problem = f"unknown rule or category {unknown[0]!r}{hint}"
                if self.config.origin(key) == "the command line":
                    raise ConfigError(f"--{key}: {problem}")
                where = self.config.source or "configuration"
                raise ConfigError(f"{where}: key '{key}': {problem}")

    def _params(self, rule: Rule) -> Any:
        override = self.config.rules.get(rule.id)
        if not override or not override.params:
            return rule.check
        cls = registry()[rule.check.kind]
        data = {**rule.check.model_dump(), **override.params}
        try:
            return cls.Params.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(x) for x in err["loc"])
            where = self.config.source or "configuration"
            raise ConfigError(f"{where}: key 'rules.{rule.id}.{field}': {err['msg']}") from None

    # -- warming up; engines that start in the background ----------------------------------

    def warm_up(self) -> None:
        """Lint a sample of our own (never a user's draft) so that what a Linter loads on first
        use is loaded now: the syllable table, the word list's indexes, the web word
        frequencies (asked about a word the list lacks: the sample's company name), the
        patterns a sample passes. The rules that run on an engine of their own (Harper) are left
        out: the engine starts in its own thread, and the thread that lints first takes it."""
        self.lint(_WARM_UP_DRAFT, defer=frozenset(self._engines))

    def compile_everything(self) -> None:
        """Compile what a sample cannot reach and a draft compiles when it first needs it:
        every rule's message template, every pattern waiting for a draft to pass its pre-test,
        the act lexicon's patterns (a server does this when it is idle; a one-draft run is
        better off without it)."""
        for active in self.active:
            active.rule.template  # noqa: B018 - compiled and cached per message
        compile_all()
        from followup_lint.analysis.acts import sections

        # The act lexicon's patterns one by one (what sentences are read with); a section's
        # whole alternation is only for the rare text whose case folding is odd, compiled then.
        for section in sections().values():
            section.compile_all()
        from followup_lint.proofreading.confusions import compile_phrase_lists

        compile_phrase_lists()

    def starting(self) -> frozenset[str]:
        """The ids of enabled rules whose engine is still starting. A lint now waits for it,
        unless it is given these ids as `defer` (then those rules do not run)."""
        return frozenset(rid for rid, eng in self._engines.items() if not eng.ready())

    def wait_started(self, timeout: float | None = None) -> bool:
        """Block until every engine of the enabled rules has started (or failed to: a lint then
        reports it); return False if the timeout passed first."""
        return all(eng.wait_ready(timeout) for eng in set(self._engines.values()))

    # -- linting ---------------------------------------------------------------------------

    def lint(
        self,
        source: Source | Draft,
        *,
        context: Context | Mapping[str, Any] | None = None,
        context_file: str | Path | None = None,
        path: str | None = None,
        doc: Any = None,
        others: Sequence[Source | Draft] = (),
        defer: Collection[str] = (),
    ) -> Report:
        """Lint one draft. `source` is a str (the text), bytes, a Path, an EmailMessage or a
        parsed Draft; `context` adds what is known about the interview (a Context or a mapping
        with the context file's keys); `context_file` is read too (else `followup.toml` beside
        a file draft is picked up). `others` are drafts to compare this one with (the other
        notes open in an editor): one addressed to someone else that it nearly copies is
        reported (near-duplicate-notes). `defer` names rules not to run this time (the language
        server passes `starting()`, publishes at once, and lints again when they can run)."""
        draft = source if isinstance(source, Draft) else read_draft(source, path=path)
        ctx = self._context(draft, context, context_file)
        if others:
            from followup_lint.analysis.similarity import other_notes

            parsed = [o if isinstance(o, Draft) else read_draft(o) for o in others]
            notes = other_notes([draft, *parsed])[0]
            if notes:
                ctx = ctx.model_copy(update={"other_notes": (*ctx.other_notes, *notes)})
        return self._lint_draft(draft, ctx, doc, frozenset(defer))

    def lint_many(
        self,
        sources: Iterable[Source | Draft],
        *,
        context: Context | Mapping[str, Any] | None = None,
        context_file: str | Path | None = None,
        batch_size: int = 32,
    ) -> list[Report]:
        """Lint several drafts; with the trained pipeline they go through `nlp.pipe` in batches
        (32 keeps peak memory a quarter of spaCy's default batch of 256 at the same speed).

        The facts that span drafts are computed here, so every way in gets them: a note that
        is a near copy of an earlier one in `sources` addressed to someone else is reported
        (`near-duplicate-notes`), once per copy, on the later note."""
        drafts = [s if isinstance(s, Draft) else read_draft(s) for s in sources]
        docs: list[Any] = [None] * len(drafts)
        if self.pipeline.trained:
            docs = list(self.pipeline.nlp.pipe((d.text for d in drafts), batch_size=batch_size))
        reports = []
        for d, doc, facts in zip(drafts, docs, cross_draft_facts(drafts), strict=True):
            ctx = self._context(d, context, context_file)
            if facts:
                notes = (*ctx.other_notes, *facts["other_notes"])
                ctx = ctx.model_copy(update={"other_notes": notes})
            reports.append(self._lint_draft(d, ctx, doc))
        return reports

    def _context(
        self,
        draft: Draft,
        context: Context | Mapping[str, Any] | None,
        context_file: str | Path | None,
    ) -> Context:
        file_data: dict[str, Any] | None = None
        where = "context"
        found = Path(context_file) if context_file else find_context_file(draft.path)
        if found is not None:
            file_data = load_context_file(found)
            where = str(found)
        if isinstance(context, Context):
            return resolve_context(draft, file_data=file_data, given=context, where=where)
        return resolve_context(
            draft, file_data=file_data, overrides=dict(context or {}), where=where
        )

    def _lint_draft(
        self, draft: Draft, context: Context, doc: Any = None, defer: frozenset[str] = frozenset()
    ) -> Report:
        kind: str | None
        if context.kind:
            kind, kind_source = context.kind, "given"
        else:
            # Imported here: a draft whose kind is given (a followup.toml, --kind) never needs
            # the cues, and a one-draft run skips compiling the module.
            from followup_lint.analysis.kind_detection import detect_kind

            kind, _scores = detect_kind(draft)
            kind_source = "detected" if kind else "unknown"
            if kind is None and self.config.kind:
                kind, kind_source = self.config.kind, "default"
        analysis = Analysis(
            draft,
            context,
            pipeline=self.pipeline,
            kind=kind,
            kind_source=kind_source,
            vocabulary=self.vocabulary,
        )
        if doc is not None:
            analysis.__dict__["doc"] = doc  # fills the cached_property with the batched Doc
        report = Report(
            path=draft.path,
            kind=kind,
            kind_source=kind_source,
            basis=draft.basis,
            fail_on=self.config.fail_on,
            text=draft.text,
        )
        report.notices.extend(self.notices)
        limit = self.pipeline.nlp.max_length if self.pipeline.nlp is not None else None
        if limit is not None and len(draft.text) > limit:
            report.notices.append(
                f"the draft is {len(draft.text):,} characters long: the trained pipeline reads "
                f"its first {limit:,}; the rules read all of it"
            )
        if len(draft.text) > READING_MAX_CHARS:
            report.notices.append(
                f"the draft is {len(draft.text):,} characters long: the tone and content rules "
                f"read the sentences of its first {READING_MAX_CHARS:,}; the other rules read all of it"
            )
        base_values = {
            "company": context.company or "",
            "position": context.position or "",
            "kind": (kind or "").replace("_", " "),
        }
        # The parts of each scope, worked out once per draft rather than once per rule; each
        # rule gets its own list (a check may reorder or trim what it is given).
        scopes: dict[str, tuple[Part, ...]] = {}
        for active in self.active:
            spec = active.rule.spec
            if not spec.applies_to(kind) or active.id in defer:
                continue
            try:
                in_scope = scopes.get(spec.scope)
                if in_scope is None:
                    in_scope = scopes[spec.scope] = tuple(draft.parts(spec.scope))
                parts = list(in_scope)
                for hit in active.check.run(analysis, parts):
                    report.findings.append(self._finding(active, analysis, hit, base_values))
            except Exception as exc:
                if self.strict:
                    raise
                # Log the rule and the error type only: the exception text may quote the draft.
                log.error("rule %s failed: %s", active.id, type(exc).__name__)
                report.notices.append(
                    f"rule {active.id} failed ({type(exc).__name__}) and was skipped"
                )
        save_compiled()  # patterns first used by this draft (a bool test when nothing is new)
        report.findings = drop_repeats(self._drop_echoes(report.findings))
        hidden = (*self.config.hidden_false_positives, *context.hidden_false_positives)
        if hidden:
            kept = [f for f in report.findings if not _is_hidden(f, draft.text, hidden)]
            report.hidden = len(report.findings) - len(kept)
            report.findings = kept
        report.findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule))
        return report

    def _drop_echoes(self, findings: list[Finding]) -> list[Finding]:
        """Drop the findings of rules marked `yields` that sit on exactly the words a rule of
        another category reports: "sooo" is slang, "Thx" an informal sign-off, and those rules
        explain the problem better than "did you mean soon?" (spelling yields)."""
        if not self._yielding:
            return findings
        categories: dict[tuple[int, int], set[str]] = {}
        for f in findings:
            categories.setdefault((f.span.start, f.span.end), set()).add(f.category)
        return [
            f
            for f in findings
            if f.rule not in self._yielding
            or not categories[(f.span.start, f.span.end)] - {f.category}
        ]

    def _finding(
        self, active: ActiveRule, analysis: Analysis, hit: Hit, base: dict[str, Any]
    ) -> Finding:
        rule = active.rule
        values = {**active.params, **base, **hit.values}
        lines = analysis.lines
        span = lines.span(hit.start, hit.end)
        fixes = tuple(
            Fix(lines.span(f.start, f.end), f.replacement, f.title, safe=rule.spec.safe_fix)
            for f in hit.fixes[:3]
        )
        return Finding(
            rule=hit.rule or rule.id,
            category=rule.spec.category,
            severity=hit.severity or active.severity,
            message=_render(rule.template, values),
            span=span,
            part=analysis.draft.part_at(hit.start),
            fixes=fixes,
            guidance=tuple(rule.spec.guidance),
            docs=rule.docs,
            basis=analysis.draft.basis,
        )


def cross_draft_facts(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """What each draft's context gains from the other drafts linted with it: `other_notes`,
    the bodies of the earlier drafts addressed to someone else (near-duplicate-notes), so a
    pair of copies is reported once, on the later note. Empty mappings where nothing applies.
    `Linter.lint_many` applies it; `check --fix`/`--diff` pass it with each draft."""
    from followup_lint.analysis.similarity import other_notes

    return [{"other_notes": o} if o else {} for o in other_notes(drafts, earlier_only=True)]


def _is_hidden(finding: Finding, text: str, hidden: Iterable[Any]) -> bool:
    """Does an entry of `hidden-false-positives` silence this finding?"""
    start, end = finding.span.start, finding.span.end
    found = text[start:end]
    sentence = sentence_around(text, start, end)
    return any(h.matches(finding.rule, found, sentence) for h in hidden)


def _destinations(config: Config, active: list[ActiveRule]) -> list[str]:
    """Say where draft text goes when anything is sent off the machine (a LanguageTool
    server), and which file asked for it, so a configuration cannot do it unseen."""
    url = config.languagetool.url
    sends = any(getattr(a.rule.check, "backend", None) == "languagetool" for a in active)
    if not url or not sends:
        return []
    where = config.origin("languagetool")
    where = "the configuration given to the Linter" if where == "default" else where
    return [f"the draft's text is sent to the LanguageTool server {url} (set in {where})"]


def lint(
    source: Source | Draft,
    *,
    context: Context | Mapping[str, Any] | None = None,
    config: Config | None = None,
    context_file: str | Path | None = None,
) -> Report:
    """Lint one draft with a Linter built for the call (build a `Linter` to lint many)."""
    return _default_linter(config).lint(source, context=context, context_file=context_file)


@lru_cache(maxsize=8)
def _default_linter(config: Config | None) -> Linter:
    # Reuse a Linter per configuration (Config is frozen and hashable): building one compiles
    # every rule, which costs far more than linting a draft.
    return Linter(config)
