"""The county hands out `红星村.enrol` (what `hub enroll --out` writes, as the docs show); the sync
page's 用登记文件登记本机… listed only *.json and *.fieldenrol, so the file did not appear in the
dialog until the coordinator found 所有文件."""

from __future__ import annotations

import fnmatch
import re

from PySide6.QtWidgets import QFileDialog


def test_the_enrol_dialog_shows_the_countys_enrol_file(window, monkeypatch):
    filters: list[str] = []

    def get_open_file_name(_parent, _caption="", _folder="", selected="", *a, **k):
        filters.append(selected)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    page = window.show_page("sync")
    page.enrol_dialog()
    first = filters[0].split(";;")[0]  # the filter the dialog opens with
    patterns = re.findall(r"\*\.[\w]+", first)
    assert any(fnmatch.fnmatch("红星村.enrol", p) for p in patterns), first
