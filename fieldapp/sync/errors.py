"""Why a bundle was refused: a code for programs and a Chinese sentence for people."""

from __future__ import annotations

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import COLONED, Sentence, said, template

#: Refusal codes and their Chinese explanation (the detail follows it).
REASONS = {
    "not_bundle": "这不是劳动力台账的数据包",
    "missing": "找不到数据包文件",
    "truncated": "数据包不完整（可能拷贝中断或U盘被拔出）",
    "tampered": "数据包已损坏或被改动，签名或校验不符",
    "newer_format": "数据包格式比本程序新，请先升级本程序（劳动力台账）",
    "wrong_recipient": "数据包不是发给本机的",
    "unknown_key": "数据包来自未登记的设备或密钥",
    "revoked": "发送设备已被注销，其数据包不再接受",
    "replay": "这是一个旧的数据包（已导入过更新的），拒绝重放",
    "reused_seq": "数据包中的修改序号与已有记录重复但内容不同（设备数据可能被复制）",
    "gap": "数据包缺少部分修改，不能导入",
    "foreign_change": "数据包含有其他设备的新修改，不能代为提交",
    "number_clash": "这台电脑的台账标识会编出与另一台电脑相同的编号",
    "invalid": "数据包内容不合格",
    "disk_full": "磁盘空间不足或无法写入",
    "busy": "台账正忙（另一项导入、审核或同步正在写入），请稍后再试",
    "read_only": "台账不能写入（只读），没有导入任何修改",
    "unsure_recorded": "不能确定是否已导入",
    "not_enrolled": "本台账尚未登记到县级汇总中心",
    "demo": "这是演示台账的数据包（人员都是虚构的），正式的县级汇总中心不接收演示数据",
}

#: Each code's explanation as a template (a window says a refusal in its language: the stick
#: imported on the 同步 page said 数据包已损坏… in the English window).
REASONS_SAID = {code: template(text) for code, text in REASONS.items()}

#: The details a bundle on a stick meets, said after its code's explanation: read, opened and
#: its sender checked on the device (a file path, said as it is). The rarer ones (a manifest
#: or header altered past its signature, a revoked sender) are still said in Chinese only.
SHORT_FILE = template("文件过短")
HEADER_CUT = template("文件头不完整")
HEADER_UNREAD = template("文件头无法识别")
HEADER_FORMAT = template("文件头格式号不对")
NEWER_FORMAT = template("格式 %1，本程序支持到 %2")
NOT_DECRYPTED = template("解密失败（文件被截断或改动）")
BAD_SIGNATURE = template("签名不符")
TO_KEY = template("收件密钥 %1")
NOT_FOUND = template("%1（文件名或文件夹写错了？）")
A_FOLDER = template("%1 是文件夹，请给出其中的数据包文件")
ENROL_FIRST = template("请先用县里发的登记文件登记本机")


#: Why a device's bundle was refused, as the hub's answer tells the village's coordinator
#: (`bundle.RefusedBundle`): no change ids, no commands; what to do. Codes not here are said
#: by `REASONS` alone.
SAID_TO_THE_VILLAGE = {
    "reused_seq": (
        "这台电脑有些修改的编号，中心已经收到过内容不同的一份："
        "多半是这台电脑的台账从备份（或另一台电脑）拷回来过"
    ),
    "number_clash": (
        "这台电脑编出的申请编号、批次编号会与另一台电脑的相同，两张纸上会印出同一个编号"
    ),
    "tampered": "数据包已损坏或被改动（可能拷贝时中断或U盘被拔出）：请重新导出一次，再交给县里",
    "truncated": "数据包不完整（可能拷贝时中断或U盘被拔出）：请重新导出一次，再交给县里",
    "gap": "数据包缺少部分修改：请在“同步”页勾选“全部重发”，导出后再交给县里",
    "foreign_change": "这个数据包不能由这台电脑提交：请联系县里管理汇总中心的同志",
    "invalid": "数据包内容不合格：请联系县里管理汇总中心的同志",
    # No longer said of a new refusal: the hub's own full disk is its trouble, not the
    # bundle's (`exchange.OWN_TROUBLE`, never kept against a device). Kept because refusals an
    # older hub kept (and an older hub still running) carry these very words, which the
    # desktop matches to say them in its own language (`ui.pages.sync.refusal_words`).
    "disk_full": "县里的电脑磁盘已满，这个数据包没有导入：请再导出一次，交给县里",
}

#: What a village's device is told over HTTP when its upload met the hub's own trouble
#: (`exchange.OWN_TROUBLE`: its store busy, read-only, its disk full) — not the advice the
#: county's clerk reads (腾出磁盘空间, 数据库管理员), which the hub's log keeps: nothing of
#: the bundle was imported, nothing is held against the device, and the same sync later goes
#: in. Templates: a device told one of these codes says it in its own words, in the language
#: shown (`client.refused_upload`), not in the hub's.
HUB_TROUBLE_SAID = {
    "busy": template("县里的中心正忙，暂时不能接收数据包，没有导入任何修改，请稍后再同步"),
    "read_only": template("县里的中心暂时不能接收数据包，没有导入任何修改，请稍后再同步"),
    "disk_full": template(
        "县里的中心磁盘已满，暂时不能接收数据包，没有导入任何修改，请稍后再同步"
        "（急用可改用U盘交换）"
    ),
}

#: What a county device is told of its query or decision (各设备同步情况, 未接受的修改, 接受,
#: 不予采纳, 重新核对) that met the hub's own trouble (`exchange.OWN_TROUBLE`: its database
#: restarting, read-only, its disk full): nothing of a 数据包 — it sent none — only that the
#: hub could not do it now and to try again. The county desktop says it in its own words after
#: what did not happen (`client._hub_answer`); an older one shows these, the hub's.
HUB_TROUBLE_ASKED = template(
    "县里的中心暂时处理不了（中心自己的问题，不是本机的），请稍后再试；"
    "一直这样，请告诉管理汇总中心的同志"
)

#: The code of a county device's decision (接受, 不予采纳, 重新核对) whose recording the hub
#: cannot vouch for: its PostgreSQL connection went while the decision was being committed
#: (`saving.unsure_commit`) — the database may have recorded it before the connection went,
#: or not. Neither 没有记下 nor 已记下 is true to say.
UNSURE_RECORDED = "unsure_recorded"
#: What the county device is told of it (`client._hub_answer`, in its own words and language;
#: an older desktop shows the hub's, after its own 中心没有记下这次接受).
UNSURE_RECORDED_SAID = template(
    "不能确定县里的中心是否已记下这次的操作（中心记下时与它的数据库断开了连接）："
    "请刷新后查看，没有记下的再做一次"
)

#: What a village's device says of its upload the hub cannot vouch for (code
#: `UNSURE_RECORDED`, signed, HTTP 503 with `Retry-After`): the import's transaction lost its
#: PostgreSQL connection while it was committed, and the database may have taken the changes
#: or not. Sending them again is safe: the hub takes none twice (a bundle it imported is known
#: by its id; a new bundle of the same changes brings none it holds). `client.refused_upload`
#: says it in the device's words and language; the hub's message is the same words, which an
#: older device shows after its own 中心拒绝了上传.
UNSURE_UPLOADED = template(
    "不能确定县里的中心是否已收下本机这次上传的修改（中心保存时与它的数据库断开了连接）："
    "请稍后再同步一次，中心已收下的不会重复收下，本机不用重新录入"
)

#: The code of an upload the hub imported but could not answer (its database gone, its disk
#: full or a fault while it made the answer; HTTP 500, which an older device takes as the hub's
#: failure and says with the hub's words): signed by the hub for the upload, a device says
#: that its changes are at the hub and only the answer is to be fetched (`client._unfinished`).
ANSWER_NOT_MADE = "answer_not_made"


def said_to_the_village(code: str) -> str:
    """Why a device's bundle was refused, in its coordinator's words."""
    return SAID_TO_THE_VILLAGE.get(code) or REASONS.get(code) or "数据包没有导入"


#: The detail of a bundle that met a read-only ledger file (`REASONS["read_only"]`)…
READ_ONLY_FILE = (
    "U 盘打开了写保护、台账在光盘上，或没有写入权限。请去掉写保护（或把台账拷到电脑上）后再导入一次"
)
#: … or a county hub's PostgreSQL that takes no writes: no stick to unlock.
READ_ONLY_DATABASE = (
    "汇总中心的数据库只接受读取（可能连到了备用库，或数据库被设为只读）。"
    "请与数据库管理员联系，恢复写入后再导入一次"
)

#: … or met the hub's PostgreSQL gone from under the import (`saving.LOST`: restarted, shut
#: down, its connection ended): refused as busy, the hub's own trouble; the village syncs later.
DATABASE_LOST = (
    "与汇总中心数据库的连接断开了（数据库重启、关闭或连接被管理员断开），没有导入任何修改。"
    "中心会重新连接，请稍后再导入一次"
)

#: … or lost that connection while the import's transaction was committed
#: (`saving.unsure_commit`): the database may have recorded the bundle or not — refused as
#: `UNSURE_RECORDED`, the hub's own trouble; imported again, it is taken once.
DATABASE_LOST_AT_COMMIT = (
    "与汇总中心数据库的连接在保存时断开了（数据库重启、关闭或连接被管理员断开），"
    "数据库可能已经记下了这个数据包，也可能没有。中心会重新连接，请稍后再导入一次："
    "已导入的修改不会重复导入"
)

#: The detail of a bundle that met a full disk on its way in (SQLite's "disk I/O error" or a work
#: file's path told the clerk nothing to do).
NOTHING_IMPORTED_FULL = "磁盘已满，没有导入任何修改。请腾出磁盘空间后再导入一次"


class SyncError(FieldappError):
    """A sync operation that could not be done (Chinese message)."""


_said = said


class BundleRefused(SyncError):
    """A bundle that was not imported; nothing was changed and the file is in quarantine."""

    def __init__(
        self,
        code: str,
        detail: str | Sentence = "",
        *,
        cli_hint: str = "",
        said: Sentence | None = None,
    ) -> None:
        self.code = code
        self.detail = str(detail)
        self.cli_hint = cli_hint
        self.quarantined: str | None = None
        #: The enrolled device whose signature the bundle carried, when it got that far
        #: (`hub devices` counts the refusal under it).
        self.sender: str | None = None
        #: Why the refused file was not kept in quarantine (its device's share was full).
        self.not_kept: str | None = None
        #: The refused bundle's serial and the change-log id it was written under, when its
        #: signed manifest was read (the hub names it in the device's next answer).
        self.serial: int | None = None
        self.origin: str | None = None
        #: A replayed upload's: how many changes of its numbering the hub holds (the device
        #: tells a ledger copied back by hand by it; `exchange.ahead_of_log`).
        self.received: int | None = None
        # `said`: the whole refusal as a sentence (a window says it in its language); else the
        # code's explanation, then the detail (a sentence, or words said as they are).
        if said is None:
            reason: Sentence | str = _said(REASONS_SAID[code]) if code in REASONS_SAID else code
            super().__init__(_said(COLONED, reason, detail) if detail else reason)
        else:
            super().__init__(said)


class HubRefused(SyncError):
    """The hub refused an upload: its words, and its reason's code (`REASONS`, '' when it gave
    none) for a program to act on (the desktop says a copied-back ledger in its own words)."""

    def __init__(
        self, message: str | Sentence, code: str = "", *, copied_back: bool = False
    ) -> None:
        super().__init__(message)
        self.code = code
        #: The hub's numbers show this ledger was copied back from a backup by hand (it holds
        #: more of the ledger's present numbering than the ledger does): the desktop asks so.
        self.copied_back = copied_back


class AlreadyImported(SyncError):
    """The very same bundle was imported before; importing it again changes nothing."""
