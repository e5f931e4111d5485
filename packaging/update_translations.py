"""Refresh fieldapp/resources/translations/fieldapp_en.ts from the code and compile fieldapp_en.qm.

    python packaging/update_translations.py          # extract, fill English, compile
    python packaging/update_translations.py --check  # exit 1 if a string lacks English

pyside6-lupdate keeps translations already in the .ts; strings still unfinished are filled from
packaging/translations_en.py. Anything left unfinished is listed.

The domain's Chinese words the sync page translates (`fieldapp.ui.held_words.words()`: table and
field names, a sentence), the clock's sentences (`fieldapp.services.clock`, which the
command line says in Chinese), the policy pack's refusals of a county status word
(`fieldapp.policy.pack.status_word_sentences`) and the templates of the write door's refusals
(`fieldapp.domain.sentences.TEMPLATES`) live in dicts and constants lupdate cannot read: this
script first writes them out as QT_TRANSLATE_NOOP calls (fieldapp/ui/held_words_catalogue.py);
`--check` fails when that file no longer says what the domain does.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
TS = ROOT / "fieldapp" / "resources" / "translations" / "fieldapp_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
CATALOGUE = ROOT / "fieldapp" / "ui" / "held_words_catalogue.py"


def load_every_template() -> None:
    """Import every module below the desktop: a template is made when its module is imported
    (`sentences.template`), so a hand-kept list of modules to import missed each new one — its
    templates then went untranslated while `--check` passed. The test that every template is
    met by a scenario loads them the same way."""
    import importlib
    import pkgutil

    sys.path.insert(0, str(ROOT))
    import fieldapp

    for module in pkgutil.walk_packages(fieldapp.__path__, "fieldapp."):
        if not module.name.startswith(("fieldapp.ui", "fieldapp.__main__")):
            importlib.import_module(module.name)


def catalogue() -> str:
    """held_words_catalogue.py as the domain's words make it (one QT_TRANSLATE_NOOP a word):
    the held lines' words (`held_words.words()`), the clock's sentences
    (`clock_said.sentences()`, the service's own), why a county status word is refused
    (`status_words_said.sentences()`, the policy pack's own) and the templates of the write
    door's refusals (`sentences.TEMPLATES`, context `Refusals`)."""
    load_every_template()
    from fieldapp.domain.sentences import TEMPLATES
    from fieldapp.ui import clock_said, held_words, status_words_said

    marks = "".join(
        f"    QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(w, ensure_ascii=False)}),\n"
        for context, said in (
            (held_words.CONTEXT, held_words.words()),
            (clock_said.CONTEXT, clock_said.sentences()),
            (status_words_said.CONTEXT, status_words_said.sentences()),
            # (sorted: the order modules made them in is the order a process imported them,
            # which differs between this script and a test that imported the desktop first)
            (held_words.REFUSALS, (*sorted(TEMPLATES), *held_words.SENTENCE_WORDS)),
        )
        for w in said
    )
    return (
        '"""The words `fieldapp.ui.held_words`, `fieldapp.ui.clock_said` and\n'
        "`fieldapp.ui.status_words_said` translate, and the write door's refusals' templates\n"
        "(`fieldapp.domain.sentences`), marked for pyside6-lupdate (the app never imports\n"
        "this). Written by packaging/update_translations.py\n"
        'from the domain\'s lists; do not edit: run `python packaging/update_translations.py`."""\n\n'
        "from PySide6.QtCore import QT_TRANSLATE_NOOP\n\n"
        f"# fmt: off\nWORDS = (\n{marks})\n# fmt: on\n"
    )


def sources() -> list[str]:
    """Every Python file of the desktop app."""
    return sorted(str(p) for p in (ROOT / "fieldapp" / "ui").rglob("*.py"))


def extract(target: Path) -> None:
    """Run pyside6-lupdate into `target` (keeps existing translations, drops obsolete ones)."""
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *sources(),
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def fill(target: Path) -> list[str]:
    """Fill unfinished messages from the table; returns sources still without English."""
    from translations_en import EN, PLURALS

    tree = ET.parse(target)
    missing: list[str] = []
    # A word said otherwise in one context than elsewhere has its English under
    # "context|word" (History|删除: Deleted, where a button's 删除 is Delete).
    in_context = {
        message: context.findtext("name") or ""
        for context in tree.iter("context")
        for message in context.iter("message")
    }
    for message in tree.iter("message"):
        # lupdate takes every `#:` comment above a tr() call for a note to translators; in this
        # code they document attributes (a list's width, a timer's interval), so they only
        # mislead: "Parts delivered but not shown yet" beside 按姓名或身份证号筛选.
        for note in message.findall("extracomment"):
            message.remove(note)
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if message.get("numerus") == "yes":
            forms = PLURALS.get(source)
            if forms is None:
                missing.append(source)
                continue
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            translation.attrib.pop("type", None)
            continue
        context = in_context.get(message, "")
        # A word tr() tells apart by a disambiguation (the .ts's <comment>) has its English
        # under "word|disambiguation" (补贴|column: Subsidy, where the filter's 补贴 is Subsidies).
        comment = message.findtext("comment")
        if comment:
            english = EN.get(f"{source}|{comment}")
        else:
            english = EN.get(f"{context}|{source}", EN.get(source))
        if english is None:
            if translation.get("type") == "unfinished":
                missing.append(source)
            continue
        wrong = parts_unsaid(context, source, english)
        if wrong:
            missing.append(f"{source} ({wrong})")
            continue
        translation.text = english
        translation.attrib.pop("type", None)
    ET.indent(tree)
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(tree.getroot(), encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    return missing


#: A counted noun an English template writes (`fieldapp.ui.held_words.COUNTED`).
COUNTED = re.compile(r"\{%(\d)#?\|([^{}|]*)\|([^{}|]*)\}")


def parts_unsaid(context: str, source: str, english: str) -> str:
    """What is wrong with `english` as the translation of `source`, or "": a counted noun
    (`{%2|person|people}`) outside a refusal's template (context `Refusals`), where nothing
    would pick its word (`held_words.sentence_shown` does, there only); in a refusal's
    template, a counted noun naming a part the source has not, or a part (%1, %2 …) of the
    source the English does not say — a counted noun names part %2 but does not say it, so
    only its words count (`{%2|one row|%2 rows}` says it). (The days' templates, context
    `Days`, say a month by its name, %4, for the number %2: not checked.)"""
    marks = COUNTED.findall(english)
    if marks and context != "Refusals":
        return "a counted noun {%N|…|…} only works in a refusal's template"
    if context != "Refusals":
        return ""
    numbers = set(re.findall(r"%(\d)", source))
    named = {number for number, _one, _more in marks}
    if not named <= numbers:
        return f"a counted noun names a part the Chinese has not: %{', %'.join(sorted(named - numbers))}"
    words = COUNTED.sub(lambda m: f"{m[2]} {m[3]}", english)
    unsaid = numbers - set(re.findall(r"%(\d)", words))
    return f"the English does not say %{', %'.join(sorted(unsaid))}" if unsaid else ""


def compile_qm() -> None:
    """pyside6-lrelease the .ts into the .qm the app loads."""
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True
    )


def main(argv: list[str] | None = None) -> int:
    """Extract, fill, compile (or only check)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    target = TS
    if args.check:
        import shutil
        import tempfile

        target = Path(tempfile.mkdtemp()) / TS.name
        shutil.copyfile(TS, target)
    written = catalogue()
    if args.check:
        if not CATALOGUE.exists() or CATALOGUE.read_text(encoding="utf-8") != written:
            print(f"{CATALOGUE.name} is out of date: run packaging/update_translations.py")
            return 1
    else:
        CATALOGUE.write_text(written, encoding="utf-8")
    extract(target)
    missing = fill(target)
    for source in missing:
        print(f"no English for: {source!r}")
    if not args.check:
        compile_qm()
    elif not missing and not _compiled_as_committed(target):
        # A merge that kept one side's generated .ts/.qm passed the check above while the app
        # loaded the other side's English (a page's new words shown in Chinese).
        print(f"{TS.name} or {QM.name} is out of date: run packaging/update_translations.py")
        return 1
    return 1 if missing else 0


def _compiled_as_committed(checked: Path) -> bool:
    """True when the .ts just extracted and filled (`checked`, a copy) is the committed one and
    compiles to the committed .qm byte for byte."""
    if checked.read_bytes() != TS.read_bytes():
        return False
    compiled = checked.with_suffix(".qm")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(checked), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    return QM.exists() and compiled.read_bytes() == QM.read_bytes()


if __name__ == "__main__":
    raise SystemExit(main())
