"""The followup-lint language server (pygls, JSON-RPC over stdio).

Drafts are linted when opened or saved, and after a pause in typing (debounced, 150 ms by
default) when changed. Linting runs in one worker thread so the editor's requests are answered
meanwhile; a result is published only if the document has not changed since it was taken.
One Linter is built per effective configuration and kept (building one compiles every rule).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import sys
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams, JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from followup_lint.config import CONFIG_FILE, Config, discover_config
from followup_lint.linter import Linter
from followup_lint.lsp import actions, config_edit
from followup_lint.lsp.diagnostics import LintResult, locate, problem_diagnostic
from followup_lint.lsp.framing import LifecycleProtocol, serve_stdio
from followup_lint.lsp.hover import hover_for
from followup_lint.lsp.positions import UTF16, PositionMap
from followup_lint.lsp.preload import Preload
from followup_lint.lsp.settings import Settings, parse_settings, section
from followup_lint.model.context import DEFAULT_CONTEXT_FILE, build_context, find_context_file
from followup_lint.model.errors import ConfigError, ContextError, FollowupLintError, InputError
from followup_lint.reading.draft import Draft
from followup_lint.reading.sources import read_draft
from followup_lint.rulebook import Rule

from .. import __version__

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

log = logging.getLogger(__name__)

#: Language ids we lint ("text" is what Neovim and Helix call plain text), and *.eml files.
LANGUAGES = frozenset({"mail", "plaintext", "text", "markdown"})
#: Files whose change changes what a draft's diagnostics are.
SETTINGS_FILES = frozenset({DEFAULT_CONTEXT_FILE, CONFIG_FILE, "pyproject.toml"})
_MAX_LINTERS = 8
#: Longest wait (seconds) for a starting engine before the draft is linted again anyway.
_START_TIMEOUT = 60.0
_ERROR_CODES = {
    InputError: "input-error",
    ContextError: "context-error",
    ConfigError: "config-error",
}


class _Rejected:
    """Stands in for a message that could not be read, so the loop can skip it."""


_REJECTED = _Rejected()


class Protocol(LifecycleProtocol):
    """pygls's protocol, answering a request it cannot read with an error instead of silence
    (and, from LifecycleProtocol, requests before initialize and after shutdown)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except Exception as exc:
            method = data.get("method")
            log.warning(
                "malformed %s %s (%s)",
                "request answered with an error:" if "id" in data else "notification ignored:",
                method if isinstance(method, str) else "(no method)",
                type(exc.__cause__ or exc).__name__,
            )
            if "id" in data and isinstance(data["id"], int | str):
                if isinstance(method, str):
                    err = JsonRpcInvalidParams(message=f"invalid parameters for {method}")
                    self._send_response(data["id"], error=err.to_response_error())
                else:  # a malformed response to one of our requests: fail that request
                    fut = self._request_futures.pop(data["id"], None)
                    if fut is not None and not fut.done():
                        fut.set_exception(JsonRpcInvalidRequest(message="malformed response"))
            return _REJECTED

    def handle_message(self, message: Any) -> None:
        if message is _REJECTED:
            return
        super().handle_message(message)


@dataclass(frozen=True)
class _Job:
    """A snapshot of one document to lint, taken on the event loop, linted in the worker."""

    uri: str
    version: int | None
    text: str
    language_id: str | None
    path: str | None
    root: str | None
    settings: Settings
    encoding: str
    #: Unsaved text of open context files, by resolved path.
    buffers: dict[str, str] = field(default_factory=dict)
    #: (uri, text) of the other open drafts, compared with this one (near-duplicate-notes).
    others: tuple[tuple[str, str], ...] = ()


def _encoding(kind: Any) -> str:
    """The negotiated position encoding as "utf-8", "utf-16" or "utf-32" (an enum's str()
    would be its name)."""
    value = getattr(kind, "value", kind)
    return str(value) if value else UTF16


def _uri_path(uri: str) -> str | None:
    return to_fs_path(uri) if uri.startswith("file:") else None


class FollowupLintServer(LanguageServer):
    def __init__(self, preload: Preload | None = None) -> None:
        super().__init__(
            "followup-lint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=Protocol,
        )
        self.settings = Settings()
        self._init_raw: dict[str, Any] = {}
        self._conf_raw: dict[str, Any] = {}
        self._linters: OrderedDict[tuple[str, str], Linter] = OrderedDict()
        self._results: dict[str, LintResult] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._shown: set[str] = set()
        #: Re-lints waiting for an engine to start (kept so they are not garbage-collected).
        self._later: set[asyncio.Future[None]] = set()
        # One worker: lints run one at a time, and only that thread touches the Linter cache.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="followup-lint")
        self._preload = preload
        self._compiled = False
        self._register()

    # -- wiring ----------------------------------------------------------------------------

    def _register(self) -> None:
        f = self.feature
        f(types.INITIALIZE)(_handler(self.on_initialize))
        f(types.INITIALIZED)(_handler(self.on_initialized))
        f(types.TEXT_DOCUMENT_DID_OPEN)(_handler(self.on_open))
        f(types.TEXT_DOCUMENT_DID_CHANGE)(_handler(self.on_change))
        f(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))(
            _handler(self.on_save)
        )
        f(types.TEXT_DOCUMENT_DID_CLOSE)(_handler(self.on_close))
        f(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(_handler(self.on_configuration))
        f(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(_handler(self.on_watched_files))
        f(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(
                code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]
            ),
        )(_handler(self.on_code_action))
        f(types.TEXT_DOCUMENT_HOVER)(_handler(self.on_hover))
        self.command(actions.CMD_ADD_WORD)(_command(self.cmd_add_word))
        self.command(actions.CMD_DISABLE_RULE)(_command(self.cmd_disable_rule))
        self.command(actions.CMD_HIDE)(_command(self.cmd_hide_false_positive))

    def start_io(self, stdin: Any = None, stdout: Any = None) -> None:
        # Framing that resynchronises after bad input and bounds message size (lsp/framing.py).
        serve_stdio(self, stdin, stdout)

    def report_server_error(self, error: Exception, source: Any) -> None:
        # The default shows the error text to the user, and that text may quote the draft.
        log.error(
            "server error in %s: %s", getattr(source, "__name__", source), type(error).__name__
        )

    # -- lifecycle and settings --------------------------------------------------------------

    def on_initialize(self, params: types.InitializeParams) -> None:
        self._init_raw = section(params.initialization_options) or {}
        self._apply_settings(refresh=False)
        # Build the workspace's Linter now, in the worker thread, while the client finishes its
        # handshake and opens the first draft (which queues behind it on the same worker), so
        # the first didOpen is answered as fast as later ones. A broken configuration is
        # reported by that first lint, not here.
        self._executor.submit(self._warm_up, self._root())

    async def on_initialized(self, params: types.InitializedParams) -> None:
        caps = self.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is not None and watched.dynamic_registration:
            watchers = [
                types.FileSystemWatcher(glob_pattern=f"**/{name}")
                for name in sorted(SETTINGS_FILES)
            ]
            try:
                await self.client_register_capability_async(
                    types.RegistrationParams(
                        registrations=[
                            types.Registration(
                                id="followup-lint-watched-files",
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                    watchers=watchers
                                ),
                            )
                        ]
                    )
                )
            except Exception as exc:  # a client may refuse; saving the file still refreshes
                log.warning("could not watch settings files: %s", type(exc).__name__)
        await self._pull_configuration()

    def _warm_up(self, root: str | None) -> None:
        try:
            config = discover_config(root)
            preloaded = self._preload.result(_START_TIMEOUT) if self._preload else None
            self._preload = None
            if preloaded is not None and _key(preloaded.config) == _key(config):
                self._linters[_key(config)] = preloaded  # the workspace has no settings of its own
                return
            # Building the Linter starts Harper's build in a thread of its own; the warm-up
            # lint (Linter.warm_up) loads what a Linter loads lazily and does not wait for it.
            self._linter(config).warm_up()
        except Exception as exc:
            log.info("warm-up skipped: %s", type(exc).__name__)

    async def _pull_configuration(self) -> None:
        caps = self.client_capabilities.workspace
        if not (caps and caps.configuration):
            return
        try:
            got = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="followup-lint")])
            )
        except Exception as exc:
            log.warning("workspace/configuration failed: %s", type(exc).__name__)
            return
        if got and isinstance(got[0], dict) and got[0]:
            self._conf_raw = section(got[0]) or {}
            self._apply_settings()

    async def on_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        ours = section(params.settings)
        if ours is None:
            await self._pull_configuration()
            return
        self._conf_raw = ours
        self._apply_settings()

    def _apply_settings(self, refresh: bool = True) -> None:
        # Layered: what the editor sends later overrides the initialization options key by
        # key, and a bad value there leaves the key as the initialization options had it.
        settings, problems = parse_settings(self._init_raw, Settings())
        settings, more = parse_settings(self._conf_raw, settings)
        problems += more
        self.settings = settings
        self._tell(problems)
        if refresh:
            self.refresh_all(0)

    def _tell(self, problems: Iterable[str]) -> None:
        """Show each new problem with the settings once, and log it."""
        for p in problems:
            if p in self._shown:
                continue
            self._shown.add(p)
            log.warning("%s", p)
            self.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Warning, message=f"followup-lint: {p}"
                )
            )

    # -- documents -------------------------------------------------------------------------

    def is_draft(self, uri: str, language_id: str | None) -> bool:
        return (language_id or "").lower() in LANGUAGES or uri.lower().endswith(".eml")

    def _is_context_file(self, uri: str) -> bool:
        """A followup.toml, or the file the contextFile setting names."""
        path = _uri_path(uri)
        if path is None:
            return False
        if Path(path).name == DEFAULT_CONTEXT_FILE:
            return True
        ctx = self.settings.context_path(self._root())
        return ctx is not None and Path(path).resolve() == ctx.resolve()

    def _is_settings_file(self, uri: str) -> bool:
        path = _uri_path(uri)
        return self._is_context_file(uri) or (
            path is not None and Path(path).name in SETTINGS_FILES
        )

    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        if self._is_settings_file(doc.uri):
            self.refresh_all(0)
        elif self.is_draft(doc.uri, doc.language_id):
            self.schedule(doc.uri, 0)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        delay = self.settings.debounce_ms / 1000
        if self._is_context_file(uri):
            self.refresh_all(delay)  # its unsaved text counts (configuration files: on save)
            return
        doc = self.workspace.text_documents.get(uri)
        if doc is not None and self.is_draft(uri, doc.language_id):
            self.schedule(uri, delay)

    def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if self._is_settings_file(uri):
            self.refresh_all(0)
            return
        doc = self.workspace.text_documents.get(uri)
        if doc is not None and self.is_draft(uri, doc.language_id):
            self.schedule(uri, 0)

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = self._tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        if self._results.pop(uri, None) is not None:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        if self._is_context_file(uri):
            self.refresh_all(0)  # its unsaved edits no longer count

    def on_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        # Configuration and context are read afresh for every lint (a changed configuration
        # is a new Linter cache key), so linting again is all it takes.
        if any(Path(_uri_path(c.uri) or c.uri).name in SETTINGS_FILES for c in params.changes):
            self.refresh_all(0)

    def refresh_all(self, delay: float) -> None:
        for uri, doc in list(self.workspace.text_documents.items()):
            if self.is_draft(uri, doc.language_id):
                self.schedule(uri, delay)

    # -- linting ---------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        old = self._tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        self._tasks[uri] = asyncio.ensure_future(self._run(uri, delay))

    def _root(self) -> str | None:
        try:
            root = self.workspace.root_path
        except RuntimeError:  # before initialize
            return None
        return str(root) if root else None

    def _folder_for(self, path: str | None) -> Path:
        """The workspace folder holding `path` (the innermost), else the root, else its folder."""
        best: Path | None = None
        if path is not None:
            p = Path(path).resolve()
            for folder in self.workspace.folders.values():
                fp = _uri_path(folder.uri)
                if fp and p.is_relative_to(Path(fp).resolve()):
                    cand = Path(fp).resolve()
                    if best is None or len(cand.parts) > len(best.parts):
                        best = cand
        if best is None and self._root():
            best = Path(str(self._root()))
        if best is None:
            best = Path(path).parent if path else Path.cwd()
        return best

    def _job(self, uri: str) -> _Job | None:
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        buffers: dict[str, str] = {}
        for other_uri, other in self.workspace.text_documents.items():
            p = _uri_path(other_uri)
            if p and self._is_context_file(other_uri):
                buffers[str(Path(p).resolve())] = other.source
        return _Job(
            uri=uri,
            version=doc.version,
            text=doc.source,
            language_id=doc.language_id,
            path=_uri_path(uri),
            root=self._root(),
            settings=self.settings,
            encoding=_encoding(self.workspace.position_encoding),
            buffers=buffers,
            others=tuple(
                (u, d.source)
                for u, d in self.workspace.text_documents.items()
                if u != uri and self.is_draft(u, d.language_id)
            ),
        )

    async def _run(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        job = self._job(uri)
        if job is None:
            return
        loop = asyncio.get_running_loop()
        result, problems, notices, deferred = await loop.run_in_executor(
            self._executor, self._lint, job
        )
        doc = self.workspace.text_documents.get(uri)
        if doc is None or doc.version != job.version:
            return  # closed, or changed meanwhile: that change has its own run
        if self._tasks.get(uri) is asyncio.current_task():
            del self._tasks[uri]
        self._results[uri] = result
        self._tell(problems)
        for notice in notices:
            if notice not in self._shown:
                self._shown.add(notice)
                log.warning("%s", notice)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=result.diagnostics, version=job.version
            )
        )
        if not self._compiled and result.linter is not None:
            # The first diagnostics are out: compile the rest while the user reads them (in the
            # worker, so it never delays a lint already waiting).
            self._compiled = True
            self._executor.submit(_compile_everything, result.linter)
        if deferred and result.linter is not None:
            # Some rules waited for an engine still starting (Harper, about half a second
            # after initialize): what the others found is out already; lint again once it runs.
            log.info("%s: %d rules still starting; again when ready", _display(job), len(deferred))
            self._later.add(asyncio.ensure_future(self._again(uri, job.version, result.linter)))

    async def _again(self, uri: str, version: int | None, linter: Linter) -> None:
        """Lint `uri` again once `linter`'s engines have started, unless it changed or closed
        meanwhile (then its own run, already scheduled, uses them)."""
        try:
            loop = asyncio.get_running_loop()
            # Waiting takes a thread of the default pool, never the lint worker.
            await loop.run_in_executor(None, linter.wait_started, _START_TIMEOUT)
            doc = self.workspace.text_documents.get(uri)
            if doc is not None and doc.version == version and uri not in self._tasks:
                self.schedule(uri, 0)
        finally:
            self._later.discard(asyncio.current_task())

    def _linter(self, config: Config) -> Linter:
        key = _key(config)
        linter = self._linters.get(key)
        if linter is None:
            linter = Linter(config)
            self._linters[key] = linter
            while len(self._linters) > _MAX_LINTERS:
                self._linters.popitem(last=False)
        else:
            self._linters.move_to_end(key)
        return linter

    def _lint(self, job: _Job) -> tuple[LintResult, list[str], list[str], frozenset[str]]:
        """Lint one snapshot (in the worker thread). Never raises: whatever goes wrong becomes a
        diagnostic at the top of the draft and a log line without the draft's text. The rules
        whose engine is still starting are left out (and returned) rather than waited for."""
        positions = PositionMap(job.text, job.encoding)
        result = LintResult(job.uri, job.version, job.text, positions=positions)
        problems: list[str] = []
        notices: list[str] = []
        deferred: frozenset[str] = frozenset()
        try:
            file_config = discover_config(job.path or job.root)
            base = self._linter(file_config)
            known = {r.id for r in base.all_rules} | {r.spec.category for r in base.all_rules}
            config, problems = job.settings.apply(file_config, known | {"ALL"})
            linter = self._linter(config)
            markdown = (job.language_id or "").lower() == "markdown"
            eml = job.uri.lower().endswith(".eml")
            fmt = "eml" if eml else ("markdown" if markdown else None)
            draft = read_draft(job.text, path=job.path, format=fmt)
            deferred = linter.starting()
            others = _other_drafts(job.others)
            ctx_path = job.settings.context_path(job.root) or find_context_file(job.path)
            unsaved = job.buffers.get(str(ctx_path.resolve())) if ctx_path else None
            if (
                ctx_path is not None
                and unsaved is not None
                and not _same_as_disk(ctx_path, unsaved)
            ):
                data = _context_from_text(unsaved, ctx_path)
                # Without a path the Linter does not read the file from disk; the open buffer,
                # with its unsaved edits, stands in for it.
                report = linter.lint(
                    dataclasses.replace(draft, path=None),
                    context=data,
                    others=others,
                    defer=deferred,
                )
            else:
                report = linter.lint(draft, context_file=ctx_path, others=others, defer=deferred)
            result.items = locate(report, draft.text, job.text, positions, config.fail_on)
            result.linter = linter
            result.fail_on = config.fail_on
            notices = list(report.notices)
        except FollowupLintError as exc:
            code = next((c for t, c in _ERROR_CODES.items() if isinstance(exc, t)), "error")
            log.warning("%s: not linted (%s)", _display(job), type(exc).__name__)
            result.extra.append(problem_diagnostic(str(exc), code))
        except Exception as exc:  # a bug of ours: keep serving, say so, log where
            log.error(
                "%s: internal error %s\n%s",
                _display(job),
                type(exc).__name__,
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            result.extra.append(
                problem_diagnostic(
                    f"followup-lint failed on this draft ({type(exc).__name__}); "
                    "the language server's log says where.",
                    "internal-error",
                )
            )
        return result, problems, notices, deferred

    # -- requests --------------------------------------------------------------------------

    def _rules(self, result: LintResult) -> dict[str, Rule]:
        return {r.id: r for r in result.linter.all_rules} if result.linter else {}

    def on_hover(self, params: types.HoverParams) -> types.Hover | None:
        result = self._results.get(params.text_document.uri)
        if result is None:
            return None
        return hover_for(result.items, params.position, self._rules(result), result.fail_on)

    def on_code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        result = self._results.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if result is None or doc is None:
            return None
        caps = self.client_capabilities.workspace
        edit_caps = caps.workspace_edit if caps else None
        document_changes = bool(edit_caps and edit_caps.document_changes)
        return actions.code_actions(
            result,
            doc.version,
            params.range,
            params.context.only,
            self._rules(result),
            document_changes,
        )

    def _config_target(self, uri: str) -> Path:
        path = _uri_path(uri)
        config = discover_config(path or self._root())
        return config_edit.target_file(config, self._folder_for(path))

    def _edit_config(
        self, args: tuple[Any, ...], key: str, what: str, hide: bool = False
    ) -> dict[str, Any]:
        kinds = (str, dict if hide else str)
        if len(args) != 2 or not all(
            isinstance(a, t) and a for a, t in zip(args, kinds, strict=True)
        ):
            raise JsonRpcInvalidParams(message=f"{what}: expected [document uri, {key} value]")
        uri, value = args
        target = self._config_target(uri)
        try:
            if hide:
                entry = {str(k): str(v) for k, v in value.items()}
                added = config_edit.add_hidden_false_positive(target, entry)
            else:
                added = config_edit.add_to_list(target, key, value)
        except ConfigError as exc:
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=str(exc))
            )
            log.warning("%s: not changed (ConfigError)", target)
            return {"file": str(target), "changed": False, "error": str(exc)}
        log.info("%s: %s updated", target, key)
        self.refresh_all(0)
        return {"file": str(target), "uri": from_fs_path(str(target)), "changed": added}

    def cmd_add_word(self, *args: Any) -> dict[str, Any]:
        return self._edit_config(args, "vocabulary", actions.CMD_ADD_WORD)

    def cmd_disable_rule(self, *args: Any) -> dict[str, Any]:
        return self._edit_config(args, "ignore", actions.CMD_DISABLE_RULE)

    def cmd_hide_false_positive(self, *args: Any) -> dict[str, Any]:
        # [uri, {"rule": id, "text" or "sentence": ...}], written to the workspace config.
        return self._edit_config(args, "hidden-false-positives", actions.CMD_HIDE, hide=True)


def _handler(method: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A plain function around a bound method: pygls marks its handlers with attributes,
    which a bound method cannot carry."""
    if asyncio.iscoroutinefunction(method):

        async def run_async(params: Any) -> Any:
            return await method(params)

        return run_async

    def run(params: Any) -> Any:
        return method(params)

    return run


def _command(method: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any) -> Any:
        return method(*args)

    return run


def _compile_everything(linter: Linter) -> None:
    try:
        linter.compile_everything()
    except Exception as exc:  # only ever a head start
        log.info("compiling ahead skipped: %s", type(exc).__name__)


def _key(config: Config) -> tuple[str, str]:
    """What tells one configuration's Linter from another's."""
    return (config.model_dump_json(), str(config.source))


def _other_drafts(others: tuple[tuple[str, str], ...]) -> list[Draft]:
    """The other open drafts, to compare with (one that cannot be read is not compared)."""
    out = []
    for uri, text in others:
        with contextlib.suppress(FollowupLintError):
            out.append(read_draft(text, format="eml" if uri.lower().endswith(".eml") else None))
    return out


def _same_as_disk(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _context_from_text(text: str, path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContextError(f"{path}: not valid TOML: {exc}") from None
    build_context(data, where=str(path))  # validate now so the error names the file and key
    return data


def _display(job: _Job) -> str:
    """How a document is named in the log: its file name, never its text."""
    return Path(job.path).name if job.path else job.uri.split("/")[-1][:80]


def create_server(preload: Preload | None = None) -> FollowupLintServer:
    return FollowupLintServer(preload)
