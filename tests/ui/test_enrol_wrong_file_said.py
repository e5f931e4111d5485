"""用登记文件登记本机… with a wrong file (a photo, a file cut short on the stick) said
“… 不是 fieldapp 设备登记文件”: the program's inner name, which the coordinator has never seen
(the window calls itself 劳动力台账), as 导入数据包… once did for a wrong bundle. It names the
program as the window does."""

from __future__ import annotations


def test_a_wrong_enrolment_file_names_the_program_as_the_window_does(
    window, qtbot, tmp_path, warnings_shown
):
    page = window.show_page("sync")
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not text")
    other = tmp_path / "名单.json"
    other.write_text('{"kind": "别的"}', encoding="utf-8")
    for wrong in (photo, other):
        assert not page.enrol(wrong, code="0000000000000000")
        said = warnings_shown[-1]
        assert "fieldapp" not in said and "劳动力台账" in said, said
        assert "登记文件" in said, said
