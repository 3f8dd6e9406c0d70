"""The JSON Schema of the org file, generated from the pydantic models (draft-07).

yaml-language-server (VS Code's YAML extension and others) reads draft-07,
so pydantic's 2020-12 output is rewritten: ``$defs`` becomes
``definitions``. The same schema ships inside the package
(``orgmodel/orgmodel.schema.json``); a test fails if it drifts from the
models.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import OrgFile

SCHEMA_FILE = Path(__file__).with_name("orgmodel.schema.json")
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def org_schema() -> dict:
    schema = OrgFile.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    definitions = schema.pop("$defs", {})
    document = {
        "$schema": DRAFT_07,
        "$id": "urn:orgmodel:org-file:v1",
        "title": "orgmodel org file (version 1)",
        "description": "An organisation as code: people, roles, reporting lines, teams and open positions.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
    if definitions:
        document["definitions"] = definitions
    return document


def schema_text() -> str:
    return json.dumps(org_schema(), indent=2, ensure_ascii=False) + "\n"
