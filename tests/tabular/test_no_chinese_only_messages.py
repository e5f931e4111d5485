"""A message the desktop shows — an import's refused row or warning, a refusal raised as one of
our errors — written as a Chinese f-string or literal is said in Chinese in the English window
too: it has no template to translate. Every such message in the import, the services and the
papers' code is a template said with its parts (`domain.sentences.said`); this test reads the
source (as `tests.ui.test_filled_at_once` does) for a Chinese text given where a message is
made, and fails on one not in `ALLOWED` below.

Where a message is made (a *sink*):

- an error the user may see raised with its reason: a call of `Said` or any of its subclasses
  (`FieldappError`, `ValidationFailed`, `CellError`, …), found by importing the modules;
- a row refused or warned about: `RowProblem(row, reason, …)`, `RowProblem.of(row, reason, …)`,
  `self._reject(row, reason, …)`;
- a note added to a list the import report or a dialog shows: `<…>.append(reason)` (or
  `.extend`) on a list whose name says so (`warnings`, `notes`, `rejected`, `problems`, or a
  list of what is `said`, as `categories` kept the notes of a category dated by its year), or
  on a list the function returns (`persons.entered_twice`: its lines, shown by the sync page).

A reason is Chinese-only where it is a string literal or f-string with a Chinese character, or
is made of one (`+`, a conditional), or is a local name assigned one in the same function, or
is a call of a function of these files that returns one (`reader.passed_over`). A `said(…)`,
a `Sentence`, a template's name (a constant) is not: its English is in the catalogue.

Not sinks (Chinese by design): what is written into a printed paper or an exported workbook
(column headers, data-validation prompts, the export's title and notes: the county's forms are
Chinese), regular expressions reading a sheet's Chinese, the ledger's own words (人员类别 …,
translated as `Word`s where a sentence names them)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Collection, Iterator
from pathlib import Path

import fieldapp
from fieldapp.domain.errors import Said

ROOT = Path(fieldapp.__file__).resolve().parent
#: The code whose messages the desktop shows: the import and export of sheets, the services
#: behind every dialog's action, the papers' notes before printing, the store's refusals (a
#: backup, a key file, a password, a ledger gone, a row the program cannot read), the sync
#: page's (the hub's address, the enrolment file, a bundle, a conflict, a refused change), the
#: policy's (a pack's file, a claim's state), the domain's (an area code, a role's area), the
#: demo's (the wizard's demo ledger), the hub's (whose folder's refusals are its command line's).
SCANNED = ("tabular", "services", "paperwork", "store", "sync", "policy", "domain", "demo", "hub")
CJK = re.compile(r"[\u3400-\u9fff]")
#: Lists whose items a report or a dialog shows (`ParsedRow.warnings`, `ImportReport.rejected`).
_SHOWN_LISTS = re.compile(r"warning|notes|rejected|problems|^said$")

#: Chinese-only messages left so on purpose, each "path:function" with why (a line number would
#: move with every edit). Kept empty of what the desktop shows.
ALLOWED: dict[str, str] = {
    # A first user's password refused when a ledger (or a hub) is made or encrypted with it
    # from the command line (FIELDAPP_PASSWORD=1): “…，请换一个口令再运行” — run again is the
    # command line's; the desktop's wizard and login check the password (`users.
    # check_password`, a template) before they open the ledger, so this is never shown there.
    "fieldapp/services/ledgers.py:first_password": "command line only",
    # An amount in capitals (壹佰元整) as a printed paper writes it: the paper's own words.
    "fieldapp/paperwork/numerals.py:_yuan_capitals": "a printed paper's amount",
    # A conflict's resolution that logged no change (没有需要保存的改动): never raised — a
    # conflict's cell always differs from one of its values, so its resolution always logs
    # (`pragma: no cover` there); no window can meet it.
    "fieldapp/sync/conflicts.py:_write": "never raised",
    # The hub folder's refusals: said by `fieldapp hub init / enroll / revoke / export /
    # quarantine / serve` at the hub's own command line (`cli.sync_cmds`, `cli.county_cmds`) —
    # no window opens a hub folder (fieldapp/ui imports no fieldapp.hub.folder), and what the
    # service answers a device is not made of these: a revoked or unknown device is refused by
    # its request's header (`server._refused`, before `Hub.export_for` or `Hub.device`), an
    # answer `export_for` could not make is said as ANSWER_NOT_MADE, and `devices_changed`'s
    # refusal is suppressed where the service meets it.
    "fieldapp/hub/folder.py:check_scope": "hub enroll at the hub's command line",
    "fieldapp/hub/folder.py:store_location": "the hub's command line: a folder not a hub's",
    "fieldapp/hub/folder.py:devices_changed": "hub enroll / revoke at the hub's command line",
    "fieldapp/hub/folder.py:_check_store": "hub init --store at the hub's command line",
    "fieldapp/hub/folder.py:_actor": "hub enroll / revoke at the hub's command line",
    "fieldapp/hub/folder.py:init": "hub init at the hub's command line",
    "fieldapp/hub/folder.py:open": "the hub's command line (hub serve, status, export …)",
    "fieldapp/hub/folder.py:enroll": "hub enroll at the hub's command line",
    "fieldapp/hub/folder.py:revoke": "hub revoke at the hub's command line",
    "fieldapp/hub/folder.py:device": "the hub's command line: a device named that is not",
    "fieldapp/hub/folder.py:set_quarantine_limit_mb": "hub quarantine at the hub's command line",
    "fieldapp/hub/folder.py:export_for": "hub export at the hub's command line (see above)",
    # `hub serve` refusing to start: a second service on one folder, a port or address wrong —
    # said on the hub's console before any device can ask.
    "fieldapp/hub/server.py:_hold": "hub serve at the hub's console",
    "fieldapp/hub/server.py:listen": "hub serve at the hub's console",
    # A request the hub refuses for its device's standing (its key unknown, revoked, its
    # signature not holding, sent before, its clock off): the device says each in its own
    # words, in the language shown, of the code the hub signed (`client.refused_request`); the
    # hub's words are an older device's only.
    "fieldapp/hub/server.py:_unknown_key": "said by the device in its own words",
    "fieldapp/hub/server.py:_revoked": "said by the device in its own words",
    "fieldapp/sync/httpauth.py:check_fresh": "said by the device in its own words",
    "fieldapp/sync/httpauth.py:verify_signature": "said by the device in its own words",
    # A request header this program's devices never send unreadable (no header, or one of a
    # format the hub does not know): a stranger's request, or a newer program's.
    "fieldapp/sync/httpauth.py:parse_header": "a header no device of this program sends",
    # A person's deletion undone: the logged change's reason is the user's words after the
    # ledger's own marker (恢复：), which the history reads and says in the language shown
    # (`ui.history`), not a message.
    "fieldapp/services/persons.py:restore": "a logged reason's marker, read by ui.history",
}

#: Chinese-only messages the desktop does show — found when the scan took in `BundleRefused`'s
#: detail and our exceptions that are not `Said` (`server._Refusal`, `httpauth.AuthRefused`) —
#: left to be made templates: a bundle's rarer details (a manifest or header altered past its
#: signature, a sender revoked or not the one enrolled, a change the ledger cannot take). The
#: sync page says the code's explanation before each in the language shown (`errors.
#: REASONS_SAID`), the detail in Chinese. Each is taken out as it becomes a template.
LEFT: dict[str, str] = {
    "fieldapp/sync/bundle.py:_refuse_line": "a bundle's change not read: its line and field",
    "fieldapp/sync/bundle.py:decode_payload": "a bundle's change the ledger has no table or field of",
    "fieldapp/sync/bundle.py:_manifest": "a manifest unread, a newer format",
    "fieldapp/sync/bundle.py:open_bundle": "a bundle's content not of its structure",
    "fieldapp/sync/exchange.py:_as_refusal": "a change the ledger refused as it was written",
    "fieldapp/sync/exchange.py:_import_local": "a sender revoked, a header or manifest altered",
    "fieldapp/sync/exchange.py:_sender_still": "a sender revoked while its bundle was read",
    "fieldapp/sync/exchange.py:_check_sender": "a sender's name not its key's",
    "fieldapp/sync/exchange.py:_wrong_recipient": "a bundle for another recipient",
    "fieldapp/sync/exchange.py:_check_summary": "a bundle's changes not its manifest's",
    "fieldapp/sync/exchange.py:_check_serial": "a bundle imported before (its number)",
    "fieldapp/sync/exchange.py:_new_from_hub": "a hub's answer replayed (its number)",
    "fieldapp/sync/exchange.py:_no_control_in_names": "a change's row or author unprintable",
    "fieldapp/sync/files.py:copy_to_inbox": "a bundle file that cannot be read",
}


#: What an error's reason is called where its first argument is not the reason (`PackError`:
#: the file, the line, then the problem; `BundleRefused`: its code, then the detail said after
#: the code's explanation; the hub's `_Refusal`: the HTTP status, the code, then the message).
_REASON_NAMES = ("reason", "message", "problem", "text", "detail")


def _error_names() -> dict[str, tuple[int, str]]:
    """`Said` and every subclass of it in the scanned code and the domain, by name: where its
    reason is given (its place among the arguments, and its name as a keyword); and every other
    exception of ours whose arguments name a reason (`server._Refusal`, `httpauth.AuthRefused`:
    a refusal a device is sent, not a `Said`)."""
    for package in (*SCANNED, "domain"):
        for module in pkgutil.walk_packages([str(ROOT / package)], prefix=f"fieldapp.{package}."):
            importlib.import_module(module.name)
    names: dict[str, tuple[int, str]] = {}
    stack: list[type] = [Exception]
    while stack:
        kind = stack.pop()
        stack.extend(kind.__subclasses__())
        ours = kind.__module__.startswith("fieldapp.")
        if not ours or "__init__" not in vars(kind) and not issubclass(kind, Said):
            continue
        given = [
            p.name
            for p in inspect.signature(kind.__init__).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ][1:]
        named = [n for n in given if n in _REASON_NAMES]
        if named:
            names[kind.__name__] = (given.index(named[0]), named[0])
        elif issubclass(kind, Said):
            names[kind.__name__] = (0, "reason")
    return names


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id == "RowProblem":
            return f"RowProblem.{func.attr}"
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _list_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


#: The fields of a row written that keep an answer or a reason a window shows later
#: (`policy_drafts.status_note`: the hub's answer to a county draft).
_ANSWER_KEYS = re.compile(r"note|reason|message|said")


def _answers(node: ast.expr, local: dict[str, ast.expr]) -> list[ast.expr]:
    """The values `node` — a dict literal, or a local name assigned one — keeps under a key
    of `_ANSWER_KEYS`."""
    if isinstance(node, ast.Name) and isinstance(local.get(node.id), ast.Dict):
        node = local[node.id]
    if not isinstance(node, ast.Dict):
        return []
    return [
        value
        for key, value in zip(node.keys, node.values, strict=True)
        if isinstance(key, ast.Constant)
        and isinstance(key.value, str)
        and _ANSWER_KEYS.search(key.value)
    ]


def _reasons(
    node: ast.Call,
    errors: dict[str, tuple[int, str]],
    returned: Collection[str] = (),
    local: dict[str, ast.expr] | None = None,
) -> list[ast.expr]:
    """The reasons `node` makes a message of, if it is a sink (`returned`: the names of the
    lists its function returns; `local`: the names its function assigns, for a row written
    from a dict made before)."""
    name = _called(node)
    given = [k.value for k in node.keywords if k.arg in _REASON_NAMES]
    if name in errors:
        at, _keyword = errors[name]
        return [*node.args[at : at + 1], *given]
    if name in ("RowProblem", "RowProblem.of", "_reject"):
        return [*node.args[1:2], *given]
    if (
        name in ("append", "extend")
        and isinstance(node.func, ast.Attribute)
        and (
            _SHOWN_LISTS.search(_list_name(node.func.value))
            or (isinstance(node.func.value, ast.Name) and node.func.value.id in returned)
        )
    ):
        return node.args[:1]
    if name in ("insert", "update", "upsert") and isinstance(node.func, ast.Attribute):
        # A row written with an answer a window reads back (a draft's `status_note`).
        return [v for a in node.args for v in _answers(a, local or {})]
    return []


def _chinese(node: ast.expr) -> bool:
    """A string literal or an f-string with Chinese in its own text."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(CJK.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_chinese(v) for v in node.values if isinstance(v, ast.Constant))
    return False


class _File:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.returns_chinese: set[str] = set()
        # Module-level functions only: a call by a plain name is one of them, never a method
        # (a method `said` returning Chinese is not `sentences.said`).
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef):
                given = [r.value for r in _own(node) if isinstance(r, ast.Return)]
                local = _assigned(node)
                if given and all(v is not None and self.made_of(v, dict(local)) for v in given):
                    self.returns_chinese.add(node.name)

    def made_of(
        self, node: ast.expr, local: dict[str, ast.expr], returns: set[str] | None = None
    ) -> bool:
        """Whether `node` is Chinese text: a literal, parts of one, a local name assigned one,
        a call of a function returning one (`returns`)."""
        if _chinese(node):
            return True
        if isinstance(node, ast.BinOp):
            return self.made_of(node.left, local, returns) or self.made_of(
                node.right, local, returns
            )
        if isinstance(node, ast.IfExp):
            return self.made_of(node.body, local, returns) or self.made_of(
                node.orelse, local, returns
            )
        if isinstance(node, ast.Name) and node.id in local:
            return self.made_of(local.pop(node.id), local, returns)
        if isinstance(node, ast.Call) and returns is not None:
            return _called(node) in returns and isinstance(node.func, ast.Name)
        return False


def _functions(tree: ast.AST) -> Iterator[ast.AST]:
    yield tree
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _own(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of `scope` itself, not of the functions inside it (each a scope of its own)."""
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _assigned(scope: ast.AST) -> dict[str, ast.expr]:
    """Names assigned (plainly) in `scope` itself, not in functions inside it."""
    found: dict[str, ast.expr] = {}
    for node in _own(scope):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                found[target.id] = node.value
    return found


def _returned(scope: ast.AST) -> set[str]:
    """The names `scope` returns (`return lines`, `return tuple(notes)`)."""
    found: set[str] = set()
    for node in _own(scope):
        if isinstance(node, ast.Return) and node.value is not None:
            value = node.value
            if isinstance(value, ast.Call) and len(value.args) == 1:
                value = value.args[0]
            if isinstance(value, ast.Name):
                found.add(value.id)
    return found


def chinese_only_messages() -> dict[str, int]:
    """Each "path:function" making a Chinese-only message, with the line of its first."""
    errors = _error_names()
    files = [_File(p) for package in SCANNED for p in sorted((ROOT / package).rglob("*.py"))]
    returns = {name for f in files for name in f.returns_chinese}
    found: dict[str, int] = {}
    for file in files:
        for scope in _functions(file.tree):
            local = _assigned(scope)
            returned = _returned(scope)
            for node in _own(scope):
                if not isinstance(node, ast.Call):
                    continue
                for reason in _reasons(node, errors, returned, local):
                    if file.made_of(reason, dict(local), returns):
                        name = getattr(scope, "name", "<module>")
                        where = f"{file.path.relative_to(ROOT.parent).as_posix()}:{name}"
                        found.setdefault(where, node.lineno)
    return found


def test_no_message_the_desktop_shows_is_chinese_text_only() -> None:
    found = chinese_only_messages()
    left = {where: line for where, line in found.items() if where not in ALLOWED | LEFT}
    assert left == {}, "a message made as Chinese text, with no template to say it in English"


def test_the_allowed_are_still_there() -> None:
    """An entry of `ALLOWED` whose message has become a template (or gone) is taken out."""
    assert set(ALLOWED | LEFT) - set(chinese_only_messages()) == set()


def test_the_scan_finds_a_chinese_message_in_each_kind_of_sink(tmp_path) -> None:
    """The scan's own check: a made-up file with each kind of sink is found, a said() not."""
    source = """
def reject(self, row):
    raise ValidationFailed(f"第 {row} 行不对")

def warn(item, row):
    item.warnings.append("这一行" + f"{row}不对")

def problem(row):
    text = f"第 {row} 行"
    return RowProblem(row, text)

def kept(row):
    return RowProblem.of(row, said(NOT_READ, str(row)))

def refused_body():
    raise _Refusal(400, "truncated", "上传中断")

def refused_bundle():
    raise BundleRefused("invalid", "清单缺少设备标识")

def answered(ledger, record):
    answer = {"status": "已签发", "status_note": f"已签发为 {record.version}"}
    ledger.update("policy_drafts", "d1", answer)

def kept_too(ledger):
    ledger.update("persons", "p1", {"name": "张三", "change_reason": said(RESTORED)})
    raise BundleRefused("invalid", said(NO_ORIGIN))
"""
    path = tmp_path / "made.py"
    path.write_text(source, encoding="utf-8")
    made = _File(path)
    # (where the hub's refusal and a bundle's give their words: after their status and code)
    ours = _error_names()
    assert (ours["_Refusal"], ours["BundleRefused"]) == ((2, "message"), (1, "detail"))
    errors = {"ValidationFailed": (0, "reason"), **ours}
    hits = []
    for scope in _functions(made.tree):
        if isinstance(scope, ast.Module):
            continue
        local = _assigned(scope)
        for node in _own(scope):
            if isinstance(node, ast.Call):
                found = _reasons(node, errors, local=local)
                if any(made.made_of(r, dict(local), set()) for r in found):
                    hits.append(scope.name)  # type: ignore[attr-defined]
    assert hits == ["reject", "warn", "problem", "refused_body", "refused_bundle", "answered"]
