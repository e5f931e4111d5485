"""`hub serve`'s access log wrote a request's path as it came, percent-encoded: a name asked
for in a URL (/v1/人/王秀英 is sent as /v1/%E4%BA%BA/%E7%8E%8B…) and an ID number written
with encoded digits went into the county's journal unmasked, for anyone to decode, while the
same name or number in clear was masked. The path is now decoded before it is masked, as the
log masks everywhere else; the request line and its status stay readable."""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from fieldapp.domain.redact import RedactingFormatter
from tests.hub.httpkit import hub_serve

NAME = "王秀英"
ID_NUMBER = "520103199001011234"
#: The ID number with every other digit percent-encoded (%35 is "5").
ENCODED_ID = "".join(f"%{ord(c):02X}" if i % 2 else c for i, c in enumerate(ID_NUMBER))


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_an_encoded_name_or_id_number_in_a_path_is_masked(hub, tmp_path: Path) -> None:
    root = str(hub.root)
    hub.close()
    log_path = tmp_path / "hub-serve.log"
    encoded_name = urllib.parse.quote(NAME)
    with hub_serve(Path(root), output=log_path) as url:
        assert _status(f"{url}v1/{encoded_name}?id={ENCODED_ID}") == 404
        assert _status(f"{url}v1/persons/{ENCODED_ID.lower()}") == 404
        time.sleep(0.5)
    text = log_path.read_text("utf-8")
    assert '"GET /v1/health HTTP/1.1" 200' in text, text
    assert '"GET /v1/‹3字›?id=‹18位数字› HTTP/1.1" 404' in text, text
    assert '"GET /v1/persons/‹18位数字› HTTP/1.1" 404' in text, text
    for secret in (NAME, encoded_name, encoded_name.lower(), ID_NUMBER, ENCODED_ID,
                   ENCODED_ID.lower()):  # fmt: skip
        assert secret not in text, (secret, text)


@pytest.mark.parametrize(
    "path",
    [
        "/v1/%E7%8E%8B%E7%A7%80%E8%8B%B1",
        "/v1/%e7%8e%8b%e7%a7%80%e8%8b%b1",
        "/v1/p?id=" + ENCODED_ID,
        "/v1/p?q=%E7%8E%8B+%E7%A7%80%E8%8B%B1",
    ],
)
def test_an_access_line_masks_after_decoding(path: str) -> None:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:53210", "GET", path, "1.1", 404), None)  # fmt: skip
    line = RedactingFormatter("%(message)s").format(record)
    assert line.startswith('127.0.0.1:53210 - "GET /v1/') and line.endswith(' HTTP/1.1" 404')
    assert "%" not in line and "王" not in line and ID_NUMBER not in line, line


def test_a_percent_that_is_no_encoding_stays() -> None:
    """A per cent sign in the program's own words, or bytes that are no UTF-8, stay as they are."""
    record = logging.LogRecord(
        "fieldapp", logging.INFO, __file__, 1, "%s", ("用了 50%，/v1/%ZZ%FF",), None
    )
    assert RedactingFormatter("%(message)s").format(record) == "用了 50%，/v1/%ZZ%FF".replace(
        "用了", "‹2字›"
    )


def test_a_secret_with_encoded_bytes_is_hidden_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A database URL's password written percent-encoded (p%40ss for p@ss) and a hidden
    password with a per cent sign in it are hidden as they were before the decoding."""
    from fieldapp.domain import redact as redact_module

    monkeypatch.setattr(redact_module, "_hidden", set())
    monkeypatch.setattr(redact_module, "_pattern", redact_module._EITHER)
    line = redact_module.redact("postgresql://fieldapp:Qiao%40tou%2F26@db.county/hub 王秀英")
    assert line == "postgresql://fieldapp:‹已隐去›@db.county/hub ‹3字›", line
    redact_module.hide("ab%41%42cd")
    line = redact_module.redact("口令 ab%41%42cd 与 %E7%8E%8B")
    assert line == "‹2字› ‹已隐去› ‹1字› ‹1字›", line


@pytest.mark.parametrize(
    "path",
    [
        "/v1/x%0A2026-12-06 10:00:00,000+08:00 INFO uvicorn.access：forged",
        "/v1/x%0D%0Aforged",
        "/v1/%E2%80%AE%E7%8E%8B",
    ],
)
def test_an_encoded_control_character_is_not_decoded_into_the_log(path: str) -> None:
    """Decoding must not let a request write a line of its own into the county's journal (an
    encoded line break) or turn the line around (an encoded right-to-left override)."""
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:53210", "GET", path, "1.1", 404), None)  # fmt: skip
    line = RedactingFormatter("%(message)s").format(record)
    assert "\n" not in line and "\r" not in line and "\u202e" not in line, line
    assert "%E7%8E%8B" not in line, line  # a name beside it decoded and masked all the same


@pytest.mark.parametrize(
    "path",
    [
        "/v1/%E7%8E%8B%E7%A7%80%E8%8B%B1%FF",
        "/v1/p?id=%FF" + ENCODED_ID,
        "/v1/%C0%E7%8E%8B%E7%A7%80%E8%8B%B1",
    ],
)
def test_a_byte_that_is_no_utf8_does_not_keep_a_name_beside_it_encoded(path: str) -> None:
    """One byte that is no UTF-8 (a client's stray %FF, or one put there on purpose) kept the
    whole run encoded as written: the name or ID number beside it went to the log for anyone to
    decode. The stray byte stays encoded, the text beside it is decoded and masked."""
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:53210", "GET", path, "1.1", 404), None)  # fmt: skip
    line = RedactingFormatter("%(message)s").format(record)
    assert "%E7" not in line and "%31" not in line and "\udcff" not in line, line
    assert "%FF" in line or "%C0" in line, line


def test_an_encoded_line_separator_is_not_decoded_into_the_log() -> None:
    """U+2028 and U+2029 break a line for whatever reads the journal with str.splitlines (and
    in editors): they stay encoded like a line break."""
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:53210", "GET", "/v1/x%E2%80%A8forged%E2%80%A9x",
                                "1.1", 404), None)  # fmt: skip
    line = RedactingFormatter("%(message)s").format(record)
    assert len(line.splitlines()) == 1, line
