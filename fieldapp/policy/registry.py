"""Finding, loading and installing policy packs; a broken pack never replaces a good one.

The seeds' pack ships in `fieldapp/resources/policies/`; county packs are installed into the user's data
folder (`<data>/policies/`). Each time a county pack loads cleanly a copy is kept in
`<data>/policies/.last_good/`, so a pack damaged later (a bad edit, a half-copied file) is refused
with its file, line and problem while the last good copy stays in force.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fieldapp.paths import data_dir, resource
from fieldapp.policy.pack import PackError, PackFile, Policy, combine, read_pack_file


def base_dir() -> Path:
    """The bundled packs."""
    return resource("policies")


def local_dir() -> Path:
    """Where county packs are installed."""
    path = data_dir() / "policies"
    path.mkdir(parents=True, exist_ok=True)
    return path


class PolicyRegistry:
    """The policy in force, loaded from the bundled and the installed packs."""

    def __init__(self, base: Path | None = None, local: Path | None = None) -> None:
        self.base = base or base_dir()
        self.local = local or local_dir()
        self.current: Policy | None = None
        self.warnings: list[str] = []

    def _base_files(self) -> list[tuple[str, PackFile]]:
        files = [(p.name, read_pack_file(p)) for p in sorted(self.base.glob("*.toml"))]
        roots = [f for f in files if not f[1].pack.extends]
        if len(roots) != 1:
            raise PackError(str(self.base), None, f"应有且只有一个基础政策包，找到 {len(roots)} 个")
        return roots + [f for f in files if f[1].pack.extends]

    def _local_files(self, warnings: list[str]) -> list[tuple[str, PackFile]]:
        good_dir = self.local / ".last_good"
        found: list[tuple[str, PackFile]] = []
        for path in sorted(self.local.glob("*.toml")):
            try:
                found.append((path.name, read_pack_file(path)))
                good_dir.mkdir(exist_ok=True)
                shutil.copyfile(path, good_dir / path.name)
            except PackError as error:
                fallback = good_dir / path.name
                if fallback.exists():
                    found.append((path.name, read_pack_file(fallback)))
                    warnings.append(f"{error}；仍使用上次可用的版本")
                else:
                    warnings.append(f"{error}；该政策包未启用")
        return found

    def load(self) -> Policy:
        """Load every pack; raises PackError only when no usable policy results."""
        warnings: list[str] = []
        files = self._base_files() + self._local_files(warnings)
        policy = combine(files)
        self.current, self.warnings = policy, warnings
        return policy

    def reload(self) -> Policy:
        """Load again; on a broken pack keep the previous policy in force and raise."""
        previous = self.current
        try:
            files = self._base_files()
            for path in sorted(self.local.glob("*.toml")):
                files.append((path.name, read_pack_file(path)))
            policy = combine(files)
        except PackError:
            self.current = previous
            raise
        self.current, self.warnings = policy, []
        return self.load()

    def policy(self) -> Policy:
        """The policy in force (loaded on first use)."""
        return self.current or self.load()

    def check(self, path: Path) -> Policy:
        """Validate a pack file alone and together with the packs in force (nothing changes)."""
        candidate = read_pack_file(path)
        if not candidate.pack.extends:
            return combine([(path.name, candidate)])
        files = self._base_files() + [f for f in self._local_files([]) if f[0] != path.name]
        return combine([*files, (path.name, candidate)])

    def install(self, path: Path) -> Policy:
        """Check a county pack, then copy it in and make it the policy in force."""
        self.check(path)
        target = self.local / path.name
        shutil.copyfile(path, target)
        return self.load()


def load_policy() -> Policy:
    """The policy in force for this user (bundled packs plus installed county packs)."""
    return PolicyRegistry().policy()
