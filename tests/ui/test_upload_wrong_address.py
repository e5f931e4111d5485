"""上传并接收 to an address where something answers but no hub serves (a router's page, the
wrong port): the coordinator is told what to check, not only that the address is wrong."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fieldapp.hub.folder import Hub
from tests.codes import ENROL_CODE
from tests.ui.conftest import VILLAGE, wait_idle


class NotAHub(BaseHTTPRequestHandler):
    """A web server that is not the county hub: every path is 404."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = b"<html><body>Not Found</body></html>"
        self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def test_an_address_without_a_hub_says_what_to_check(window, qtbot, tmp_path, warnings_shown):
    """It said 中心地址不对（HTTP 404）：http://… and nothing more: the coordinator did not know
    whether to change the address, the port, or to give up. It now says no hub answers there,
    to check the address and its port with the county, or to use a USB stick."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    hub.close()
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    server = ThreadingHTTPServer(("127.0.0.1", 0), NotAHub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        page.url.setText(url)
        page.push()
        wait_idle(qtbot, page)
    finally:
        server.shutdown()
        server.server_close()
    said = warnings_shown[-1]
    assert url in said and "没有汇总中心" in said, said
    assert "核对" in said and "端口" in said and "U盘" in said, said


def test_a_file_that_is_not_a_bundle_says_which_file_to_choose(
    window, qtbot, tmp_path, warnings_shown
):
    """导入数据包… with the Excel list chosen by mistake said 这不是 fieldapp 数据包: the program's
    inner name (the window calls itself 劳动力台账) and nothing of which file to pick. It now
    names the program as the coordinator knows it and the files to choose (….fieldsync)."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    hub.close()
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    wrong = tmp_path / "大坝村花名册.xlsx"
    wrong.write_bytes(b"PK\x03\x04 not a bundle")
    page.import_from(wrong)
    wait_idle(qtbot, page)
    said = warnings_shown[-1]
    assert "fieldapp" not in said and "劳动力台账" in said, said
    assert ".fieldsync" in said and "导出" in said, said
    assert wrong.exists()  # the coordinator's own file is left where it was


class PageNotHub(NotAHub):
    """A router's page or another web site: it answers every path with 200 and HTML."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = "<html><body>路由器登录</body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_an_address_answering_a_web_page_says_what_to_check(tmp_path):
    """Something answering 200 with a page, not the hub's answer, said 这个地址不是 fieldapp
    汇总中心 (the program's inner name) and nothing of what to check."""
    from fieldapp.sync.client import health
    from fieldapp.sync.errors import SyncError

    server = ThreadingHTTPServer(("127.0.0.1", 0), PageNotHub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            health(url)
        except SyncError as error:
            said = str(error)
        else:
            raise AssertionError("a web page taken for the hub")
    finally:
        server.shutdown()
        server.server_close()
    assert url in said and "没有劳动力台账的汇总中心" in said and "fieldapp" not in said, said
    assert "端口" in said and "U盘" in said, said
