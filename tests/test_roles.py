"""The role catalog and title inference: named roles, families and levels, generic roles."""

import pytest

from orgmodel import load_text
from orgmodel.roles import (
    BUILTIN_ROLES,
    FAMILIES,
    GENERIC_ROLES,
    NAMED_ROLES,
    Role,
    RoleCatalog,
    band_of,
    normalise_title,
)

CATALOG = RoleCatalog.builtin()


@pytest.mark.parametrize("title, role", [
    ("Sr. Product Manager", "senior_product_manager"),
    ("Senior PM", "senior_product_manager"),
    ("sr pm", "senior_product_manager"),
    ("VP, Product", "vp_product"),
    ("Vice President of Product Management", "vp_product"),
    ("SVP Product", "vp_product"),
    ("Director of Product", "product_director"),
    ("Senior Director of Product", "product_director"),
    ("Head of Product Management", "head_of_product"),
    ("Head of Product, Growth", "head_of_product"),
    ("Head of Product (EMEA)", "head_of_product"),
    ("Group PM", "group_product_manager"),
    ("GPM", "group_product_manager"),
    ("Group Manager, Product Management", "group_product_manager"),
    ("Principal PM", "principal_product_manager"),
    ("Product Lead", "product_lead"),
    ("APM", "associate_product_manager"),
    ("Jr. PM", "junior_product_manager"),
    ("Product Manager, Payments", "product_manager"),
    ("Product Manager - Payments", "product_manager"),
    ("Technical Product Manager", "product_manager"),
    ("Product Owner", "product_owner"),
    ("Senior Product Owner", "product_owner"),
    ("Product Operations Manager", "product_operations"),
    ("Chief Product Officer", "cpo"),
    ("Founder & CEO", "ceo"),
    ("President", "ceo"),
    ("President & CEO", "ceo"),
    ("Co-founder and CTO", "cto"),
    ("Software Engineer II", "software_engineer"),
    ("Software Engineer L5", "senior_software_engineer"),
    ("Staff Software Engineer L6", "staff_engineer"),
    ("Staff Backend Engineer", "staff_engineer"),
    ("Senior Android Developer", "senior_software_engineer"),
    ("Sr. SWE", "senior_software_engineer"),
    ("Sr. Engineer, Payments", "senior_software_engineer"),
    ("Programmer", "software_engineer"),
    ("Engineering Manager, Platform", "engineering_manager"),
    ("Senior Engineering Manager, Data Stores", "engineering_manager"),
    ("Director of Product Engineering", "engineering_director"),
    ("VP Engineering", "vp_engineering"),
    ("Product Marketing Manager", "marketing_manager"),
    ("Executive Assistant to the CEO", "executive_assistant"),
    ("Assistant to the Chief Financial Officer", "executive_assistant"),
    ("Account Executive", "account_executive"),
    ("North American Sales Manager", "sales_manager"),
])
def test_title_maps_to_the_named_role(title, role):
    match = CATALOG.infer(title)
    assert match.role is not None and match.role.id == role, match.explain()


@pytest.mark.parametrize("title, family, rank", [
    # Function beats word position (format.md, "Families and levels").
    ("VP of Product Marketing", "marketing", 80),
    ("VP, Product Marketing", "marketing", 80),
    ("Head of Product Design", "design", 70),
    ("Vice President of Sales", "sales", 80),
    ("Vice President, Finance", "finance", 80),
    ("Administration Vice President", "operations", 80),
    ("Junior Sales Manager", "sales", 30),
    ("Production Technician - WC60", "operations", 40),
    ("Stock Clerk", "operations", 30),
    ("Customer Success Manager", "customer", 50),
    ("CSM", "customer", 50),
    ("HRBP", "people", 40),
    ("FP&A Analyst", "finance", 40),
    ("Accountant", "finance", 40),
    ("Senior Recruiter", "people", 50),
    ("General Counsel", "legal", 90),
    ("Paralegal", "legal", 40),
    ("CISO", "executive", 90),
    ("Chief Revenue Officer", "executive", 90),
    ("Chief Happiness Officer", "executive", 90),
    ("Chief of Staff to the CEO", "operations", 70),
    ("Special Assistant to the Secretary-General", "operations", 30),
    ("Senior Data Integration Developer", "data", 50),
    ("Shipping/Receiving Manager", "operations", 50),
    ("IT Project Manager", "it", 50),
    ("Help Desk Technician", "it", 40),
    ("Research Scientist", "research", 40),
    ("Programme Officer", "operations", 40),
    ("Marketing Intern", "marketing", 20),
    ("Intern, Product Marketing", "marketing", 20),
    ("Machinist", "operations", 40),
    ("Quality Inspector", "operations", 40),
    ("Buyer", "operations", 40),
    # Roman grades step within a job, they do not change its level; L-grades do.
    ("Engineer III", "engineering", 40),
    ("Administrative Asst III", "operations", 30),
    ("Political Affairs Officer", "other", 40),
    ("Associate Programme Management Officer", "operations", 30),
    ("Under-Secretary-General", "executive", 90),
    ("Staatssekretär", "executive", 90),
    ("Sachbearbeiterin Haushalt", "finance", 30),
    ("Senior Manager, Support", "customer", 60),
    ("Advertising Sales Manager", "sales", 50),
    ("Computer Operations Supervisor", "it", 50),
    ("Research & Development Engineer", "research", 40),
    # A technician or aide takes the family of the work named beside it.
    ("Drafting Technician", "engineering", 40),
    ("Housekeeping Aide", "operations", 30),
    # A plural job word in a list of posts is the job.
    ("Advertising Sales Representatives", "sales", 40),
    # Support and strategy of a function belong to that function.
    ("Help Desk Support Specialist", "it", 40),
    ("Director of Social Media Strategy", "marketing", 70),
    ("Support Director", "customer", 70),
    ("Analyst, Bankruptcy Support", "finance", 40),
    # Healthcare, hospitality, banking and insurance.
    ("Behavioral Health Charge Nurse", "other", 50),
    ("Executive Housekeeper", "operations", 50),
    ("Premier Banker", "finance", 40),
    ("Consumer Loan Underwriter", "finance", 40),
    ("Chief Procurement Officer (CPO)", "executive", 90),
    ("National Accounts Sales General Manager", "sales", 70),
    # German compounds: a function joined to a job word.
    ("Personalreferentin", "people", 40),
    ("Haushaltssachbearbeiter", "finance", 30),
    # A head of a unit of any size is in the director / head band, as "Head of X" is.
    ("Referatsleiterin Haushalt", "finance", 70),
    # A UN chief of section or unit is a senior officer (P-5).
    ("Chief of Section, Human Resources", "people", 60),
    ("Büroleiterin", "operations", 70),
    ("Persönliche Referentin", "operations", 40),
    # UN Secretariat: an officer of a field of public policy.
    ("Population Affairs Officer", "other", 40),
    ("Statistics Assistant", "data", 30),
    ("Vice President, Corporate Affairs", "marketing", 80),
    # An engineer of a business function works in it.
    ("Product Marketing Engineer", "marketing", 40),
    # Compliance, like support and strategy, serves the function before it.
    ("IT Compliance Manager", "it", 50),
    ("Distinguished Engineer", "engineering", 60),
    ("Chief Legal Officer & Corporate Secretary", "executive", 90),
    ("IT, Business Systems Analyst", "it", 40),
    ("Programmer/Analyst", "engineering", 40),
    ("Finance and Administration Officer", "finance", 40),
    ("Director, Sales Strategy & Operations", "sales", 70),
    ("HR Records Specialist", "people", 40),
    # "Head" before a job word is the senior of that job; "Head of X" heads a unit.
    ("Head Storekeeper", "operations", 50),
    ("Chief Research Analyst", "research", 60),
    ("Supvsr of Personnel Services", "people", 50),
    ("Executive Business Partner, CTO", "operations", 30),
    ("Assistant Secretary-General for Legal Affairs", "legal", 80),
    ("Senior Manager, Sales Commissions", "finance", 60),
    # Occupation words of the US Standard Occupational Classification's major groups.
    ("Police Officer", "other", 40),
    ("Epidemiologist", "research", 40),
    ("Firefighter-EMT", "other", 40),
    # HR-system abbreviations, dotted initials, glued grades and words cut at a field length.
    ("Fin Anlyst,Sr", "finance", 50),
    ("Fin Anlyst,Asst", "finance", 30),
    ("V.P., Legal Affairs", "legal", 80),
    ("Manager2,Fin,Bud,&Actg-BU", "finance", 50),
    ("SENIOR SOCIAL SERVICES COORDIN", "other", 40),
    ("Inspector General", "legal", 70),
    ("Deputy Chief Information Officer", "it", 80),
    ("Chief Veterinary Officer", "other", 90),
    ("Scientist - Apprentice", "research", 20),
    ("Director of Project Finance", "finance", 70),
    ("Executive Administrative Aide", "operations", 30),
    ("Director, Office of the Under-Secretary-General", "operations", 70),
    # A deputy of a C-level officer, with words between, is the deputy; "and" separates two jobs.
    ("Deputy Government CIO", "it", 80),
    # A lead is already the senior band; a senior manager is one band up.
    ("Senior Marketing Lead", "marketing", 50),
    ("Senior Marketing Manager", "marketing", 60),
    ("Deputy Chief Executive and Chief Operating Officer", "executive", 90),
    # German ministry titles: articles and "und" read as in English.
    ("Leiter des Referats Z I 1 - Personalangelegenheiten", "people", 70),
    ("Vorzimmer Staatssekretär", "operations", 30),
    ("Stellvertretende Referatsleiterin Haushalt", "finance", 60),
    ("Datenschutzbeauftragter", "legal", 40),
    # German gender-inclusive spellings read as the feminine form.
    ("Referatsleiter:in Personal", "people", 70),
    ("Sachbearbeiter*in Haushalt", "finance", 30),
    ("Leiter/-in Finanzbuchhaltung", "finance", 70),
    ("Persönliche:r Referent:in", "operations", 40),
    ("Geschäftsführerin", "executive", 100),
    # An employee or a worker of a function is its individual contributor.
    ("Logistics Employee", "operations", 40),
    ("IS Administrator", "it", 40),
    ("Museum Security Supervisor", "operations", 50),
    ("SDET", "engineering", 40),
    # Solutions architects and engineers are pre-sales, as software vendors place them.
    ("Senior Solutions Architect", "sales", 60),
    ("Solutions Engineer", "sales", 40),
    # "Product" as a segment of its own after its level, then the product area.
    ("Group Manager, Product, Data Science", "product", 60),
    # Leaders of product, however their level is written, and areas after the job.
    ("Executive Director, Product", "product", 70),
    ("General Manager, Product", "product", 70),
    ("CPO & Partner", "product", 90),
    ("Senior Product Manager Agent Tools", "product", 50),
    ("Head of Product Payments", "product", 70),
    # German gender forms in capitals; English titles with "/in" or "(in ...)" stay English.
    ("REFERENT:IN Haushalt", "finance", 40),
    ("Engineer(in training)", "engineering", 40),
    ("Senior Engineer/R&D", "engineering", 50),
    # A C-level officer with a corporate rank before the office is still C-level.
    ("EVP Chief Risk Officer", "executive", 90),
    # A clerk is clerical work unless a function is named.
    ("Senior Clerk", "operations", 40),
    ("Account Clerk", "finance", 30),
    ("Law Clerk", "legal", 30),
    # "Staff" before clinical, teaching or newsroom jobs says employed, not the staff level.
    ("Staff Nurse - RN - Pediatrics ICU", "other", 40),
    ("Staff Photographer", "design", 40),
    ("Staff Product Designer", "design", 60),
    # Trades and production jobs, clinical and public-safety ranks.
    ("Handbag Stitcher", "operations", 40),
    ("Sheet Metal Worker", "operations", 40),
    ("Fire Captain", "other", 60),
    ("Police Lieutenant", "other", 50),
    ("Assistant Dean of Students", "other", 60),
    ("Intake Clinician", "other", 40),
    ("Drafter", "engineering", 40),
    ("Growth Lead", "marketing", 50),
    ("Youth Worker", "other", 40),
    ("Manager - Food & Beverage", "other", 50),
    ("DevRel Engineer", "marketing", 40),
    ("Operation Manager", "operations", 50),
    ("Operations Research Analyst", "data", 40),
    ("Hiring Operations Specialist", "people", 40),
    # A sector word names the family only when no other function word does.
    ("Hotel Manager", "other", 50),
    ("Hotel Controller", "finance", 70),
    ("Automotive Engineer", "engineering", 40),
    ("Medical Office Assistant", "operations", 30),
    ("Youth Program Director", "other", 70),
    ("News Director", "other", 70),
    ("School Secretary", "operations", 30),
    # A company's editor writes its content (marketing); a newsroom's editors are the sector's own.
    ("Managing Editor", "marketing", 50),
    ("Deputy News Photo Editor", "other", 40),
    ("Editor-in-Chief", "other", 70),
    # Security operations, incident response and identity management are IT (format.md).
    ("Security Operations Engineer", "it", 40),
    ("Incident Responder", "it", 40),
    ("IAM Analyst", "it", 40),
    ("Staff Detection Engineer", "it", 60),
    ("Leak Detection Engineer", "engineering", 40),
    # A support engineer of IT or networks supports the infrastructure, not customers.
    ("IT Support Engineer", "it", 40),
    ("Network Support Engineer", "it", 40),
    ("Support Engineer", "customer", 40),
    ("Zero Trust Architect", "it", 60),
    ("AI Developer", "engineering", 40),
    # Initials joined by a spaced "&" are one abbreviation.
    ("Director of R & D", "research", 70),
    ("F & B Supervisor", "other", 50),
    ("Deep Learning Engineer", "data", 40),
    ("Head of Client Experience", "customer", 70),
    # The words after "at" or "@" name the employer.
    ("Managing Director at AltaML in Calgary", "executive", 100),
    ("Cloud Architect @Zencore, Google Developer Expert", "it", 60),
    ("Attorney at Law", "legal", 40),
    # A software stack names engineering when no other function is named.
    ("Frontend Team Lead", "engineering", 50),
    ("JS Team Lead", "engineering", 50),
    ("Android Architect", "engineering", 60),
    # Humanitarian programmes are the sector's own work.
    ("Livelihood Officer", "other", 40),
    ("GBV Coordinator", "other", 30),
    # An inspector inspects what the title names; an instructor teaches (a trainer is people).
    ("Police Inspector", "other", 40),
    ("Construction Inspector", "other", 40),
    ("Swimming Instructor", "other", 40),
    ("Corporate Trainer", "people", 40),
    # An AI engineer builds software with models; data processing is the IT of public payrolls.
    ("Senior AI Engineer", "engineering", 50),
    ("Data Proc Equip Tech", "it", 40),
    # A chief officer of four words.
    ("Chief Diversity Equity and Inclusion Officer", "executive", 90),
    # German clinical, project and production titles, compounds included.
    ("Fachärztin für Neurologie", "other", 40),
    ("Ärztliche Leiterin", "other", 70),
    ("Kunst- und Gesprächstherapeutin", "other", 40),
    ("Projektleitung Datenschule", "operations", 50),
    ("Softwareentwickler", "engineering", 40),
    ("Stv. Fertigungsleitung Kst. 1000", "operations", 60),
    ("Stellvertretende Vorstandsvorsitzende", "executive", 90),
    # Public-safety ranks, press offices, school and campus sectors.
    ("Police Commander", "other", 60),
    ("PRESS ASSISTANT", "marketing", 30),
    ("Printing Press Operator", "operations", 40),
    ("Cafeteria Manager", "other", 50),
    ("Academic Advisor", "other", 40),
    ("Duty Manager", "operations", 50),
    # R&D engineers are research; NLP engineers data; the chief of the executive assistants.
    ("Senior Research Engineer", "research", 50),
    ("Principal Security Research Engineer", "it", 60),
    ("Lead NLP Engineer", "data", 50),
    ("Chief Executive Assistant", "operations", 50),
    ("Marketing Researcher", "marketing", 40),
    # German public offices, boards and universities.
    ("Landrätin", "executive", 100),
    ("Mitglied des Vorstands", "executive", 90),
    ("Vizepräsident Forschung", "research", 80),
    ("Dekanin", "other", 70),
    ("Kreiskämmerer", "finance", 70),
    ("Leitung KI", "data", 70),
    # Universities' and governments' offices; libraries' collections and loans; fundraising.
    ("Vice-Chancellor", "executive", 100),
    ("Provost", "executive", 90),
    ("Vice Chancellor for Student Affairs", "other", 80),
    # A managing director of a function heads it, as a president of one does; of the group, all of it.
    ("Managing Director, Operations", "operations", 80),
    ("Group Managing Director", "executive", 100),
    ("Associate Vice Chancellor for Finance", "finance", 70),
    ("University Secretary", "legal", 70),
    ("Deputy Secretary for Communications", "marketing", 90),
    ("Interlibrary Loan Specialist", "other", 40),
    ("Info Tech Specialist", "it", 40),
    ("Director of Fundraising", "sales", 70),
    ("Student Services Coordinator", "other", 30),
    # Hiring and HR work for another function's people.
    ("Legal Recruiting Manager", "people", 50),
    ("IT Recruitment Consultant", "people", 40),
    # "Staff" ending a title with no job word before it is a staff member.
    ("Finance Staff - YPTI", "finance", 40),
    # Boards, IT and HR units, after-sales, proposals and hospitality by their own words; a common misspelling.
    ("Vice Chairman", "executive", 90),
    ("Principle Engineer", "engineering", 60),
    ("MIS Head", "it", 70),
    ("HRD Manager", "people", 50),
    ("Head of After Sales", "customer", 70),
    ("Sr. Proposal Writer", "sales", 50),
    ("F&B Supervisor", "other", 50),
    # Two words that each say chief executive; a group's C-level officer.
    ("Founder/President", "executive", 100),
    ("Co-founder / Managing Director", "executive", 100),
    ("Group Chief Compliance Officer", "executive", 90),
    # Support of a company's own applications and infrastructure is IT.
    ("Senior Application Support Engineer", "it", 50),
    ("Infrastructure Support Engineer", "it", 40),
    # Company functions by their own words and abbreviations.
    ("Demand Planning Manager", "operations", 50),
    ("Purchaser", "operations", 40),
    ("CNC Technician", "operations", 40),
    ("Client Success Manager", "customer", 50),
    ("Group Director, CX Advisory", "customer", 70),
    ("Senior Manager, MarComm", "marketing", 60),
    ("Sales and Use Tax Consultant", "finance", 40),
    ("Director of Professional Development", "people", 70),
    # The feminine of a job word the vocabulary reads, phrases included.
    ("Marketing Managerin", "marketing", 50),
    ("Account-Managerin", "sales", 40),
    # Accounts a seller owns are sales, not accounting.
    ("VP Enterprise Accounts", "sales", 80),
    ("Head - Strategic Accounts", "sales", 70),
    # An abbreviation that is the job itself, with no job word before it.
    ("Senior Dev", "engineering", 50),
    ("Odoo Dev", "engineering", 40),
    ("Server Admin", "it", 40),
    ("Finance Admin", "finance", 40),
    ("Senior Project Eng", "engineering", 50),
    ("Business Developer", "sales", 40),
    # After a job word or "and" the abbreviation is the department, as before.
    ("Director of Organizational Dev", "people", 70),
    ("Exec Assistant & Admin", "operations", 30),
])
def test_title_reads_as_family_and_band(title, family, rank):
    role = CATALOG.infer(title).role
    assert role is not None, CATALOG.infer(title).explain()
    assert (role.family, band_of(role.rank)) == (family, rank), CATALOG.infer(title).explain()


@pytest.mark.parametrize("title", ["Manager", "Lead", "Specialist", "Senior Manager", "Director", "Vice President",
                                   "Team Lead", "Associate", "Product Specialist", "Product Analyst",
                                   "Vibes Wrangler", "President, North America", "Marketing", "Sales and Marketing Manager",
                                   "Assistant Technician", "Development Officer", "Director of Technology", "Support Specialist",
                                   "Medical Assistant or Receptionist", "Retail Sales Associate / Photographer",
                                   # Two functions compete and no job word decides.
                                   "Sales & Compliance Manager",
                                   # A PM may manage products, projects or programmes: the area named decides.
                                   "Sr. PM, Fulfillment",
                                   # A later segment naming whose unit it is names no function.
                                   "Analyst - Mayor's Office",
                                   "Safety Data Specialist", "Strategy Consultant", "Talent Engineer",
                                   # A manager or general manager of nothing named.
                                   "General Manager, ESC", "Chief Officer", "Deputy Chair",
                                   # The executive is whom the person serves.
                                   "Special Representative of the Secretary-General",
                                   # A function every sector has, qualified by words orgmodel does not read.
                                   "Head of Energy Market Design", "Identification Data Specialist",
                                   # Two jobs of different families held together.
                                   "Software Engineer and Data Scientist",
                                   # A committee's or a department's chair as much as the board's.
                                   "Chair",
                                   # "worker" says a level, not a family.
                                   "Health Worker IV",
                                   # An inspector of nothing read: a factory's or a city's.
                                   "Inspector", "Mold Inspector",
                                   # A supermarket's front end is its checkouts.
                                   "Front End Manager",
                                   # A rank with no service named; growth alone may be any team's.
                                   "Captain", "Head of Growth",
                                   # Two jobs held, of two families: not the CFO's assistant.
                                   "Finance Director / CFO",
                                   # A government's or a university's deputy: of what, the title does not say.
                                   "Deputy Secretary", "Deputy Vice-Chancellor",
                                   # A staff member of no function named.
                                   "Staff", "Senior Staff",
                                   # Human resources and administration, a department.
                                   "HR & Admin",
                                   ""])
def test_a_generic_or_ambiguous_title_stays_unknown(title):
    match = CATALOG.infer(title)
    assert match.role is None, match.explain()
    assert "set role: explicitly" in match.explain()


@pytest.mark.parametrize("title", ["VP of Product Marketing", "Head of Product Design", "Director of Product Engineering",
                                   "Product Designer", "Product Engineer", "Product Marketing Director",
                                   "Production Manager", "Product Specialist", "Assistant to the VP of Product",
                                   "Product Controller", "Deputy Director Product, Process Owner and Policy",
                                   "Director CT Product and Process", "Sr. PM, Fulfillment",
                                   "Lead - Product Release", "Head of Product Growth Marketing",
                                   "Product Architect", "Product Consultant", "PM Technician",
                                   "Head of Product Quality", "Product Compliance Manager",
                                   "Director, Product, Marketing", "VP, Product, Engineering", "VP of Product Growth"])
def test_only_product_management_titles_reach_the_product_ladder(title):
    role = CATALOG.infer(title).role
    assert role is None or not role.on_product_ladder, CATALOG.infer(title).explain()


def test_explanation_names_the_deciding_words():
    explanation = CATALOG.infer("VP, Product Marketing").explain()
    assert "family marketing from 'product marketing'" in explanation
    assert "level 80 (vice president) from 'vice president'" in explanation


def test_normal_form_drops_punctuation_filler_and_levels():
    assert normalise_title("Sr. Dir. of Product Mgmt, III") == "senior director product management"


def test_builtin_catalog_has_the_ladders_format_md_promises():
    ranks = {r.id: r.rank for r in BUILTIN_ROLES}
    assert {k: ranks[k] for k in ("ceo", "cpo", "vp_product", "head_of_product", "product_director",
                                  "group_product_manager", "principal_product_manager", "product_lead",
                                  "senior_product_manager", "product_manager", "junior_product_manager",
                                  "associate_product_manager", "product_owner")} == {
        "ceo": 100, "cpo": 90, "vp_product": 80, "head_of_product": 70, "product_director": 70,
        "group_product_manager": 60, "principal_product_manager": 60, "product_lead": 60,
        "senior_product_manager": 50, "product_manager": 40, "junior_product_manager": 30,
        "associate_product_manager": 30, "product_owner": None}
    for role_id in ("cto", "cfo", "coo", "cmo", "vp_engineering", "engineering_director", "engineering_manager",
                    "staff_engineer", "senior_software_engineer", "software_engineer", "head_of_design",
                    "design_manager", "product_designer", "data_scientist", "data_analyst", "marketing_manager",
                    "sales_manager", "account_executive", "operations_manager", "executive_assistant"):
        assert role_id in CATALOG


def test_there_is_a_generic_role_for_every_family_and_band():
    ids = {r.id for r in GENERIC_ROLES}
    for family in FAMILIES:
        if family != "product":
            assert {f"{family}_{band}" for band in (100, 90, 80, 70, 60, 50, 40, 30, 20)} <= ids
    # Product management has named roles for every band but entry; no generic role shadows them.
    assert {r.id for r in GENERIC_ROLES if r.family == "product"} == {"product_20"}
    assert all(r.generic and r.rank == int(r.id.rsplit("_", 1)[1]) for r in GENERIC_ROLES)


def test_every_alias_infers_its_own_role():
    # No alias may be shadowed by another role's alias or by the reading of its words.
    for role in NAMED_ROLES:
        for alias in (role.title, *role.aliases):
            assert CATALOG.infer(alias).role.id == role.id, alias


def test_custom_aliases_win_and_custom_roles_override():
    custom = {"devrel": Role("devrel", "Developer Advocate", "marketing", 40, ("Developer Relations Engineer",),
                             builtin=False),
              "cfo": Role("cfo", "Chief Financial Officer", "finance", 90, ("Head of Money",), builtin=False)}
    catalog = CATALOG.extended(custom)
    assert catalog.infer("Senior Developer Relations Engineer, EMEA").role.id == "devrel"
    assert catalog.infer("Head of Money").role.family == "finance"
    assert catalog["cfo"].family == "finance"
    assert catalog.infer("Senior Android Developer").role.id == "senior_software_engineer"


def test_a_longer_builtin_title_beats_a_shorter_custom_alias():
    custom = {"payments_role": Role("payments_role", "PM", "product", 40, ("Product Manager",), builtin=False)}
    catalog = CATALOG.extended(custom)
    assert catalog.infer("Product Manager, Payments").role.id == "payments_role"
    assert catalog.infer("Senior Product Manager, Payments").role.id == "senior_product_manager"


def test_a_person_with_neither_role_nor_title_is_unknown_with_org005():
    from orgmodel import check
    org = load_text("org: X\npeople:\n  - id: a\n    role: ceo\n  - id: b\n    reports_to: a\n", "org.yaml")
    assert org.people["b"].role.id == "unknown"
    messages = [f.message for f in check(org) if f.code == "ORG005"]
    assert messages == ["b has no role or title"]


def test_vocabulary_tables_are_consistent():
    import csv
    from importlib import resources

    from orgmodel.roles.titles import Vocabulary, _words

    vocabulary = Vocabulary.builtin()
    folder = resources.files("orgmodel.roles").joinpath("vocabulary")
    seen: dict[str, str] = {}
    for name, kinds in (("functions", {"head", "weak", "domain", "rank", "tech", "ignore"}),
                        ("levels", {"position", "modifier", "entry", "alone", "ignore"})):
        for row in csv.DictReader(folder.joinpath(f"{name}.csv").read_text(encoding="utf-8").splitlines()):
            # The key the vocabulary files the phrase under (abbreviations spelled out).
            key = " ".join(_words(row["phrase"], vocabulary.abbreviations))
            assert key not in seen, f"{row['phrase']!r} in {name}.csv is also in {seen.get(key)}.csv"
            seen[key] = name
            assert row["kind"] in kinds, row
            if name == "functions" and row["kind"] != "ignore":
                assert row["family"] in FAMILIES, row
    from orgmodel.roles.titles import _MODIFIERS
    for phrase in vocabulary.phrases.values():
        assert phrase.kind != "modifier" or phrase.op in _MODIFIERS, phrase
    for (stem, band, _word), role_id in vocabulary.ladders.items():
        assert role_id in CATALOG, role_id
        # A named role's own rank may sit one band above the words ("Engineering Manager" is 60).
        assert band is None or 0 <= band_of(CATALOG[role_id].rank) - band <= 10, (stem, band, role_id)


def test_a_custom_alias_in_any_script_matches_its_title():
    from orgmodel import load_text
    org = load_text('org: T\nroles:\n  yingxiao:\n    title: "营销经理"\n    family: marketing\n    rank: 50\n'
                    '    aliases: ["营销经理", "Менеджер по продажам"]\npeople:\n  - {id: a, title: "营销经理"}\n'
                    '  - {id: b, title: "Менеджер по продажам", reports_to: a}\n', "org.yaml")
    assert [p.role.id for p in org] == ["yingxiao", "yingxiao"]


def test_random_titles_of_vocabulary_words_read_and_explain_themselves(capsys):
    from tests.fuzz.titles import main as fuzz_titles
    assert fuzz_titles(["--count", "3000", "--seed", "1"]) == 0, capsys.readouterr().out
