"""SARIF 2.1.0, the format GitHub code scanning and other tools read.

Rules carry short and full descriptions and help; locations are relative
to the repository root; each result has a partial fingerprint built from
the rule, the person and the file, so a finding keeps its identity when
lines move.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from ..findings import Finding, Severity
from .json_report import dumps

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str, root: Path | None) -> str:
    path = Path(file)
    if root is not None and path.is_absolute():
        try:
            path = path.relative_to(root)
        except ValueError:
            return path.as_uri()
    elif root is not None and not path.is_absolute():
        try:
            path = Path(os.path.relpath(Path.cwd() / path, root))
        except ValueError:
            pass
    return path.as_posix()


def _location(file: str, line: int, column: int, root: Path | None) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(file, root)},
                                 "region": {"startLine": max(line, 1), "startColumn": max(column, 1)}}}


def _rule(rule) -> dict:
    help_text = f"{rule.summary}\n\n{rule.explanation}\n\nRun `orgmodel rules {rule.code}` for more."
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation or rule.summary},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.code.rstrip("0123456789")]},
    }


def fingerprint(finding: Finding) -> str:
    return hashlib.sha256(f"{finding.code}\0{finding.person}\0{finding.file}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def render(findings: Sequence[Finding], summary, context, *, color: bool = False) -> str:
    rules = list(context.rules.values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for f in findings:
        text = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
        result = {
            "ruleId": f.code,
            "level": LEVELS[f.severity],
            "message": {"text": text},
            "locations": [_location(f.file, f.line, f.column, context.root)],
            "partialFingerprints": {"orgmodelFinding/v1": fingerprint(f)},
            "properties": {"person": f.person, "related": list(f.related), "suggestion": f.suggestion},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "orgmodel", "version": context.version or "0",
                                "rules": [_rule(r) for r in rules]}},
            "invocations": [_invocation(context)],
            "results": results,
        }],
    }
    return dumps(document, indent=2) + "\n"


def _invocation(context) -> dict:
    """Input errors are tool execution notifications: the run did not succeed (exit code 2)."""
    if not context.errors:
        return {"executionSuccessful": True}
    return {
        "executionSuccessful": False,
        "exitCode": 2,
        "toolExecutionNotifications": [{
            "level": "warning" if problem.warning else "error",
            "message": {"text": problem.message},
            "locations": [_location(problem.file, problem.line, problem.column, context.root)],
        } for problem in context.errors],
    }
