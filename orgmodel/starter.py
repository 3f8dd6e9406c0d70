"""What ``orgmodel init`` writes: a commented starter org file and configuration."""

from __future__ import annotations

ORG_FILE = "org.yaml"
CONFIG_FILE = "orgmodel.toml"
SCHEMA_FILE = "orgmodel.schema.json"

STARTER_ORG = """\
# yaml-language-server: $schema=orgmodel.schema.json
# The line above gives editors with a YAML language server (VS Code's YAML
# extension, for one) completion and checking for this file.
#
# Check it:  orgmodel check org.yaml
# Draw it:   orgmodel render org.yaml -o org.png
version: 1                 # the format version
org: My Company            # the organisation's display name
as_of: 2026-01-01          # evaluate the org on this date (people hired later are planned)

# teams:                   # optional; once listed, every person's team must be one of them
#   platform: {name: Platform}

# roles:                   # optional: your own roles, or changes to built-in ones
#   developer_advocate:
#     title: Developer Advocate
#     family: marketing    # executive, product, engineering, design, data, marketing, sales, operations, other
#     rank: 40             # seniority: higher is more senior
#     aliases: [DevRel]    # job titles that mean this role

people:
  - id: ceo                # unique; any text, e.g. ana.lima
    name: Ada Founder
    title: Founder & CEO   # a role is inferred from the title (`orgmodel roles --title "..."` shows how)
    reports:               # nested direct reports; or give each person reports_to: <id>
      - id: cto
        name: Ben Builder
        role: cto          # or give the role id directly (`orgmodel roles` lists them)
      - id: pm-1
        name: Cleo Product
        role: product_manager
        hired: 2025-06-01
      - id: open-designer
        role: product_designer
        status: open       # a vacancy: planned, not a person yet
        hired: 2026-09-01  # target start date
"""

STARTER_CONFIG = """\
# orgmodel configuration. The same keys work under [tool.orgmodel] in pyproject.toml.
# `orgmodel check --show-config org.yaml` shows what is in force and where it came from.

# select = ["ORG", "SHP", "PRD"]     # the rules to run (codes or prefixes); default: all but opt-in
# extend-select = ["PRD013"]         # add rules, e.g. the opt-in PRD013
# ignore = ["SHP002"]                # rules to skip
fail-on = "error"                    # exit 1 on findings at least this severe: error, warning, info, never

# Rule options (see `orgmodel rules CODE`):
# max-span = 10
# max-layers = 7
# min-team = 3
# min-head-experience-years = 3
# min-heads = 2

# [severity]                         # change a rule's severity
# PRD011 = "warning"

# [per-file-ignores]                 # skip rules for some files (globs relative to this file)
# "archive/*.yaml" = ["ORG004"]
"""
