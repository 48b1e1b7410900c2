#!/usr/bin/env python3
"""Which Debian packages the given ELF files need at run time, and whether a .deb depends on them.

    deb-needed-packages.py [--deb FILE.deb] ELF...

For every ELF file, the libraries it names itself (its DT_NEEDED entries, from `readelf -d`) are
resolved to paths with `ldd`, and `dpkg -S` names the package that ships each one. Libraries
only those libraries pull in are not counted: their packages' own Depends bring them. Prints one line per needed package, sorted:

    needed libpq5: covered            (with --deb, when its Depends names the package)
    needed libpq5: MISSING from Depends
    needed libpq5                     (without --deb)

A library no package owns (one built in the tree, say) is printed as `unowned PATH` and makes the
exit status 1, as does a package missing from Depends, an ELF file ldd cannot read, or a library
ldd cannot find.
"""
import argparse
import os
import re
import subprocess
import sys


def needed(elf):
    """The sonames elf names in its dynamic section (DT_NEEDED); None when it has none."""
    run = subprocess.run(["readelf", "-d", elf], capture_output=True, text=True)
    if run.returncode != 0:
        return None
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", run.stdout)


def libraries(elf):
    """The resolved paths of the libraries elf itself needs; error text on failure."""
    sonames = needed(elf)
    if sonames is None:
        return None, "%s: not an ELF file readelf can read" % elf
    run = subprocess.run(["ldd", elf], capture_output=True, text=True)
    if run.returncode != 0:
        return None, "%s: ldd failed: %s" % (elf, (run.stderr or run.stdout).strip())
    resolved = {}
    for line in run.stdout.splitlines():
        line = line.strip()
        m = re.match(r"(\S+) => (/\S+) \(0x[0-9a-f]+\)$", line)  # libx.so.1 => /path (0x...)
        if m:
            resolved[m.group(1)] = m.group(2)
        m = re.match(r"(/\S+) \(0x[0-9a-f]+\)$", line)           # the loader, by absolute path
        if m:
            resolved[os.path.basename(m.group(1))] = m.group(1)
    paths = []
    for soname in sonames:
        if soname not in resolved:
            return None, "%s: needs %s, which ldd cannot find" % (elf, soname)
        paths.append(resolved[soname])
    return paths, None


def owner(path):
    """The package owning path, trying the names a merged-/usr system may record it under."""
    candidates = [path, os.path.realpath(path)]
    for p in list(candidates):
        if p.startswith("/usr/"):
            candidates.append(p[len("/usr"):])
        else:
            candidates.append("/usr" + p)
    for p in candidates:
        run = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if run.returncode == 0:
            # "libpq5:amd64: /usr/lib/x86_64-linux-gnu/libpq.so.5" (diversions start "diversion by")
            for line in run.stdout.splitlines():
                if not line.startswith("diversion "):
                    return line.split(":")[0].split(",")[0].strip()
    return None


def depends_of(deb):
    """The package names in a .deb's Depends field (each alternative of an `a | b` counts)."""
    run = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True,
                         check=True)
    names = set()
    for clause in run.stdout.split(","):
        for alternative in clause.split("|"):
            name = alternative.strip().split(" ")[0].split("(")[0].split(":")[0]
            if name:
                names.add(name)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", help="check that this package's Depends covers the needs")
    parser.add_argument("elf", nargs="+")
    args = parser.parse_args()

    status = 0
    needed = set()
    for elf in args.elf:
        paths, error = libraries(elf)
        if error:
            print("error: " + error)
            status = 1
            continue
        for path in paths:
            package = owner(path)
            if package is None:
                print("unowned " + path)
                status = 1
            else:
                needed.add(package)
    depends = depends_of(args.deb) if args.deb else None
    for package in sorted(needed):
        if depends is None:
            print("needed " + package)
        elif package in depends:
            print("needed %s: covered" % package)
        else:
            print("needed %s: MISSING from Depends" % package)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
