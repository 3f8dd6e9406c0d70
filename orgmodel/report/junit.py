"""JUnit XML: a test suite per file, a test case per rule that ran, failing when it found something.

CI systems that understand JUnit (GitLab, Jenkins, Azure) then list each
rule as passed or failed with the findings as the failure text.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..findings import Finding
from ..wording import plural


def render(findings: Sequence[Finding], summary, context, *, color: bool = False) -> str:
    by_file: dict[str, dict[str, list[Finding]]] = {}
    for f in findings:
        by_file.setdefault(f.file, {}).setdefault(f.code, []).append(f)
    files = list(context.files) or list(by_file)
    suites = ET.Element("testsuites", name="orgmodel")
    total_tests = total_failures = 0
    for file in files:
        found = by_file.get(file, {})
        suite = ET.SubElement(suites, "testsuite", name=file)
        codes = list(context.ran) or list(found)
        failures = 0
        for code in codes:
            rule = context.rules.get(code)
            case = ET.SubElement(suite, "testcase", classname=file,
                                 name=f"{code} {rule.name}" if rule is not None else code)
            hits = found.get(code, ())
            if hits:
                failures += 1
                worst = max(f.severity for f in hits)
                failure = ET.SubElement(case, "failure", type=str(worst),
                                        message=plural(len(hits), "finding"))
                failure.text = "\n".join(
                    f"{f.file}:{f.line}:{f.column}: [{f.severity}] {f.message}"
                    + (f" (suggestion: {f.suggestion})" if f.suggestion else "") for f in hits)
        suite.set("tests", str(len(codes)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(codes)
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
