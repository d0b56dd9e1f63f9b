"""`clauselint lsp` through a real LSP client: open → diagnostics, edit → updated diagnostics,
hover, definition, references, symbols, code actions applied, configuration, and robustness."""

from __future__ import annotations

import asyncio
import pathlib
import time

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound
from pytest_lsp import LanguageClient

from conftest import FIXTURES, biggest_document, change, open_doc, wait_diagnostics

CONTRACT = (FIXTURES / "contract.md").read_text(encoding="utf-8")


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def position(text: str, needle: str, nth: int = 0, delta: int = 0) -> types.Position:
    """The LSP position (UTF-16 columns) of the `nth` occurrence of `needle`, plus `delta` chars."""
    idx = -1
    for _ in range(nth + 1):
        idx = text.index(needle, idx + 1)
    idx += delta
    before = text[:idx]
    line_start = before.rfind("\n") + 1
    return types.Position(line=before.count("\n"), character=utf16_len(before[line_start:]))


def offset(text: str, pos: types.Position) -> int:
    """The str index of an LSP position (lines end at \\n; \\r belongs to the line before)."""
    lines = text.split("\n")
    idx = sum(len(line) + 1 for line in lines[: pos.line])
    line = lines[pos.line] if pos.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= pos.character:
            return idx + i
        units += utf16_len(ch)
    return idx + len(line)


def apply_edit(text: str, uri: str, edit: types.WorkspaceEdit) -> str:
    edits: list[types.TextEdit] = []
    if edit.document_changes:
        for dc in edit.document_changes:
            assert dc.text_document.uri == uri
            edits.extend(dc.edits)
    else:
        edits.extend(edit.changes[uri])
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        a, b = offset(text, e.range.start), offset(text, e.range.end)
        text = text[:a] + e.new_text + text[b:]
    return text


def kind(d: types.Diagnostic) -> str:
    return (d.data or {}).get("kind", "")


def risks_of(diags, rule: str):
    return [d for d in diags if d.code == rule and kind(d) == "risk"]


def example_doc(rule) -> str:
    return f"# Terms\n\n{rule.example}\n"


async def test_open_publishes_diagnostics(client: LanguageClient, rules):
    rule = rules[0]
    uri = open_doc(client, "example.md", example_doc(rule))
    diags = await wait_diagnostics(client, uri, 1)
    mine = risks_of(diags, rule.id)
    assert mine, [d.code for d in diags]
    d = mine[0]
    assert d.source == "clauselint"
    assert d.severity in (types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning,
                          types.DiagnosticSeverity.Information)
    href = d.code_description.href
    assert href.startswith("file:") and pathlib.Path(href[len("file://"):]).is_file(), href
    assert d.range.start.line == 2


async def test_edit_updates_diagnostics(client: LanguageClient, rules):
    rule = rules[0]
    uri = open_doc(client, "example.md", example_doc(rule))
    assert risks_of(await wait_diagnostics(client, uri, 1), rule.id)
    # Replace the example line by something harmless, incrementally.
    change(client, uri, 2, "Nothing to report here.\n",
           types.Range(start=types.Position(line=2, character=0), end=types.Position(line=3, character=0)))
    diags = await wait_diagnostics(client, uri, 2)
    assert not [d for d in diags if d.code == rule.id], diags
    # And back.
    change(client, uri, 3, f"{rule.example}\n",
           types.Range(start=types.Position(line=2, character=0), end=types.Position(line=3, character=0)))
    assert risks_of(await wait_diagnostics(client, uri, 3), rule.id)


async def test_hover_on_a_finding_shows_the_rule_doc(client: LanguageClient, rules):
    rule = rules[0]
    uri = open_doc(client, "example.md", example_doc(rule))
    d = risks_of(await wait_diagnostics(client, uri, 1), rule.id)[0]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=d.range.start)
    )
    assert hover is not None
    value = hover.contents.value
    assert rule.id in value and "Why it matters" in value, value
    if rule.suggested:
        assert "Suggested language" in value


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
async def test_terms_cross_references_and_symbols(client: LanguageClient, eol: str):
    text = CONTRACT.replace("\n", eol)
    uri = open_doc(client, f"contract-{len(eol)}.md", text)
    await wait_diagnostics(client, uri, 1)
    doc = types.TextDocumentIdentifier(uri=uri)

    # Hover on a use of a defined term: its definition, emoji included.
    use = position(text, "Customer Content", nth=1, delta=3)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=use))
    assert hover is not None and "files 😀 that you upload" in hover.contents.value, hover

    # Go to definition: the term after the curly quote (column counted in UTF-16 units).
    defn = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=use))
    first = defn[0] if isinstance(defn, list) else defn
    target = first.target_selection_range if isinstance(first, types.LocationLink) else first.range
    assert target.start == position(text, "Customer Content", nth=0), defn

    # Find references: every use, and the definition.
    refs = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc, position=use, context=types.ReferenceContext(include_declaration=True)))
    assert len(refs) >= 4, refs
    assert position(text, "Customer Content", nth=3) in [r.range.start for r in refs]

    # A cross-reference goes to its clause: "Section 3.1" and "§ 3.1".
    clause_line = position(text, "3.1 We protect").line
    for needle in ("Section 3.1", "§ 3.1"):
        at = position(text, needle, delta=len(needle) - 2)
        defn = await client.text_document_definition_async(
            types.DefinitionParams(text_document=doc, position=at))
        assert defn, needle
        first = defn[0] if isinstance(defn, list) else defn
        target = first.target_selection_range if isinstance(first, types.LocationLink) else first.range
        assert target.start.line == clause_line, (needle, defn)

    # The outline: sections with their clauses nested.
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc))
    assert symbols
    if isinstance(symbols[0], types.DocumentSymbol):
        def walk(items, depth=0):
            for s in items:
                yield depth, s.name
                yield from walk(s.children or [], depth + 1)
        names = list(walk(symbols))
        depth_of = {name: depth for depth, name in names}
        assert "3 Security" in depth_of and "3.1" in depth_of, names
        assert depth_of["3.1"] == depth_of["3 Security"] + 1, names
    else:
        names = [s.name for s in symbols]
        assert "3 Security" in names and "3.1" in names, names


async def code_actions_for(client: LanguageClient, uri: str, d: types.Diagnostic):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=d.range,
        context=types.CodeActionContext(diagnostics=[d]),
    ))


async def test_fix_action_applied_removes_the_diagnostic(client: LanguageClient, rules):
    tried = []
    for rule in rules:
        text = example_doc(rule)
        uri = open_doc(client, f"fix-{len(tried)}.md", text)
        mine = risks_of(await wait_diagnostics(client, uri, 1), rule.id)
        if not mine:
            continue
        actions = await code_actions_for(client, uri, mine[0])
        fix = next((a for a in actions or [] if isinstance(a, types.CodeAction)
                    and a.is_preferred and a.edit is not None), None)
        tried.append(rule.id)
        if fix is None:
            continue
        assert fix.kind == types.CodeActionKind.QuickFix
        fixed = apply_edit(text, uri, fix.edit)
        assert fixed != text
        change(client, uri, 2, fixed)
        after = await wait_diagnostics(client, uri, 2)
        assert not risks_of(after, rule.id), (rule.id, fixed, after)
        return
    pytest.fail(f"no rule offered a fix; tried {tried}")


async def test_disable_action_inserts_a_suppression_comment(client: LanguageClient, rules):
    rule = rules[0]
    text = example_doc(rule)
    uri = open_doc(client, "disable.md", text)
    d = risks_of(await wait_diagnostics(client, uri, 1), rule.id)[0]
    actions = await code_actions_for(client, uri, d)
    disable = next(a for a in actions if a.title.startswith("Disable"))
    new = apply_edit(text, uri, disable.edit)
    lines = new.split("\n")
    assert lines[2] == f"<!-- clauselint-disable-next-line {rule.id} -->", new
    assert lines[3] == rule.example
    # Plain text gets the bracket form.
    uri = open_doc(client, "disable.txt", rule.example + "\n", language="plaintext")
    d = risks_of(await wait_diagnostics(client, uri, 1), rule.id)[0]
    actions = await code_actions_for(client, uri, d)
    disable = next(a for a in actions if a.title.startswith("Disable"))
    new = apply_edit(rule.example + "\n", uri, disable.edit)
    assert new.split("\n")[0] == f"[clauselint-disable-next-line {rule.id}]", new


async def test_explain_shows_the_rule_page(client: LanguageClient, rules):
    rule = rules[0]
    uri = open_doc(client, "explain.md", example_doc(rule))
    d = risks_of(await wait_diagnostics(client, uri, 1), rule.id)[0]
    actions = await code_actions_for(client, uri, d)
    explain = next(a for a in actions if a.title.startswith("Explain"))
    command = explain if isinstance(explain, types.Command) else explain.command
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=command.command, arguments=command.arguments))
    assert "Why it matters" in result["markdown"]
    shown = client.shown_documents[-1]
    assert pathlib.Path(shown.uri[len("file://"):]).read_text(encoding="utf-8") == result["markdown"]


async def test_configuration_switches_rules_off_and_on(client: LanguageClient, rules):
    rule = rules[0]
    uri = open_doc(client, "config.md", example_doc(rule))
    assert risks_of(await wait_diagnostics(client, uri, 1), rule.id)
    group = rule.id.split("/")[0]
    for settings, present in (({"clauselint": {"disabled": [f"{group}/*"]}}, False),
                              ({"clauselint": {"disabled": []}}, True)):
        seen = len(client.published)
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))
        deadline = time.monotonic() + 60
        while True:
            new = [p for p in client.published[seen:] if p.uri == uri]
            if new:
                break
            assert time.monotonic() < deadline, "no new diagnostics after the configuration changed"
            await asyncio.sleep(0.01)
        assert bool(risks_of(new[-1].diagnostics, rule.id)) == present, settings


async def test_malformed_and_unknown_messages_are_survived(client: LanguageClient, rules):
    uri = open_doc(client, "robust.md", CONTRACT)
    await wait_diagnostics(client, uri, 1)
    # Bytes that are not a JSON-RPC message, straight onto the server's stdin.
    for body in (b"{garbage}", b'{"jsonrpc":"2.0","id":[]}', b"[1, 2, 3]"):
        client._server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    client._server.stdin.write(b"Content-Length: 3\r\n\r\n{}}}")  # longer than announced
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("clauselint/noSuchMethod", {})
    # Out-of-range positions clamp; the server still answers.
    far = types.Position(line=100000, character=100000)
    await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=far))
    change(client, uri, 2, "\nAppended.", types.Range(start=far, end=far))
    await wait_diagnostics(client, uri, 2)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert symbols


async def test_huge_paste_then_undo(client: LanguageClient, rules):
    rule = rules[0]
    uri = open_doc(client, "paste.md", example_doc(rule))
    await wait_diagnostics(client, uri, 1)
    paste = "The Customer may terminate this Agreement at any time. " * (5 * 1024 * 1024 // 55 + 1)
    start = types.Position(line=0, character=0)
    change(client, uri, 2, paste, types.Range(start=start, end=start))
    diags = await wait_diagnostics(client, uri, 2)
    assert [d.code for d in diags] == ["too-large"], diags
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=start))
    assert hover is None
    change(client, uri, 3, "", types.Range(start=start, end=types.Position(line=0, character=utf16_len(paste))))
    assert risks_of(await wait_diagnostics(client, uri, 3), rule.id)


async def test_edits_while_a_big_document_is_analysed(client: LanguageClient):
    path = biggest_document()
    text = path.read_text(encoding="utf-8")
    uri = open_doc(client, "big" + path.suffix, text)
    start = types.Position(line=0, character=0)
    for version in (2, 3, 4):
        await asyncio.sleep(0.03)
        change(client, uri, version, "x", types.Range(start=start, end=start))
    final = await wait_diagnostics(client, uri, 4, timeout=180)
    assert final, "the big document has findings"
    await asyncio.sleep(0.5)
    versions = [p.version for p in client.published if p.uri == uri]
    # Never an older version after a newer one, and the last word is the current version.
    assert versions == sorted(versions) and versions[-1] == 4, versions
