"""JUnit XML: a test suite per file, a test case per rule that ran, failing when it found something.

CI systems that understand JUnit (GitLab, Jenkins, Azure) then list each
rule as passed or failed with the findings as the failure text. Input
errors (a file or configuration that could not be read) are a failed test
case each, in a suite for their file. Every text from the input is made
printable first, so the XML is well-formed whatever the org holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..findings import Finding
from ..printable import printable
from ..wording import plural


def render(findings: Sequence[Finding], summary, context, *, color: bool = False) -> str:
    by_file: dict[str, dict[str, list[Finding]]] = {}
    for f in findings:
        by_file.setdefault(f.file, {}).setdefault(f.code, []).append(f)
    files = list(context.files) or list(by_file)
    suites = ET.Element("testsuites", name="orgmodel")
    for file in files:
        found = by_file.get(file, {})
        suite = ET.SubElement(suites, "testsuite", name=printable(file))
        codes = list(context.ran) or list(found)
        for code in codes:
            rule = context.rules.get(code)
            case = ET.SubElement(suite, "testcase", classname=printable(file),
                                 name=printable(f"{code} {rule.name}" if rule is not None else code))
            hits = found.get(code, ())
            if hits:
                worst = max(f.severity for f in hits)
                failure = ET.SubElement(case, "failure", type=str(worst),
                                        message=plural(len(hits), "finding"))
                failure.text = "\n".join(
                    printable(f"{f.file}:{f.line}:{f.column}: [{f.severity}] {f.message}"
                              + (f" (suggestion: {f.suggestion})" if f.suggestion else "")) for f in hits)
    error_suites: dict[str, ET.Element] = {}
    for problem in context.errors:
        if problem.file not in error_suites:
            error_suites[problem.file] = ET.SubElement(suites, "testsuite", name=printable(problem.file))
        case = ET.SubElement(error_suites[problem.file], "testcase", classname=printable(problem.file),
                             name=f"input error at {problem.line}:{problem.column}")
        failure = ET.SubElement(case, "failure", type="input-error", message=printable(problem.message))
        failure.text = str(problem)
    for suite in suites:
        suite.set("tests", str(len(suite)))
        suite.set("failures", str(sum(1 for case in suite if case.find("failure") is not None)))
        suite.set("errors", "0")
    suites.set("tests", str(sum(int(suite.get("tests")) for suite in suites)))
    suites.set("failures", str(sum(int(suite.get("failures")) for suite in suites)))
    suites.set("errors", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
