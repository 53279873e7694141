#!/usr/bin/python3
"""Validates every line of a tendersim OCDS export (ocds.jsonl or .jsonl.gz) offline.

Each line must be a release package valid against the vendored OCDS 1.1.5 release package schema,
with the release schema extended by the bids extension (its release-schema.json applied as a JSON
Merge Patch, RFC 7386) and the package's remote $ref to the release schema resolved to that local,
merged copy: no network. Draft 4 with format checking. Then every field whose schema names a
closed codelist (openCodelist: false) must hold one of that codelist's codes: JSON Schema alone
does not check them (e.g. the bid status has no enum), and an exporter must respect them.

Usage: export_validate.py SCHEMA_DIR FILE   (SCHEMA_DIR: third_party/ocds-schema)
Exit status 0 when every line is valid, 1 otherwise (the first errors are printed).
"""
import copy
import csv
import gzip
import json
import datetime
import os
import re
import sys

import jsonschema

RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
MAX_REPORTED = 20


def merge_patch(target, patch):
    """RFC 7386: objects merge key by key, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def load_codelists(schema_dir):
    codes = {}
    for folder in ("ocds-1.1.5/codelists", "bid-extension-1.1.5/codelists"):
        path = os.path.join(schema_dir, folder)
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), newline="", encoding="utf-8") as f:
                codes[name] = {row["Code"] for row in csv.DictReader(f)}
    return codes


def resolve(schema, root):
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/"), ref
        node = root
        for part in ref[2:].split("/"):
            node = node[part]
        schema = node
    return schema


def closed_codelist_errors(instance, schema, root, codes, path):
    """Walks the instance beside its schema; yields (path, message) for values outside a closed
    codelist."""
    schema = resolve(schema, root)
    if not isinstance(schema, dict):
        return
    codelist = schema.get("codelist")
    if codelist and schema.get("openCodelist") is False and instance is not None:
        values = instance if isinstance(instance, list) else [instance]
        for v in values:
            if v not in codes[codelist]:
                yield path, "%r is not in the closed codelist %s" % (v, codelist)
        return
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        for key, value in instance.items():
            if key in props:
                yield from closed_codelist_errors(value, props[key], root, codes, path + "/" + key)
    elif isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            yield from closed_codelist_errors(item, schema["items"], root, codes,
                                              "%s/%d" % (path, i))


RFC3339 = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def format_checker():
    """Draft 4 format checking, with an RFC 3339 date-time check of our own where jsonschema has
    none (Debian's needs an optional package for it and would silently skip every date)."""
    checker = jsonschema.FormatChecker()
    if "date-time" not in checker.checkers:
        @checker.checks("date-time")
        def date_time(value):
            if not isinstance(value, str):
                return True
            m = RFC3339.match(value)
            if not m:
                return False
            try:
                datetime.datetime.strptime(m.group(1) + " " + m.group(2), "%Y-%m-%d %H:%M:%S")
            except ValueError:
                return False
            return True
    return checker


def main():
    schema_dir, data = sys.argv[1], sys.argv[2]
    with open(os.path.join(schema_dir, "ocds-1.1.5/release-schema.json"), encoding="utf-8") as f:
        release = json.load(f)
    with open(os.path.join(schema_dir, "bid-extension-1.1.5/release-schema.json"),
              encoding="utf-8") as f:
        release = merge_patch(release, json.load(f))
    with open(os.path.join(schema_dir, "ocds-1.1.5/release-package-schema.json"),
              encoding="utf-8") as f:
        package = json.load(f)
    resolver = jsonschema.RefResolver.from_schema(package, store={RELEASE_URL: release})
    validator = jsonschema.Draft4Validator(package, resolver=resolver,
                                           format_checker=format_checker())
    codes = load_codelists(schema_dir)
    opener = gzip.open if data.endswith(".gz") else open
    lines = releases = bad = 0
    with opener(data, "rt", encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            lines += 1
            problems = []
            try:
                doc = json.loads(line)
            except ValueError as e:
                problems.append(("", "not JSON: %s" % e))
                doc = None
            if doc is not None:
                for e in validator.iter_errors(doc):
                    problems.append(("/" + "/".join(str(p) for p in e.absolute_path), e.message))
                for i, rel in enumerate(doc.get("releases", [])):
                    releases += 1
                    problems.extend(closed_codelist_errors(rel, release, release, codes,
                                                           "/releases/%d" % i))
                    if not str(rel.get("ocid", "")).startswith("ocds-tsim00-"):
                        problems.append(("/releases/%d/ocid" % i, "not the synthetic prefix"))
            if problems:
                bad += 1
                if bad <= MAX_REPORTED:
                    for where, message in problems[:5]:
                        print("%s:%d: %s: %s" % (data, lineno, where, message))
    if lines == 0:
        print("%s: no lines" % data)
        return 1
    print("%s: %d lines, %d releases, %d invalid" % (data, lines, releases, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
