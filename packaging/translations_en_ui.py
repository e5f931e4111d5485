"""English for the coordinator's day (issue 18): merged into `translations_en.EN` / `PLURALS`."""

from __future__ import annotations

EN_UI: dict[str, str] = {
    "请稍候": "Please wait",
    "还有导入、导出或同步在进行，请等它完成后再切换语言。": "An import, export or exchange is still running; switch the language when it has finished.",
}

PLURALS_UI: dict[str, tuple[str, str]] = {}
