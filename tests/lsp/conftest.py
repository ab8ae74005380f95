"""Fixtures for the language-server tests: a real `followup-lint lsp` process per test, spoken
to over stdio with pytest-lsp's client, in a temporary workspace."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Union

import pytest
import pytest_asyncio
from cattrs import Converter
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

HERE = Path(__file__).resolve().parent
LAUNCH = HERE / "launch.py"


class Client(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics (not only the last per file)."""

    published: list[types.PublishDiagnosticsParams]
    registrations: list[types.Registration]


def _record(client: Client, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def _converter() -> Converter:
    """pygls's converter, except that a CodeAction carrying a command stays a CodeAction.

    lsprotocol reads any object with a "command" key as a Command, so a CodeAction whose
    `command` is an object would come back as a Command with a stringified dict. Editors
    decide by the type of "command" (a string for a Command), and so does this.
    """
    conv = default_converter()

    def code_action_or_command(obj: Any, _: type) -> types.Command | types.CodeAction:
        if isinstance(obj.get("command"), str):
            return conv.structure(obj, types.Command)
        return conv.structure(obj, types.CodeAction)

    conv.register_structure_hook(Union[types.Command, types.CodeAction], code_action_or_command)  # noqa: UP007
    return conv


def _register_capability(client: Client, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def _make_client() -> Client:
    client = Client(converter_factory=_converter)
    client.registrations = []
    client.published = []
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record
    features[types.CLIENT_REGISTER_CAPABILITY] = _register_capability
    register_lsp_features(client, features)
    return client


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace whose configuration adds the test rules (and selects only those, so the
    tests do not depend on the built-in rule set as it grows)."""
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copytree(HERE / "rules", ws / "rules")
    (ws / ".followup-lint.toml").write_text(
        "# settings for the language-server tests\n"
        'rule-folders = ["rules"]\n'
        'select = ["lsp-test-swap", "lsp-test-word"]\n',
        encoding="utf-8",
    )
    return ws


Start = Callable[..., Awaitable[Client]]


@pytest_asyncio.fixture
async def start() -> AsyncIterator[Start]:
    """`await start(root, options=..., args=...)`: a server process, initialised."""
    clients: list[Client] = []

    async def run(
        root: Path,
        *,
        options: dict[str, object] | None = None,
        args: tuple[str, ...] = (),
        capabilities: types.ClientCapabilities | None = None,
    ) -> Client:
        config = ClientServerConfig(
            server_command=[sys.executable, str(LAUNCH), *args], client_factory=_make_client
        )
        client = await config.start()
        assert isinstance(client, Client)
        clients.append(client)
        await client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities or client_capabilities("visual-studio-code"),
                root_uri=root.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="ws")],
                initialization_options=options,
            )
        )
        return client

    yield run
    for client in clients:
        if not client.stopped:  # a test may have shut its server down itself
            await client.shutdown_session()
