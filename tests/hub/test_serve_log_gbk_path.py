"""`hub serve`'s access log masked a name percent-encoded in UTF-8 (/v1/%E5%BC%A0%E4%B8%89)
but a name encoded in GBK, as older county software and some browsers on Chinese Windows
send it (张三 is %D5%C5%C8%FD), was no UTF-8: it stayed encoded in the journal, for anyone
to decode. A run that is no UTF-8 is now read as GBK/GB18030 too, and what it says masked;
so is a rare name character whose second byte is a plain letter (燚 is %A0D) or a GB18030
four-byte one (𠀀 is %952%826)."""

from __future__ import annotations

import logging
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from fieldapp.domain.redact import RedactingFormatter
from tests.hub.httpkit import hub_serve
from tests.hub.test_serve_log_encoded_path import _status


def _gbk(text: str) -> str:
    return urllib.parse.quote(text.encode("gb18030"))


def _access_line(path: str) -> str:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:53210", "GET", path, "1.1", 404), None)  # fmt: skip
    return RedactingFormatter("%(message)s").format(record)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_gbk_encoded_name_in_a_path_is_masked(hub, tmp_path: Path) -> None:
    root = str(hub.root)
    hub.close()
    log_path = tmp_path / "hub-serve.log"
    name, other = _gbk("张三"), _gbk("王秀英")
    with hub_serve(Path(root), output=log_path) as url:
        assert _status(f"{url}v1/{name}?q={other}") == 404
        assert _status(f"{url}v1/p?q={_gbk('刘燚')}") == 404
        time.sleep(0.5)
    text = log_path.read_text("utf-8")
    assert '"GET /v1/health HTTP/1.1" 200' in text, text
    # The path uvicorn decodes itself (bytes that are no UTF-8 become U+FFFD, nothing left to
    # read); the query string comes as it was sent: the GBK there was kept for anyone to decode.
    assert '?q=‹3字› HTTP/1.1" 404' in text, text
    assert '"GET /v1/p?q=‹2字› HTTP/1.1" 404' in text, text
    for secret in (name, other, name.lower(), "%A0D", "张三", "王秀英"):
        assert secret not in text, (secret, text)


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/v1/%D5%C5%C8%FD", "/v1/‹2字›"),
        ("/v1/%d5%c5%c8%fd", "/v1/‹2字›"),
        ("/v1/p?q=%CD%F5+%D0%E3%D3%A2", "/v1/p?q=‹1字› ‹2字›"),
        ("/v1/p?q=%C1%F5%A0D", "/v1/p?q=‹2字›"),  # 刘燚: 燚's second byte is a plain D
        ("/v1/p?q=%CD%F5%FE%9F", "/v1/p?q=‹2字›"),  # 王䶮: 䶮 is GB18030's, not GBK's
        ("/v1/p?q=%952%826", "/v1/p?q=‹1字›"),  # 𠀀: four bytes in GB18030
        ("/v1/%D5%C5%C8%FD%FF", "/v1/‹2字›%FF"),  # a stray byte stays, the name is masked
        ("/v1/%E5%BC%A0%E4%B8%89", "/v1/‹2字›"),  # UTF-8, as before
    ],
)
def test_a_gbk_access_line_masks_after_decoding(path: str, said: str) -> None:
    line = _access_line(path)
    assert line == f'127.0.0.1:53210 - "GET {said} HTTP/1.1" 404', line


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/v1/%E7%8E%8Babc?x=%41B", "/v1/‹1字›abc?x=AB"),  # letters after UTF-8, as before
        ("/v1/%41B%42C", "/v1/ABBC"),  # a letter after a byte below 0x81 is no trail byte
    ],
)
def test_plain_letters_beside_an_encoding_stay(path: str, said: str) -> None:
    line = _access_line(path)
    assert line == f'127.0.0.1:53210 - "GET {said} HTTP/1.1" 404', line


def test_a_gb18030_control_character_is_not_decoded_into_the_log() -> None:
    """A line break or a right-to-left override written in GB18030's four bytes stays encoded,
    as the UTF-8 ones do (decoding must not let a request write or turn a line of the log)."""
    for ch in ("\u202e", "\u2028"):
        encoded = urllib.parse.quote(ch.encode("gb18030"))
        line = _access_line(f"/v1/%D5%C5{encoded}x")
        assert ch not in line and len(line.splitlines()) == 1, line
