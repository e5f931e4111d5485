"""Public notices: masked IDs and accounts only, notice period and where objections go."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

from fieldapp.domain.claims import Batch
from fieldapp.paperwork.jobs import NO_PHONE_NOTE, notice_job, notice_period, roster_job
from fieldapp.paperwork.masking import mask_account, mask_id, public_title
from fieldapp.paperwork.roster import render_notice
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.views import NoticeView
from fieldapp.policy.pack import Policy
from fieldapp.policy.registry import PolicyRegistry, base_dir
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import add_claims
from tests.paperwork.packs import PRIVATE_RULES
from tests.paperwork.pdftext import ID_RE, assert_fonts_embedded, page_texts, reader, rendered
from tests.paperwork.roster_views import PER_PAGE, _roster


def test_masking():
    assert mask_id("520102198503161234") == "520102********1234"
    assert mask_id(mask_id("520102198503161234")) == "520102********1234"
    assert mask_account("6230 5201 0203 0405 067") == "****5067"
    assert mask_account("12") == "****"
    assert mask_id("12345") == "****2345"


def _all_bytes_text(pdf: bytes) -> str:
    """Every stream inflated plus the raw file, for a search no extractor can miss."""
    chunks = [pdf.decode("latin-1")]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            chunks.append(match.group(1).decode("latin-1"))
    return "".join(chunks)


def test_no_full_id_or_account_anywhere_in_a_notice():
    view = _roster(PER_PAGE + 3)
    settings = PaperSettings(
        county_name="播州区",
        objection_contact="龙坑街道社会事务办",
        objection_phone="0851-27221234",
    )
    pdf = render_notice(NoticeView(view, dt.date(2026, 11, 24), dt.date(2026, 11, 30)), settings)
    texts = page_texts(pdf)
    joined = "\n".join(texts)
    everything = joined + _all_bytes_text(pdf) + str(reader(pdf).metadata)
    for row in view.rows:
        assert row.id_number not in everything
        assert row.id_number[6:14] not in joined  # no birth date either
        assert row.account not in everything
        assert mask_id(row.id_number) in joined
        assert mask_account(row.account) in joined
        assert row.name in joined
    assert ID_RE.findall(joined) == []
    for text in texts:
        assert "2026年11月24日至2026年11月30日（5个工作日）" in text
        assert "龙坑街道社会事务办" in text and "0851-27221234" in text
    assert "播州区一次性交通补助拟享受人员公示表" in texts[0]
    assert_fonts_embedded(pdf)


def test_notice_period_counts_statutory_working_days():
    settings = PaperSettings(notice_days=5)
    # Five working days from a Monday end on Friday; a Saturday start moves to Monday.
    start, end = notice_period(settings, dt.date(2026, 11, 23))
    assert (start, end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 27))
    start, end = notice_period(settings, dt.date(2026, 11, 21))  # a Saturday
    assert (start, end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 27))
    calendar_days = PaperSettings(notice_days=7, notice_working_days=False)
    assert notice_period(calendar_days, dt.date(2026, 11, 21)) == (
        dt.date(2026, 11, 21),
        dt.date(2026, 11, 27),
    )


def test_notice_from_the_ledger_is_masked(ledger):
    batch_id, _claims = add_claims(ledger, 4)
    ledger.set_meta("paper.objection_contact", "大坪村村务监督委员会")
    job = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    text = "\n".join(page_texts(job.render()))
    ids = [r[0] for r in ledger.db.execute("SELECT id_number FROM persons").fetchall()]
    assert ids and all(i not in text and mask_id(i) in text for i in ids)
    assert "大坪村村务监督委员会" in text


def test_a_notice_without_a_complaint_phone_leaves_a_blank_to_fill_in_by_hand(ledger):
    """A township that never set its complaint phone printed its notice with no phone line at
    all, so villagers had no number to call; the notice now leaves 监督电话：________ for the
    township to write in by hand, and prints the number once it is set. The paragraph above
    the table, which said 向…反映； with no number and nowhere to write one, leaves the same
    blank in its （联系电话：…）."""
    batch_id, _claims = add_claims(ledger, 2)
    job = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    assert NO_PHONE_NOTE in job.note  # said before it is posted (the preview, the command)
    texts = page_texts(job.render())
    for text in texts:
        flat = "".join(text.split())
        assert re.search(r"监督电话：_{6,}", flat), flat[-200:]
        assert re.search(r"反映（联系电话：_{6,}）；", flat), flat[:300]
        assert "None" not in flat
    ledger.set_meta("paper.objection_phone", "0851-27221234")
    job = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    assert "异议受理电话" not in job.note
    text = "".join("".join(page_texts(job.render())).split())
    assert "监督电话：0851-27221234" in text
    assert "反映（联系电话：0851-27221234）；" in text
    assert "监督电话：_" not in text and "联系电话：_" not in text


def _holds_only(ledger, claim_id: str, categories: list[str], held: str | None) -> None:
    """The claim's person holds `held` alone (None: no category at all), and the claim froze
    `categories` when it was made."""
    import json

    claim = ledger.get("claims", claim_id)
    facts = json.loads(claim["facts"])
    with ledger.transaction():
        ledger.update(
            "claims", claim_id, {"facts": json.dumps({**facts, "categories": categories})}
        )
        for (row_id,) in ledger.db.execute(
            "SELECT id FROM person_categories WHERE person_id = ?", [claim["person_id"]]
        ).fetchall():
            if held is None:
                ledger.update("person_categories", row_id, {"end_date": "2015-12-31"})
            else:
                ledger.update("person_categories", row_id, {"category": held})


def test_a_person_of_private_categories_alone_reads_on_the_notice_as_one_of_none(ledger):
    """The 公示表 on the village wall leaves out 残疾人, 戒毒康复人员 and 刑满释放人员 — and
    printed the 人员类别 of a person who held nothing else blank, beside 其他农村劳动力 on the
    row of a worker of no group: a blank there told the village he was in one of the three.
    He is now posted as 其他农村劳动力, as a worker of no group is, whether the claim froze
    his category or the ledger holds it; the 花名册 the county pays from still names it."""
    batch_id, claims = add_claims(ledger, 4)
    _holds_only(ledger, claims[0], [], "残疾人")
    _holds_only(ledger, claims[1], [], None)
    _holds_only(ledger, claims[2], ["刑满释放人员", "戒毒康复人员"], "刑满释放人员")
    names = [ledger.get("claims", c)["person_name"] for c in claims]
    texts = page_texts(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())
    flat = "".join("".join(texts).split())
    # Each row's cells, from its name to the next row's name (or the page's subtotal).
    ends = [flat.index(n) for n in names] + [flat.index("本页小计")]
    rows = {name: flat[ends[i] : ends[i + 1]] for i, name in enumerate(names)}
    for name in names[:3]:
        assert "其他农村劳动力" in rows[name], rows
    assert "脱贫人口" in rows[names[3]]
    assert not any(word in flat for word in ("残疾", "刑满释放", "戒毒"))
    kept = "".join("".join(page_texts(roster_job(ledger, batch_id).render())).split())
    assert all(word in kept for word in ("残疾人", "刑满释放人员", "戒毒康复人员"))


def _county_policy(tmp_path: Path) -> Policy:
    """The policy in force with PRIVATE_RULES' county pack over the province's."""
    local = tmp_path / "packs"
    local.mkdir()
    (local / "bozhou.toml").write_text(PRIVATE_RULES, encoding="utf-8")
    return PolicyRegistry(base=base_dir(), local=local).load()


def _under_rule(ledger: Ledger, rule_id: str, title: str, batch_title: str) -> str:
    """Two claims under `rule_id` (its title recorded, as the claim service records it) in a
    batch named `batch_title`; the batch's id."""
    batch_id, claims = add_claims(ledger, 2)
    with ledger.transaction():
        for claim_id in claims:
            ledger.update("claims", claim_id, {"rule_id": rule_id, "rule_title": title})
        ledger.update("batches", batch_id, {"title": batch_title})
    return batch_id


def test_a_county_rule_named_after_a_private_group_is_posted_under_a_public_name(ledger, tmp_path):
    """A county's own rule titled 一次性求职创业补贴（残疾人首次外出务工） or 刑满释放人员就业补贴
    was printed as the 公示表's heading, in its paragraph (符合…申领条件), in the batch name
    at its foot (which is the rule's title by default) and in the PDF's subject: the notice on
    the village wall told everyone that each person listed was disabled or had served a
    sentence — the very thing its 人员类别 column leaves out. The notice now posts the
    subsidy under its public name (一次性求职创业补贴, 就业补贴); the 花名册 the county pays
    from keeps the rule's title."""
    policy = _county_policy(tmp_path)
    cases = {
        "bozhou_disabled_export": "一次性求职创业补贴",
        "bozhou_released_job": "就业补贴",
    }
    for rule_id, public in cases.items():
        title = policy.rule(rule_id).title
        batch_id = _under_rule(ledger, rule_id, title, f"{title}（2 人）")
        job = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
        pdf = job.render()
        flat = "".join("".join(page_texts(pdf)).split())
        subject = str(reader(pdf).metadata)
        for word in ("残疾", "刑满释放"):
            assert word not in flat and word not in subject and word not in job.title
        assert f"{public}拟享受人员公示表" in flat, flat[:200]
        assert f"符合{public}申领条件" in flat, flat
        # The count the batch was titled with is left out: the notice counts what it lists.
        assert f"批次{public}，" in flat and "（2人）" not in flat, flat
        kept = "".join("".join(page_texts(roster_job(ledger, batch_id).render())).split())
        assert "".join(title.split()) in kept


def test_a_private_word_a_notice_prints_as_recorded_is_pointed_out_before_it_is_posted(ledger):
    """An employer recorded as 某某残疾人托养中心 prints in the notice's 务工地点（用工单位）
    as recorded (a name is not the notice's to reword): the print now says whose row carries
    the word, to cover before posting; a notice with none says nothing of it."""
    import json

    batch_id, claims = add_claims(ledger, 2)
    assert "遮住" not in notice_job(ledger, batch_id, dt.date(2026, 11, 23)).note
    claim = ledger.get("claims", claims[0])
    facts = json.loads(claim["facts"])
    facts["spell"]["employer"] = "宁波某某残疾人托养中心"
    with ledger.transaction():
        ledger.update("claims", claims[0], {"facts": json.dumps(facts, ensure_ascii=False)})
    note = notice_job(ledger, batch_id, dt.date(2026, 11, 23)).note
    assert f"{claim['person_name']}的务工地点（用工单位）" in note, note
    assert "残疾" in note and "遮住" in note, note


def test_a_group_cut_from_a_title_listing_groups_leaves_the_list_open():
    """'脱贫人口和残疾人就业补贴' was posted as '脱贫人口就业补贴': a disabled person who is
    not 脱贫人口 was listed under a 脱贫人口 subsidy. A private group cut from a list of groups
    now leaves the list open with 等 after the groups kept, wherever it stood in the list; a
    list of private groups only goes whole, and so does 及其家庭成员 after one; a private group
    listed with what is not read as a group is posted under the public subsidy name."""
    cases = {
        "脱贫人口和残疾人就业补贴": "脱贫人口等就业补贴",
        "残疾人和脱贫人口就业补贴": "脱贫人口等就业补贴",
        "脱贫人口、残疾人、易地搬迁人口就业补贴": "脱贫人口、易地搬迁人口等就业补贴",
        "脱贫人口、刑满释放人员和戒毒康复人员就业补贴": "脱贫人口等就业补贴",
        "残疾人、退役军人及高校毕业生创业补贴": "退役军人、高校毕业生等创业补贴",
        "吸纳脱贫人口和残疾人就业奖补": "吸纳脱贫人口等就业奖补",
        "脱贫人口、残疾人等就业补贴": "脱贫人口等就业补贴",
        "脱贫人口家庭和残疾人家庭就业补贴": "脱贫人口家庭等就业补贴",
        "残疾人及其家庭成员就业补贴": "就业补贴",
        "服刑人员子女助学补贴": "助学补贴",
        # what follows 和 is not read as a group: where 等 would go is unknown
        "残疾人和某某帮扶补贴": "就业补贴",
        "刑满释放人员和戒毒康复人员就业补贴": "就业补贴",
        "刑满释放人员就业补贴": "就业补贴",
        "一次性求职创业补贴（残疾人首次外出务工）": "一次性求职创业补贴",
        "一次性交通补助（脱贫人口新跨省务工）": "一次性交通补助（脱贫人口新跨省务工）",
    }
    for title, posted in cases.items():
        assert public_title(title) == posted, title
        assert public_title(posted) == posted, posted


def test_a_subsidy_for_groups_of_which_one_is_private_is_posted_as_an_open_list(ledger, tmp_path):
    """The notice of a county rule titled 脱贫人口和残疾人就业补贴 (a real PDF): heading,
    paragraph and batch say 脱贫人口等就业补贴, never 脱贫人口就业补贴 nor 残疾."""
    policy = _county_policy(tmp_path)
    title = policy.rule("bozhou_lifted_disabled_job").title
    batch_id = _under_rule(ledger, "bozhou_lifted_disabled_job", title, f"{title}（2 人）")
    job = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    pdf = job.render()
    flat = "".join("".join(page_texts(pdf)).split())
    assert "残疾" not in flat and "残疾" not in str(reader(pdf).metadata)
    assert "脱贫人口就业补贴" not in flat, flat
    assert "脱贫人口等就业补贴拟享受人员公示表" in flat, flat[:200]
    assert "符合脱贫人口等就业补贴申领条件" in flat, flat
    assert "批次脱贫人口等就业补贴，" in flat, flat


def test_a_batch_named_after_a_private_group_alone_is_posted_under_the_subsidys_name(
    ledger, tmp_path
):
    """A batch the coordinator named 残疾人（2 人） (or 刑满释放人员) was posted at the notice's
    foot as 批次（2 人）: now the subsidy's public name stands where the group did
    (一次性交通补助, 一次性求职创业补贴 — the count it was named with left out, as every
    batch's); the 花名册 keeps the batch's name."""
    policy = _county_policy(tmp_path)
    export = policy.rule("bozhou_disabled_export").title
    cases = (
        ("", "", "残疾人（2 人）", "批次一次性交通补助，"),
        ("bozhou_disabled_export", export, "残疾人（2 人）", "批次一次性求职创业补贴，"),
        ("bozhou_disabled_export", export, "刑满释放人员", "批次一次性求职创业补贴，"),
    )
    for rule_id, title, batch_title, posted in cases:
        if rule_id:
            batch_id = _under_rule(ledger, rule_id, title, batch_title)
        else:  # add_claims' own rule, 一次性交通补助
            batch_id, _claims = add_claims(ledger, 2)
            with ledger.transaction():
                ledger.update("batches", batch_id, {"title": batch_title})
        flat = "".join("".join(page_texts(notice_job(ledger, batch_id).render())).split())
        assert posted in flat, flat
        assert "批次（" not in flat and "残疾" not in flat and "刑满释放" not in flat, flat
        kept = "".join("".join(page_texts(roster_job(ledger, batch_id).render())).split())
        assert f"批次{Batch(rule_id=rule_id, title=batch_title).name()}，" in kept, kept


def test_a_notice_whose_objection_office_is_blank_names_the_default_office(ledger, tmp_path, qapp):
    """An 异议受理单位 cleared to blanks (typed so into the ledger's meta, or a settings object
    made with none) printed 请以书面、电话或当面方式向反映: objections sent to no one. Blanks
    are now as unset: the default office, the township's centre where the batch's township is
    known, and the generic centre where it is not."""
    batch_id, _claims = add_claims(ledger, 2)
    ledger.set_meta("paper.objection_contact", "   ")
    job = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    pdf = job.render()
    flat = "".join("".join(page_texts(pdf)).split())
    assert "向反映" not in flat
    assert "当面方式向龙坑街道人力资源和社会保障服务中心反映（联系电话：" in flat, flat[:400]
    png = tmp_path / "blank_office.png"
    assert rendered(pdf).save(str(png))  # the page draws, and has more on it than a blank one
    assert png.stat().st_size > 10_000

    view = NoticeView(_roster(3), dt.date(2026, 11, 24), dt.date(2026, 11, 30))
    text = "".join(
        "".join(page_texts(render_notice(view, PaperSettings(objection_contact="")))).split()
    )
    assert "向反映" not in text
    assert "当面方式向乡镇（街道）人力资源和社会保障服务中心反映（联系电话：" in text
