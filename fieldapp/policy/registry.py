"""Finding, loading and installing policy packs; a broken pack never replaces a good one.

The policy in force is the seeds' pack shipped in `fieldapp/resources/policies/` (built in), then the
county pack the hub published (when the ledger holds one whose signature verifies; see
`fieldapp.services.policy_admin`), then packs installed by hand into the user's data folder
(`<data>/policies/`) — the last only where local installs are allowed (not on coordinator and
township devices, whose rules come from the county). Each time a local pack loads cleanly a copy
is kept in `<data>/policies/.last_good/`, so a pack damaged later (a bad edit, a half-copied
file) is refused with its file, line and problem while the last good copy stays in force.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.paths import data_dir, resource
from fieldapp.policy.combine import check_figure_documents, check_new_pack, combine
from fieldapp.policy.pack import PackError, PackFile, Policy
from fieldapp.policy.packfile import check_words_written, read_pack_file

#: A pack file by the name its messages use.
NamedPack = tuple[str, PackFile]


def base_dir() -> Path:
    """The bundled packs."""
    return resource("policies")


def local_dir() -> Path:
    """Where county packs are installed by hand."""
    path = data_dir() / "policies"
    path.mkdir(parents=True, exist_ok=True)
    return path


#: A pack installed by hand that is broken now: the file, line and problem (`PackError`), and
#: what is used instead.
KEPT_LAST_GOOD = template("%1；仍使用上次可用的版本")
NOT_TAKEN = template("%1；该政策包未启用")
#: The built-in packs hold not exactly one base pack (%1 how many).
ONE_BASE = template("应有且只有一个基础政策包，找到 %1 个")
#: A pack installed by hand (%3 its version) older than the one in use (%1 its title, %2 its
#: version): named by its title, as 设置 shows it (its id is the program's, not the clerk's).
NEWER_IN_USE = template(
    "本机已启用政策包“%1”的 %2 版，比 %3 版新；要换回旧版，请县里按新版本号重新发布"
)


class PolicyRegistry:
    """The policy in force, loaded from the bundled, the hub-published and the installed packs."""

    def __init__(self, base: Path | None = None, local: Path | None = None) -> None:
        self.base = base or base_dir()
        self._local = local
        self.current: Policy | None = None
        #: Why a pack installed by hand was not taken (as sentences: `warnings` is their Chinese).
        self.said: list[Sentence] = []

    @property
    def warnings(self) -> list[str]:
        """Why a pack installed by hand was not taken, in Chinese."""
        return [str(s) for s in self.said]

    @property
    def local(self) -> Path:
        """The folder of packs installed by hand (made on first use)."""
        if self._local is None:
            self._local = local_dir()
        return self._local

    def base_files(self) -> list[NamedPack]:
        """The built-in packs: one base pack first, then packs extending it."""
        files = [(p.name, read_pack_file(p)) for p in sorted(self.base.glob("*.toml"))]
        roots = [f for f in files if not f[1].pack.extends]
        if len(roots) != 1:
            raise PackError(str(self.base), None, said(ONE_BASE, str(len(roots))))
        return roots + [f for f in files if f[1].pack.extends]

    def local_names(self) -> list[str]:
        """Names of the packs installed by hand."""
        return sorted(p.name for p in self.local.glob("*.toml"))

    def _local_files(self, warnings: list[Sentence]) -> list[NamedPack]:
        good_dir = self.local / ".last_good"
        found: list[NamedPack] = []
        for path in sorted(self.local.glob("*.toml")):
            try:
                found.append((path.name, read_pack_file(path)))
                good_dir.mkdir(exist_ok=True)
                shutil.copyfile(path, good_dir / path.name)
            except PackError as error:
                fallback = good_dir / path.name
                if fallback.exists():
                    found.append((path.name, read_pack_file(fallback)))
                    warnings.append(said(KEPT_LAST_GOOD, error.reason))
                else:
                    warnings.append(said(NOT_TAKEN, error.reason))
        return found

    def load(self, hub: Sequence[NamedPack] = (), *, local: bool = True) -> Policy:
        """Load the built-in packs, `hub` (the county's published pack) and, when `local`, the
        packs installed by hand; raises PackError only when no usable policy results."""
        warnings: list[Sentence] = []
        locals_ = self._local_files(warnings) if local else []
        source = "local" if locals_ else "hub" if hub else "builtin"
        policy = combine([*self.base_files(), *hub, *locals_], source=source)
        self.current, self.said = policy, warnings
        return policy

    def reload(self, hub: Sequence[NamedPack] = (), *, local: bool = True) -> Policy:
        """Load again; on a broken pack keep the previous policy in force and raise."""
        previous = self.current
        try:
            files = [*self.base_files(), *hub]
            if local:
                files += [(p.name, read_pack_file(p)) for p in sorted(self.local.glob("*.toml"))]
            combine(files)
        except PackError:
            self.current = previous
            raise
        return self.load(hub, local=local)

    def policy(self) -> Policy:
        """The policy in force (loaded on first use)."""
        return self.current or self.load()

    def check(self, path: Path, hub: Sequence[NamedPack] = ()) -> Policy:
        """Validate a pack file alone and together with the packs in force (nothing changes)."""
        candidate = read_pack_file(path)
        check_words_written(path.read_text(encoding="utf-8"), path.name)
        return self.check_pack(path.name, candidate, hub)

    def check_pack(self, name: str, candidate: PackFile, hub: Sequence[NamedPack] = ()) -> Policy:
        """Validate a pack on top of the built-in (and `hub`) packs and the other local ones
        (not the earlier versions of the same pack, which it replaces)."""
        if not candidate.pack.extends:
            return combine([(name, candidate)])
        base = self.base_files()
        local = self._local_files([])
        others = [f for f in local if f[0] != name and f[1].pack.id != candidate.pack.id]
        check_new_pack([*base, *hub, *others], name, candidate)
        policy = combine([*base, *hub, *others, (name, candidate)], source="local")
        earlier = [p for _n, p in local if p.pack.id == candidate.pack.id]
        check_figure_documents(name, candidate, policy, earlier[-1] if earlier else None)
        return policy

    def install(self, path: Path, hub: Sequence[NamedPack] = ()) -> Policy:
        """Check a county pack, then copy it in (whole, or not at all) and make it the policy in
        force. A new version of a pack replaces its earlier versions, whatever their file names;
        an older version than the one installed is refused."""
        candidate = read_pack_file(path)
        check_words_written(path.read_text(encoding="utf-8"), path.name)
        header = candidate.pack
        earlier = [
            (name, pack)
            for name, pack in self._local_files([])
            if pack.pack.id == header.id and name != path.name
        ]
        for _name, pack in earlier:
            if is_newer_version(pack.pack.version, header.version):
                refused = said(NEWER_IN_USE, pack.pack.title, pack.pack.version, header.version)
                raise PackError(path.name, None, refused)
        self.check_pack(path.name, candidate, hub)
        target = self.local / path.name
        part = target.with_name(f".{target.name}.part")
        shutil.copyfile(path, part)
        os.replace(part, target)
        for name, _pack in earlier:
            (self.local / name).unlink(missing_ok=True)
            (self.local / ".last_good" / name).unlink(missing_ok=True)
        return self.load(hub)


def _version_key(version: str) -> tuple[int, ...] | None:
    """'2026.2' → (2026, 2); None for a version not made of numbers."""
    parts = version.strip().split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


def is_newer_version(installed: str, candidate: str) -> bool:
    """True when `installed` is a later version than `candidate` (both YYYY.n)."""
    old, new = _version_key(installed), _version_key(candidate)
    return old is not None and new is not None and old > new
