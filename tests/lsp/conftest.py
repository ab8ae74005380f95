"""Fixtures for the language-server tests: a real `followup-lint lsp` process per test, spoken
to over stdio with pytest-lsp's client, in a temporary workspace."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

HERE = Path(__file__).resolve().parent
LAUNCH = HERE / "launch.py"


class Client(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics (not only the last per file)."""

    published: list[types.PublishDiagnosticsParams]


def _record(client: Client, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def _make_client() -> Client:
    client = Client(converter_factory=default_converter)
    client.published = []
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record
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
        await client.shutdown_session()
