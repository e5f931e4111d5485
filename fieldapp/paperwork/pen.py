"""Drawing on a ReportLab canvas with the font chain: text runs, text fitted into cells, lines.

Papers are drawn straight on the canvas (not with platypus tables) because every layout here is
a fixed grid whose rows must never split: computing the grid ourselves is simpler to reason
about, and fast enough for a 1,000-row roster.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fieldapp.domain.dates import china_time, written
from fieldapp.paperwork.fonts import FontChain, default_chain

#: Words of the funding sources the packs name, each printed whole: a line breaks between
#: them (衔接推进 / 乡村振兴 / 补助资金), never inside one.
FUNDING_WORDS = ("就业补助资金", "衔接推进", "乡村振兴")

#: Pieces that wrap as a whole: a document's number with its issuer's code (黔府发〔2023〕12号,
#: 七人社通〔2026〕3号) and an item (第（十三）条, （四）) as they are cited; a funding
#: source's words, and the last four characters of any source (…补助资金, …专项资金,
#: …保险基金: never 衔接推进乡村振兴补 / 助资金); a day as papers write it (2026年12月10日,
#: never 2026年12 / 月10日); numbers, ID numbers, Latin words, dates.
_TOKENS = re.compile(
    r"[\u4e00-\u9fff]{0,6}〔\d{4}〕\d+号|第?（[一二三四五六七八九十百]+）[条项款]?"
    r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?"
    rf"|{'|'.join(FUNDING_WORDS)}|[\u4e00-\u9fff]{{2}}[资基]金"
    r"|[0-9A-Za-z.\-*/:：（）()]+|\s+|.",
    re.S,
)

#: The pieces of a whole too wide for its line (黔人社厅发〔2026〕12号 in a narrow column):
#: the issuer's code by characters, the number whole; a source's last four characters whole
#: (就业 / 补助资金), its other words by characters.
_PIECES = re.compile(
    r"〔\d{4}〕\d+号|[\u4e00-\u9fff]{2}[资基]金|[0-9A-Za-z.\-*/:：（）()]+|\s+|.", re.S
)

#: Punctuation that must not begin a line (it stays at the end of the previous one).
_NO_LINE_START = frozenset("，。、；：！？）》」』】〕”’,.;:!?)")

#: Punctuation that must not end a line (it goes on with what it opens).
_NO_LINE_END = frozenset("（《「『【〔“‘(")

#: A day or month as papers write it (2026年10月27日, 2026年10月): shrunk, never broken.
_DAY = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")

#: The words of a list of papers, each 已附 or 未附 (附送材料: 身份证复印件：已附；劳动合同
#: （1年以上）：未附): a paper's name — with its bracketed note, 劳动合同（1年以上） — and
#: 已附 / 未附 each wrap as a whole (a name's notes anywhere in it: 村（居）委会考核评分表),
#: so a line breaks after the list's ；, 、 or ：, never inside a name (机 / 构营业执照) or
#: between 已 and 附; a name with its ：已附 wraps whole where it fits a line (never
#: 身份证复印件： / 已附), else by its groups; a name longer than a line still breaks by its
#: characters.
_PAPER = r"(?<![^；、])[^；、：（）\s]+(?:（[^；、：（），。\s]{1,12}）[^；、：（）\s]*)*"
LISTED_WORDS = re.compile(
    rf"(?P<paper>{_PAPER})(?P<colon>：)(?P<mark>[已未]附)|[已未]附|{_PAPER}(?=[：、；（]|$)"
)

#: Smallest size text shrinks to before it wraps (still readable on paper).
MIN_SIZE = 6.5


@dataclass(frozen=True)
class Footer:
    """What every page's footer says besides its page number."""

    ref: str
    printed_at: str
    code: str


def printed_stamp(printed_at: dt.datetime | None = None) -> str:
    """A footer's 打印时间 (2026年12月4日 10:31, as the paper's other days): `printed_at`, now
    when None, in China time — the time the print log and every other screen show, on a
    computer kept in UTC too."""
    when = china_time(printed_at)
    return f"{written(when.date())} {when:%H:%M}"


def _tokens(paragraph: str, words: re.Pattern[str] | None) -> list[str]:
    """A paragraph's pieces that wrap whole: `words`' matches, the rest as `_TOKENS` has it."""
    if words is None:
        return _TOKENS.findall(paragraph)
    tokens: list[str] = []
    at = 0
    for match in words.finditer(paragraph):
        if not match.group():
            continue
        tokens += _TOKENS.findall(paragraph[at : match.start()])
        tokens.append(match.group())
        at = match.end()
    return tokens + _TOKENS.findall(paragraph[at:])


def _pieces(token: str, words: re.Pattern[str] | None) -> list[str]:
    """The pieces a whole too wide for its line wraps by: a match of `words` with named
    groups (a paper's name, its ：, its 已附) by its groups, any other by `_PIECES`."""
    found = words.fullmatch(token) if words is not None else None
    groups = [g for g in found.groups() if g] if found else []
    return groups if len(groups) > 1 else _PIECES.findall(token)


def _name_parts(text: str) -> list[str]:
    """A name of parts joined by · (欧阳娜仁其木格·阿依古丽) as its lines, each ending in its
    ·; [] for any other text (one with spaces, or no ·)."""
    if "·" not in text.strip("·") or any(c.isspace() for c in text):
        return []
    pieces = text.split("·")
    return [f"{piece}·" for piece in pieces[:-1]] + [pieces[-1]]


class Pen:
    """A canvas plus the font chain: every string goes through `runs` so no glyph is missing."""

    def __init__(self, canvas: Canvas, fonts: FontChain | None = None) -> None:
        self.c = canvas
        self.fonts = fonts or default_chain()

    # -- text -------------------------------------------------------------------------------

    def width(self, text: str, size: float) -> float:
        """Printed width of `text`."""
        return self.fonts.width(text, size)

    def text(
        self, x: float, y: float, text: str, size: float, align: str = "left", bold: bool = False
    ) -> None:
        """Draw one line with its baseline at y; align is left, center or right of x.

        Bold is the glyphs filled and stroked (render mode 2): the bundled fonts have no bold face.
        """
        if not text:
            return
        if align != "left":
            w = self.width(text, size)
            x -= w / 2 if align == "center" else w
        runs = self.fonts.runs(text)
        c = self.c
        if len(runs) == 1 and not bold:
            c.setFont(runs[0][0], size)
            c.drawString(x, y, text)
            return
        obj = c.beginText(x, y)
        if bold:
            c.setLineWidth(size * 0.035)
            obj.setTextRenderMode(2)
        for font, piece in runs:
            obj.setFont(font, size)
            obj.textOut(piece)
        c.drawText(obj)

    def heading(self, x: float, y: float, text: str, size: float, width: float) -> float:
        """A bold title centred on x, shrunk to fit `width` (a long county name with a long
        rule title used to run off both edges of the page); returns the size used."""
        size = self.fitting(text, size, width)
        self.text(x, y, text, size, "center", bold=True)
        return size

    def fitting(self, text: str, size: float, width: float) -> float:
        """The size (at most `size`) at which `text` is no wider than `width`."""
        natural = self.width(text, 1.0)
        return min(size, width / natural) if natural > 0 else size

    def wrap(
        self,
        text: str,
        width: float,
        size: float,
        *,
        hang: bool = True,
        words: re.Pattern[str] | None = None,
    ) -> list[str]:
        """Break text into lines no wider than `width` (Chinese per character, numbers whole).

        A comma or closing bracket never starts a line: with `hang` (a paragraph, whose margin
        has room) it overhangs the line's end; without (a cell, whose line it would cross) it
        takes the line's last word on to the next line with it. `words` (`LISTED_WORDS`)
        marks pieces of the text that wrap whole where they fit a line."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line, line_w, last = "", 0.0, ""
            tokens = _tokens(paragraph, words)[::-1]  # a stack: the next token last
            while tokens:
                token = tokens.pop()
                token_w = self.width(token, size)
                pieces = _pieces(token, words) if token_w > width else [token]
                if len(pieces) > 1:
                    # A whole wider than the line (a document's number with its issuer's code,
                    # a source's words, a day, a paper's name): wrapped by its pieces, its
                    # number still whole. It starts on a fresh line if that breaks it fewer
                    # times than going on from the line's end (公益性岗位人员花名册… broken
                    # twice where once would do).
                    fresh = self._spans(pieces, 0.0, width, size)
                    if line.strip() and fresh < self._spans(pieces, line_w, width, size):
                        carried = len(line) - len(line.rstrip("".join(_NO_LINE_END)))
                        opened = line[-carried:] if carried and carried < len(line) else ""
                        lines.append(line[: len(line) - len(opened)].rstrip())
                        line, last = opened, opened
                        line_w = self.width(opened, size) if opened else 0.0
                    tokens.extend(reversed(pieces))
                    continue
                if line and token in _NO_LINE_START:
                    kept = line[: -len(last)] if last else ""
                    pushed = not hang and line_w + token_w > width and bool(kept.strip())
                    pushed = pushed and not last.isspace()
                    if not pushed:
                        # Hanging punctuation: a comma never starts a line, it overhangs.
                        line += token
                        line_w += token_w
                        last += token
                        continue
                    # Pushed on: the line's last word goes on with it (and what opens it).
                    carried = len(kept) - len(kept.rstrip("".join(_NO_LINE_END)))
                    if carried and carried < len(kept):
                        kept, last = kept[:-carried], kept[-carried:] + last
                    lines.append(kept.rstrip())
                    line = last + token
                    line_w, last = self.width(line, size), line
                    continue
                if line and line_w + token_w > width:
                    # An opening bracket goes on to the next line with what it opens.
                    carried = len(line) - len(line.rstrip("".join(_NO_LINE_END)))
                    if carried and carried < len(line):
                        line, opened = line[:-carried], line[-carried:]
                    else:
                        opened = ""
                    lines.append(line.rstrip())
                    line, line_w = opened, self.width(opened, size) if opened else 0.0
                    if token.isspace():
                        last = ""
                        continue
                if token_w > width:
                    # A token wider than the line (a long account number): split it by characters.
                    for char in token:
                        char_w = self.width(char, size)
                        if line and line_w + char_w > width:
                            lines.append(line)
                            line, line_w = "", 0.0
                        line += char
                        line_w += char_w
                    last = line
                    continue
                line += token
                line_w += token_w
                last = token
            lines.append(line.rstrip())
        return lines

    def _spans(self, pieces: list[str], at: float, width: float, size: float) -> int:
        """How many lines `pieces` take laid greedily from `at` on a line `width` wide (the
        first line counted whether or not a piece lands on it): each piece whole if it fits
        a line, else by its own pieces, at last by its characters."""
        return self._laid(pieces, at, width, size)[0]

    def _laid(self, pieces: list[str], at: float, width: float, size: float) -> tuple[int, float]:
        """`_spans`, with where the last line ends."""
        lines = 1
        for piece in pieces:
            piece_w = self.width(piece, size)
            if piece_w > width:
                inner = _PIECES.findall(piece)
                inner = inner if len(inner) > 1 else list(piece)
                if len(inner) > 1:
                    more, at = self._laid(inner, at, width, size)
                    lines += more - 1
                    continue
            if at > 0 and at + piece_w > width:
                lines += 1
                at = 0.0
            at += piece_w
        return lines, at

    def fit(
        self,
        text: str,
        x: float,
        y: float,
        w: float,
        h: float,
        size: float,
        *,
        align: str = "center",
        pad: float = 2.0,
        valign: str = "middle",
        least: float = MIN_SIZE,
        words: re.Pattern[str] | None = None,
    ) -> float:
        """Draw text inside the box (x, y = bottom left): shrink, then wrap; never cut off.
        `least`: the smallest a text may shrink to stay on one line (see `layout`); `words`:
        pieces wrapped whole (see `wrap`).

        Returns the size used.
        """
        if not text:
            return size
        # Clear of the border on every side: rows are short, so above and below get half the
        # padding, but never less than 2 pt (wrapped text used to touch the cell's lines).
        vpad = max(pad / 2, 2.0)
        inner_w, inner_h = w - 2 * pad, h - 2 * vpad
        lines, size = self.layout(text, inner_w, inner_h, size, least=least, words=words)
        lead = size * 1.18
        if valign == "top":
            base = y + h - vpad - size * 0.88
        else:
            base = y + h / 2 + (len(lines) - 1) * lead / 2 - size * 0.36
        for i, line in enumerate(lines):
            ly = base - i * lead
            if align == "left":
                self.text(x + pad, ly, line, size)
            elif align == "right":
                self.text(x + w - pad, ly, line, size, "right")
            else:
                self.text(x + w / 2, ly, line, size, "center")
        return size

    def layout(
        self,
        text: str,
        w: float,
        h: float,
        size: float,
        *,
        least: float = MIN_SIZE,
        words: re.Pattern[str] | None = None,
    ) -> tuple[list[str], float]:
        """The lines and size that make `text` fit a w × h box. A text a little too long for
        one line shrinks onto it (to 0.88 of `size`, never below `least`: a form keeps its
        smallest type) rather than wrap; one longer wraps, shrinking only if the box is too
        low for its lines."""
        if "\n" not in text and self.width(text, size) <= w:
            return [text], size
        # One line if shrinking a little is enough; otherwise wrap, shrinking until it fits.
        one_line = w / max(self.width(text, 1.0), 1e-6)
        if "\n" not in text and one_line >= max(MIN_SIZE, least, size * 0.88):
            return [text], min(size, one_line)
        if "\n" not in text and _DAY.fullmatch(text) and one_line >= MIN_SIZE:
            # A day (2026年10月27日) shrinks to its cell rather than break: never 2026年10 / 月27日.
            return [text], min(size, one_line)
        parts = _name_parts(text)
        if parts:
            # A name of parts (欧阳娜仁其木格·阿依古丽) breaks after its ·, each part whole,
            # when every part fits a line: never 欧阳娜仁其木 / 格·阿依古丽.
            lines, trial = self.layout("\n".join(parts), w, h, size, least=least)
            if len(lines) == len(parts):
                return lines, trial
        trial = size
        while True:
            lines = self.wrap(text, w, trial, hang=False, words=words)
            if len(lines) * trial * 1.18 <= h + 0.01 or trial <= 3.0:
                return lines, trial
            trial -= 0.5

    # -- lines ------------------------------------------------------------------------------

    def rect(self, x: float, y: float, w: float, h: float, width: float = 0.6) -> None:
        """A box outline."""
        self.c.setLineWidth(width)
        self.c.rect(x, y, w, h, stroke=1, fill=0)

    def hline(self, x1: float, x2: float, y: float, width: float = 0.6) -> None:
        """A horizontal line."""
        self.c.setLineWidth(width)
        self.c.line(x1, y, x2, y)

    def footer(
        self, footer: Footer, page: int, pages: int, left: float, right: float, y: float
    ) -> None:
        """The verification footer: page n of m; then reference, print time and content code."""
        self.text((left + right) / 2, y + 10, f"第 {page} 页 共 {pages} 页", 9, "center")
        self.hline(left, right, y + 7, 0.3)
        stamp = f"打印时间 {footer.printed_at}  校验码 {footer.code}"
        self.text(right, y, stamp, 7, "right")
        # The reference (a batch's name is the coordinator's, at any length) shrinks to the
        # room left of the print time rather than run under it.
        room = right - left - self.width(stamp, 7) - 12
        self.text(left, y, footer.ref, self.fitting(footer.ref, 7, room))


#: What every page of a paper printed from a demo ledger says, top and across.
DEMO_MARK = "演示台账"
DEMO_NOTE = "演示台账 · 人员均为虚构，不得作为正式材料"


class MarkedCanvas(Canvas):
    """A canvas that marks every page it finishes (a demo ledger's papers: 演示台账)."""

    def __init__(
        self, out: io.BytesIO, pagesize: tuple[float, float], font: str, mark: str = ""
    ) -> None:
        super().__init__(
            out,
            pagesize=pagesize,
            pageCompression=1,
            # types-reportlab says float; ReportLab takes the initial font's name here.
            initialFontName=font,  # type: ignore[arg-type]
        )
        self.mark = mark
        #: The page's size as set (ReportLab keeps it only in a private attribute).
        self.page_size = pagesize

    def setPageSize(self, size: tuple[float, float]) -> None:  # noqa: N802 - ReportLab's name
        """Set the size of the pages from the next one on (remembered for the mark)."""
        super().setPageSize(size)
        self.page_size = size

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        """Draw the mark, then end the page."""
        if self.mark:
            self._draw_mark()
        super().showPage()

    def _draw_mark(self) -> None:
        width, height = self.page_size
        pen = Pen(self)
        self.saveState()
        self.setFillColorRGB(0.78, 0.1, 0.1)
        pen.text(width - MARGIN, height - MARGIN / 2 - 4, DEMO_NOTE, 9, "right", bold=True)
        # Across the page, light, so the paper stays readable but can never pass as real.
        self.setFillColorRGB(0.85, 0.85, 0.85, alpha=0.35)
        self.translate(width / 2, height / 2)
        self.rotate(30)
        pen.text(0, -30, self.mark, min(width, height) / 6, "center")
        self.restoreState()


def new_canvas(
    pagesize: tuple[float, float], title: str, subject: str = "", *, demo: bool = False
) -> tuple[Canvas, io.BytesIO]:
    """A compressed canvas writing into memory, with the document's title set.

    `demo` (a demo ledger's paper) marks every page 演示台账, at the top and across it.
    """
    buffer = io.BytesIO()
    # The initial font must be ours: ReportLab otherwise lists Helvetica (never embedded) on
    # every page even when no text uses it.
    primary = default_chain().primary
    canvas = MarkedCanvas(buffer, pagesize, primary, mark=DEMO_MARK if demo else "")
    if demo:
        title = f"{DEMO_MARK} {title}"
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setCreator("fieldapp 劳动力台账")
    canvas.setAuthor("fieldapp")
    return canvas, buffer


#: Page margins used by every paper.
MARGIN = 14 * mm


@dataclass(frozen=True)
class Cell:
    """One cell of a form row: its width, text, and whether it is a label (centred)."""

    width: float
    text: str = ""
    label: bool = False
    align: str = ""
    #: Pieces of the text wrapped whole (`LISTED_WORDS` for a list of papers).
    words: re.Pattern[str] | None = None


def draw_row(
    pen: Pen,
    x: float,
    top: float,
    height: float,
    cells: list[Cell],
    size: float,
    *,
    least: float = MIN_SIZE,
) -> None:
    """Draw a row of boxed cells hanging from `top`; labels centred, values left-aligned; a
    value shrinks onto one line no smaller than `least` (else it wraps)."""
    y = top - height
    for cell in cells:
        pen.rect(x, y, cell.width, height)
        align = cell.align or ("center" if cell.label else "left")
        pen.fit(
            cell.text,
            x,
            y,
            cell.width,
            height,
            size,
            align=align,
            pad=3,
            least=least,
            words=cell.words,
        )
        x += cell.width
