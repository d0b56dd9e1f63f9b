"""Fixtures: the built `clauselint lsp` driven by pytest-lsp's client, once with VS Code's and once
with Neovim's recorded client capabilities."""

from __future__ import annotations

import asyncio
import json
import os
import pathlib
import re
import subprocess
import time
from dataclasses import dataclass

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, default_converter, register_lsp_features

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("CLAUSELINT_BIN", str(ROOT / "target" / "debug" / "clauselint"))
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"
CLIENTS = ["visual-studio-code", "neovim"]
WAIT = 120.0


@dataclass
class Published:
    uri: str
    version: int | None
    diagnostics: list[types.Diagnostic]
    at: float


def _record(client: LanguageClient, params: types.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(
        Published(params.uri, params.version, list(params.diagnostics), time.monotonic())
    )


def make_client() -> LanguageClient:
    """pytest-lsp's test client, also keeping every publishDiagnostics with its version."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record
    register_lsp_features(client, features)
    return client


async def wait_diagnostics(client: LanguageClient, uri: str, version: int, timeout: float = WAIT):
    """The diagnostics published for `version` of `uri`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in client.published:
            if p.uri == uri and p.version == version:
                return p.diagnostics
        if client.error is not None:
            raise client.error
        await asyncio.sleep(0.01)
    seen = [(p.uri, p.version) for p in client.published]
    raise AssertionError(f"no diagnostics for {uri} v{version} within {timeout}s; got {seen}")


def open_doc(client: LanguageClient, name: str, text: str, language: str = "markdown") -> str:
    uri = (FIXTURES / name).as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str, range_: types.Range | None = None):
    if range_ is None:
        ev = types.TextDocumentContentChangeWholeDocument(text=text)
    else:
        ev = types.TextDocumentContentChangePartial(range=range_, text=text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[ev],
        )
    )


@dataclass
class RuleDoc:
    id: str
    example: str
    suggested: str


def rule_docs() -> list[RuleDoc]:
    """Every rule with its documented example, from `clauselint rules` (examples trigger their
    rule and suggested language does not: the analyzer's tests guarantee both)."""
    out = subprocess.run([BIN, "rules"], capture_output=True, text=True, check=True).stdout
    docs = []
    for block in out.split("\n\n"):
        head = re.match(r"^(\S+/\S+)\s+\(", block.strip())
        ex = re.search(r"^\s*Example: (.*)$", block, re.M)
        sug = re.search(r"^\s*Suggested: (.*)$", block, re.M)
        if head and ex:
            docs.append(RuleDoc(head.group(1), ex.group(1).strip(), sug.group(1).strip() if sug else ""))
    assert docs, out
    return docs


@pytest.fixture(scope="session")
def rules(tmp_path_factory) -> list[RuleDoc]:
    """The rules whose documented example triggers them as a risk under `clauselint check` (all of
    them, unless a rule is being worked on), in catalogue order."""
    tmp = tmp_path_factory.mktemp("examples")
    ok = []
    for i, doc in enumerate(rule_docs()):
        path = tmp / f"{i}.md"
        path.write_text(f"# Terms\n\n{doc.example}\n", encoding="utf-8")
        out = subprocess.run([BIN, "check", "--format", "json", str(path)],
                             capture_output=True, text=True).stdout
        findings = json.loads(out)["files"][0]["findings"]
        if any(f["rule"] == doc.id and f["kind"] == "risk" for f in findings):
            ok.append(doc)
    assert ok, "no rule's example triggers it"
    return ok


def biggest_document() -> pathlib.Path:
    aws = ROOT.parent / "shared" / "corpus" / "terms" / "Amazon Web Services" / "Terms of Service.md"
    if aws.is_file():
        return aws
    files = [p for p in (ROOT / "corpus").rglob("*") if p.suffix in (".md", ".txt") and p.is_file()]
    return max(files, key=lambda p: p.stat().st_size)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BIN, "lsp"], client_factory=make_client),
    params=CLIENTS,
)
async def client(lsp_client: LanguageClient, request):
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        initialization_options={"debounceMs": 50},
    )
    result = await lsp_client.initialize_session(params)
    assert result.server_info is not None and result.server_info.name == "clauselint"
    yield
    await lsp_client.shutdown_session()
