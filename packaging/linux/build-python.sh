#!/bin/sh
# Build CPython 3.11 inside the old-glibc build root (Debian 11 "bullseye", glibc 2.31), so the
# interpreter PyInstaller freezes runs on UOS 20 / Kylin V10. Run by packaging/build.py inside
# the chroot; idempotent (skips when /opt/fieldapp-python/bin/python3.11 exists).
#
# Source: Debian bookworm's python3.11 source package (upstream 3.11.2 plus Debian's patches),
# fetched with `apt-get source`. Only the upstream-style fixes of Debian's patch series are applied
# (from shutdown-deadlock.diff on: crash fixes and every CVE fix since 3.11.2); the Debian layout
# patches before them (dist-packages, multiarch names, disabled ensurepip) are not wanted in a
# private interpreter. SQLite is built from bookworm's sqlite3 source (3.40) rather than taking
# bullseye's 3.34, so the frozen app has the same SQL features as a developer's Python.
#
# glibc 2.28: Debian 11 has 2.31, whose libm gives exp/log/pow/exp2/log2 new symbol versions
# (GLIBC_2.29) and which has sem_clockwait (2.30). The interpreter and SQLite are linked to the
# old versions (still exported by every newer glibc) and configured without sem_clockwait, so
# nothing we build needs more than Qt's own wheels do (2.28).
set -eu
PREFIX=/opt/fieldapp-python
MARK="$PREFIX/.glibc-2.28"
if [ -f "$MARK" ] && "$PREFIX/bin/python3.11" -c "import sqlite3, ssl, pyexpat, _elementtree" 2>/dev/null; then
    echo "python: $($PREFIX/bin/python3.11 -V) already built"; exit 0
fi
rm -rf "$PREFIX"
JOBS="${JOBS:-2}"
mkdir -p /src && cd /src
cat > /src/glibc-2.28.h <<'H'
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
H
OLD_GLIBC="-include /src/glibc-2.28.h"
if [ ! -d sqlite ]; then
    apt-get source --download-only -q sqlite3 >/dev/null
    mkdir sqlite && tar -xf sqlite3_*.orig.tar.* -C sqlite --strip-components=1
fi
if [ ! -f "$PREFIX/lib/libsqlite3.so" ]; then
    (cd sqlite && { make distclean >/dev/null 2>&1 || true; } && ./configure --prefix="$PREFIX" --disable-static --disable-tcl \
        CFLAGS="-O2 $OLD_GLIBC -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_JSON1 \
-DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_SECURE_DELETE \
-DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000" \
        >/dev/null && make -j"$JOBS" >/dev/null && make install >/dev/null)
fi
if [ ! -d cpython ]; then
    apt-get source --download-only -q python3.11 >/dev/null
    mkdir cpython && tar -xf python3.11_*.orig.tar.* -C cpython --strip-components=1
    mkdir debian-py && tar -xf python3.11_*.debian.tar.xz -C debian-py
    cd cpython
    sed -n '/^shutdown-deadlock.diff/,$p' ../debian-py/debian/patches/series | while read -r p; do
        case "$p" in ""|\#*) continue ;; esac
        patch -p1 -s -N < "../debian-py/debian/patches/$p" || { echo "patch $p failed" >&2; exit 1; }
    done
    # Debian builds pyexpat into the interpreter; its CVE-2025-12084 fix includes internal
    # headers that a shared-module build only accepts as Py_BUILD_CORE_MODULE (as 3.11.x does).
    grep -q Py_BUILD_CORE_MODULE Modules/pyexpat.c || sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' Modules/pyexpat.c
    cd ..
fi
cd cpython
make distclean >/dev/null 2>&1 || true
./configure --prefix="$PREFIX" --enable-shared --with-ensurepip=install --enable-optimizations=no \
    ac_cv_func_sem_clockwait=no CFLAGS="$OLD_GLIBC" \
    CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib -Wl,-rpath,$PREFIX/lib" >/dev/null
make -j"$JOBS" >/dev/null 2>&1
make install >/dev/null 2>&1
"$PREFIX/bin/python3.11" -c "import sqlite3, ssl, ctypes, lzma, bz2, zlib, uuid, pyexpat, _elementtree; print('python', __import__('sys').version.split()[0], 'sqlite', sqlite3.sqlite_version, ssl.OPENSSL_VERSION)"
touch "$MARK"
