"""`trust.printable` takes a fast path for plain text (`str.isprintable`) and walks the
characters only when that says no: the same text out as the character walk for anything."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.services.trust import printable


def _walked(text: object) -> str:
    """The character walk alone (what `printable` did before its fast path)."""
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch).startswith("C") else ch for ch in str(text)
    )


EDGES = [
    "",
    "张三",
    "王 五",  # ASCII space: printable
    "李\u3000四",  # ideographic space (Zs): isprintable says no, the walk keeps it
    "行\u2028分\u2029段",  # line/paragraph separators (Zl/Zp): kept, not C*
    "\u00a0不断空格",  # no-break space (Zs)
    "零宽\u200b空格",  # Cf
    "\u202e反向覆盖",  # right-to-left override (Cf)
    "\ufeff带BOM",  # Cf
    "换\n行\r回\t制表\x00空\x1b[31m\x7f\x85",  # Cc, with a terminal escape
    "孤\ud800代理\udfff",  # lone surrogates (Cs)
    "私用\ue000区",  # private use (Co)
    "未分配\u0378",  # unassigned (Cn)
    "𠀀𪚥扩展汉字",  # CJK outside the BMP
    "贵州省黔东南州",
]


def test_edges_the_same_as_the_walk() -> None:
    for text in EDGES:
        assert printable(text) == _walked(text), repr(text)
    # and the fast path is not a pass-through for what must be escaped
    assert printable("零宽\u200b空格") == "零宽\\u200b空格"
    assert printable("\u202e反向") == "\\u202e反向"
    assert printable("孤\ud800") == "孤\\ud800"
    assert printable("a\nb") == "a\\u000ab"
    assert printable("李\u3000四") == "李\u3000四"
    assert printable(12) == "12" and printable(None) == "None"


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_any_text_the_same_as_the_walk(text: str) -> None:
    assert printable(text) == _walked(text)


@given(
    st.lists(
        st.sampled_from(
            ["张", "a", " ", "\u3000", "\u200b", "\u202e", "\n", "\ud800", "𠀀", "\x1b"]
        )
    ).map("".join)
)
def test_mixed_edges_the_same_as_the_walk(text: str) -> None:
    assert printable(text) == _walked(text)
