#!/usr/bin/env python3
"""Release metadata: META.json against the PGXN Meta Spec 1.0.0, and one
version everywhere a release names it.

The spec's rules are checked by hand (https://pgxn.org/meta/spec.txt: the
required keys, Terms, SemVer, the license shortcuts, the prereqs' phases
and relationships, the tags, release_status), so the check needs nothing
beyond Python. The version must agree in META.json (the distribution and
provides.tracker), tracker.control's default_version, the Makefile's
TRACKER_VERSION (the install script it builds), the highest version the
committed install and upgrade scripts sql/tracker--*.sql reach, and the
upstream part of debian/changelog's first entry.

With a path (test/meta/run passes what `make dist` made), it checks that
PGXN archive too: every entry under tracker-<version>/, and META.json,
the control file and LICENSE in it as in the tree.

Run from the repository root; prints one line per failed check and
"meta: N passed, M failed".
"""

import json
import os
import re
import sys
import zipfile

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"meta: FAILED: {name}{': ' + detail if detail else ''}")


def finish():
    print(f"meta: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


# The spec's types (spec.txt, "Data Types").
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")
TERM = re.compile(r"^[^/\\\s\x00-\x1f\x7f]{2,}$")
TAG = re.compile(r"^[^/\\\x00-\x1f\x7f]{2,255}$")
LICENSES = {
    "agpl_3", "apache_1_1", "apache_2_0", "artistic_1", "artistic_2", "bsd",
    "freebsd", "gfdl_1_2", "gfdl_1_3", "gpl_1", "gpl_2", "gpl_3", "lgpl_2_1",
    "lgpl_3_0", "mit", "mozilla_1_0", "mozilla_1_1", "openssl", "perl_5",
    "postgresql", "qpl_1_0", "ssleay", "sun", "zlib", "open_source",
    "restricted", "unrestricted", "unknown",
}
TOP_KEYS = {
    "name", "version", "abstract", "maintainer", "license", "provides",
    "meta-spec", "description", "generated_by", "tags", "no_index",
    "prereqs", "release_status", "resources",
}
REQUIRED = ["name", "version", "abstract", "maintainer", "license",
            "provides", "meta-spec"]
EXTENSION_KEYS = {"file", "version", "abstract", "docfile"}
PHASES = {"configure", "build", "runtime", "test", "develop"}
RELATIONSHIPS = {"requires", "recommends", "suggests", "conflicts"}
# A version range: a version, or comparisons joined by commas.
RANGE_PART = re.compile(r"^(==|!=|>=|<=|>|<)?\s*(\S+)$")


def custom(key):
    return re.match(r"^[xX]_.", key) is not None


def version_key(v):
    return tuple(int(x) for x in re.findall(r"\d+", v))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# --- META.json is JSON, and the spec's shape -------------------------------
try:
    meta = json.loads(read("META.json"))
    check("META.json is valid JSON", isinstance(meta, dict), "not an object")
except (OSError, ValueError) as e:
    meta = None
    check("META.json is valid JSON", False, str(e))
if not isinstance(meta, dict):
    finish()

for key in REQUIRED:
    check(f"META.json has {key}", key in meta)
unknown = sorted(k for k in meta if k not in TOP_KEYS and not custom(k))
check("META.json has no keys the spec does not define", not unknown, ", ".join(unknown))

check("name is a Term", isinstance(meta.get("name"), str) and TERM.match(meta["name"]) is not None)
check("version is a SemVer", isinstance(meta.get("version"), str) and SEMVER.match(meta["version"]) is not None,
      repr(meta.get("version")))
check("abstract is a non-empty string", isinstance(meta.get("abstract"), str) and meta["abstract"].strip() != "")
m = meta.get("maintainer")
check("maintainer is a string or a list of them",
      (isinstance(m, str) and m) or (isinstance(m, list) and m and all(isinstance(x, str) and x for x in m)))
check("license is postgresql (the LICENSE file's)", meta.get("license") == "postgresql",
      repr(meta.get("license")))
lic = meta.get("license")
check("license names the spec's shortcuts",
      (isinstance(lic, str) and lic in LICENSES)
      or (isinstance(lic, list) and lic and all(x in LICENSES for x in lic))
      or (isinstance(lic, dict) and lic))

spec = meta.get("meta-spec", {})
check("meta-spec.version is 1.0.x", isinstance(spec, dict) and re.match(r"^1\.0\.\d+$", str(spec.get("version", ""))) is not None)
check("meta-spec.url is the spec's",
      spec.get("url") in (None, "https://pgxn.org/meta/spec.txt", "http://pgxn.org/meta/spec.txt"))

if "release_status" in meta:
    check("release_status is stable, testing or unstable",
          meta["release_status"] in ("stable", "testing", "unstable"), repr(meta["release_status"]))
if "tags" in meta:
    tags = meta["tags"]
    check("tags is a non-empty list of Tags",
          isinstance(tags, list) and tags and all(isinstance(t, str) and TAG.match(t) for t in tags))
for key in ("description", "generated_by"):
    if key in meta:
        check(f"{key} is a non-empty string", isinstance(meta[key], str) and meta[key].strip() != "")

prereqs = meta.get("prereqs", {})
shape_ok = isinstance(prereqs, dict)
for phase, rels in (prereqs.items() if shape_ok else []):
    shape_ok &= phase in PHASES and isinstance(rels, dict)
    for rel, reqs in (rels.items() if isinstance(rels, dict) else []):
        shape_ok &= rel in RELATIONSHIPS and isinstance(reqs, dict)
        for name, rng in (reqs.items() if isinstance(reqs, dict) else []):
            parts = [] if rng == 0 else str(rng).split(",")
            for part in parts:
                pm = RANGE_PART.match(part.strip())
                shape_ok &= pm is not None and SEMVER.match(pm.group(2)) is not None
check("prereqs: phases, relationships and version ranges of the spec", shape_ok)
pg = prereqs.get("runtime", {}).get("requires", {}).get("PostgreSQL") if shape_ok else None
check("prereqs.runtime.requires names PostgreSQL 15", pg is not None and re.search(r"(^|[ =>])15\.", str(pg)) is not None,
      repr(pg))

# --- provides: the extension, its files, its version -------------------------
makefile = read("Makefile")
extension = re.search(r"^EXTENSION\s*=\s*(\S+)", makefile, re.M).group(1)
provides = meta.get("provides", {})
check("provides is an object of Terms", isinstance(provides, dict) and provides
      and all(TERM.match(k) for k in provides))
check(f"provides names the Makefile's EXTENSION ({extension})", extension in provides)
ext = provides.get(extension, {}) if isinstance(provides, dict) else {}
extra = sorted(k for k in ext if k not in EXTENSION_KEYS and not custom(k))
check(f"provides.{extension} has only the spec's keys", not extra, ", ".join(extra))
for key in ("file", "docfile"):
    path = ext.get(key)
    check(f"provides.{extension}.{key} is a file of the distribution",
          isinstance(path, str) and not path.startswith("/") and os.path.isfile(path), repr(path))
check(f"provides.{extension}.version equals version", ext.get("version") == meta.get("version"),
      f"{ext.get('version')!r} against {meta.get('version')!r}")
check(f"name equals EXTENSION ({extension})", meta.get("name") == extension, repr(meta.get("name")))

# --- one version everywhere -----------------------------------------------
control = re.search(r"^default_version\s*=\s*'([^']*)'", read(f"{extension}.control"), re.M).group(1)
make_version = re.search(r"^TRACKER_VERSION\s*=\s*(\S+)", makefile, re.M).group(1)

# The committed install scripts are the released versions; the current
# version's is built (and left out here, where make has run). ALTER
# EXTENSION ... UPDATE walks the upgrade scripts from a released version.
built = f"{extension}--{make_version}.sql"
scripts = [f for f in os.listdir("sql")
           if re.match(rf"^{re.escape(extension)}--.*\.sql$", f) and f != built]
starts, edges = set(), {}
for f in scripts:
    parts = f[len(extension) + 2:-4].split("--")
    if len(parts) == 1:
        starts.add(parts[0])
    elif len(parts) == 2:
        edges.setdefault(parts[0], set()).add(parts[1])
reached, todo = set(starts), list(starts)
while todo:
    for nxt in edges.get(todo.pop(), ()):
        if nxt not in reached:
            reached.add(nxt)
            todo.append(nxt)
check("the sql/ scripts reach a version", bool(reached))
chain = max(reached, key=version_key) if reached else None

first = read("debian/changelog").splitlines()[0]
cm = re.match(r"^\S+ \((?:\d+:)?([^)]+?)(?:-[^-)]+)?\) ", first)
debian = cm.group(1) if cm else None

versions = {
    "META.json version": meta.get("version"),
    f"{extension}.control default_version": control,
    "Makefile TRACKER_VERSION": make_version,
    "highest version of the upgrade chain": chain,
    "debian/changelog upstream version": debian,
}
want = meta.get("version")
for where, v in versions.items():
    check(f"{where} is {want}", v == want, repr(v))

# --- the license, the same in every place that states it --------------------
text = read("LICENSE")
check("LICENSE is the PostgreSQL License", text.startswith("PostgreSQL License\n")
      and "Permission to use, copy, modify, and distribute this software" in text)
copyright_ = read("debian/copyright")
check("debian/copyright states the PostgreSQL License", re.search(r"^License: PostgreSQL$", copyright_, re.M) is not None)

# --- the PGXN archive --------------------------------------------------------
if len(sys.argv) > 1:
    top = f"{meta.get('name')}-{meta.get('version')}/"
    try:
        with zipfile.ZipFile(sys.argv[1]) as z:
            names = z.namelist()
            outside = [n for n in names if not n.startswith(top)]
            check(f"every entry of the zip is under {top}", names and not outside, ", ".join(outside[:5]))
            for f in ("META.json", f"{extension}.control", "LICENSE"):
                inside = top + f
                same = inside in names and z.read(inside) == open(f, "rb").read()
                check(f"the zip holds {f} as the tree has it", same)
    except (OSError, zipfile.BadZipFile) as e:
        check("make dist made a zip", False, str(e))

finish()
