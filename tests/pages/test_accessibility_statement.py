"""The accessibility statement after the Dutch model statement: the compliance status A to E,
the date, how it was evaluated, what is not yet accessible and when it will be, contact and
the complaint route, the public register; editable in the admin, translatable, and seeded
truthfully by the demo."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.coreutils import get_dummy_request
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from demo import loader
from pages.models import AccessibilityIssue, AccessibilityStatementPage, MunicipalitySettings
from tests.helpers import hrefs, soup_of, text_of
from tests.pages.test_admin import edit_form_data
from tests.pages.test_query_counts import BUDGETS

ISSUE = "De kaart op de projectpagina is niet te gebruiken met het toetsenbord."


def make_statement(site_tree, issues=(), **fields):
    fields = {"title": "Toegankelijkheidsverklaring", "slug": "toegankelijkheid", "status": "B", **fields}
    page = AccessibilityStatementPage(**fields)
    page.known_issues = [AccessibilityIssue(**issue) for issue in issues]
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def statement(site_tree):
    return make_statement(
        site_tree,
        issues=[
            {
                "what": ISSUE,
                "cause": "Onevenredige last.",
                "plan": "We maken een lijst naast de kaart.",
                "fixed_by": date(2031, 3, 1),
            }
        ],
        statement_date=date(2030, 11, 15),
        evaluation_method="self",
        evaluation_description="axe-core controleert elke soort pagina.",
        report_url="https://rapport.example.org/meerwijk.pdf",
        response_time="5 werkdagen",
    )


def in_dutch(text):
    with translation.override("nl"):
        return str(text)


# --- The model ------------------------------------------------------------------------------


def test_the_statuses_are_the_five_of_the_model_statement():
    assert [value for value, _label in AccessibilityStatementPage.Status.choices] == ["A", "B", "C", "D", "E"]
    labels = dict(AccessibilityStatementPage.Status.choices)
    with translation.override("nl"):  # the model statement's own terms
        assert [str(labels[value]) for value in "ABCDE"] == [
            "A: voldoet volledig",
            "B: voldoet gedeeltelijk",
            "C: eerste maatregelen genomen",
            "D: voldoet niet",
            "E: geen inzicht",
        ]


def test_a_new_statement_claims_nothing(db):
    page = AccessibilityStatementPage(title="Toegankelijkheid")
    assert page.status == "E"  # "geen inzicht" until someone has looked
    assert page.evaluation_method == "self"


def test_one_statement_per_language(site_tree, statement):
    assert not AccessibilityStatementPage.can_create_at(site_tree.home)


def test_texts_are_translated_and_facts_synchronised():
    fields = {field.field_name: field for field in get_translatable_fields(AccessibilityStatementPage)}
    for name in ("status", "statement_date", "evaluation_method", "evaluation_date", "contact_email"):
        assert isinstance(fields[name], SynchronizedField), name
    for name in ("title", "intro", "evaluation_description", "complaint_route", "response_time", "body"):
        assert isinstance(fields[name], TranslatableField), name
    issue_fields = {field.field_name: field for field in get_translatable_fields(AccessibilityIssue)}
    assert isinstance(issue_fields["what"], TranslatableField)
    assert isinstance(issue_fields["fixed_by"], SynchronizedField)


def test_a_translation_keeps_the_status_and_the_issues(site_tree, statement):
    english_home = site_tree.home.copy_for_translation(site_tree.en)
    english_home.save_revision().publish()

    english = statement.copy_for_translation(site_tree.en)

    assert english.status == "B"
    assert english.statement_date == statement.statement_date
    assert [issue.what for issue in english.known_issues.all()] == [ISSUE]


# --- What a resident reads --------------------------------------------------------------------


def test_statement_shows_every_part_of_the_model_statement(client, site_tree, statement):
    MunicipalitySettings.objects.filter(site__is_default_site=True).update(
        municipality_name="Gemeente Testwijk", contact_email="toegankelijkheid@testwijk.example"
    )

    response = client.get(statement.url)

    assert response.status_code == 200
    text = text_of(response)
    assert in_dutch(statement.get_status_display()) in text
    assert in_dutch(statement.status_sentence()) in text
    assert "Gemeente Testwijk" in text
    assert "15 november 2030" in text  # the date of the statement, in Dutch
    assert in_dutch(AccessibilityStatementPage.Evaluation.SELF.label) in text
    assert "axe-core controleert elke soort pagina." in text
    assert ISSUE in text
    assert "Onevenredige last." in text
    assert "We maken een lijst naast de kaart." in text
    assert "1 maart 2031" in text  # when it is fixed
    assert "5 werkdagen" in text
    links = hrefs(response)
    assert "https://rapport.example.org/meerwijk.pdf" in links
    assert "mailto:toegankelijkheid@testwijk.example" in links  # the municipality's address by default
    assert "https://www.nationaleombudsman.nl/" in links  # the complaint route by default
    assert AccessibilityStatementPage.REGISTER_URL in links
    assert in_dutch(statement.ombudsman()[0]) in text


def test_statement_is_one_heading_tree(client, statement):
    soup = soup_of(client.get(statement.url))
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [statement.title]
    sections = soup.select("main section[aria-labelledby]")
    assert len(sections) == 6
    for section in sections:
        assert section.find(id=section["aria-labelledby"]).name == "h2"


def test_the_editors_choices_replace_the_defaults(client, site_tree):
    document = get_document_model().objects.create(
        title="Onderzoeksrapport", file=ContentFile(b"%PDF-1.4", name="rapport.pdf")
    )
    page = make_statement(
        site_tree,
        status="A",
        evaluation_method="audit",
        report_url="https://rapport.example.org/oud.pdf",
        report_document=document,
        contact_email="digitaal@testwijk.example",
        contact_url="https://testwijk.example/contact",
        complaint_route="Bel eerst onze klachtencoördinator.",
        ombudsman_name="de Ombudsman Metropool Amsterdam",
        ombudsman_url="https://www.ombudsmanmetropool.nl/",
        register_url="https://www.toegankelijkheidsverklaring.nl/register/1234",
    )

    response = client.get(page.url)

    text, links = text_of(response), hrefs(response)
    assert in_dutch(page.get_status_display()) in text
    assert in_dutch(AccessibilityStatementPage.Evaluation.AUDIT.label) in text
    assert document.url in links and "https://rapport.example.org/oud.pdf" not in links
    assert "mailto:digitaal@testwijk.example" in links
    assert "https://testwijk.example/contact" in links
    assert "Bel eerst onze klachtencoördinator." in text
    assert "de Ombudsman Metropool Amsterdam" in text
    assert "https://www.ombudsmanmetropool.nl/" in links
    assert "https://www.nationaleombudsman.nl/" not in links
    assert "https://www.toegankelijkheidsverklaring.nl/register/1234" in links


def test_statement_without_known_issues_says_so(client, site_tree):
    page = make_statement(site_tree, status="A")
    response = client.get(page.url)
    assert response.status_code == 200
    with translation.override("nl"):
        expected = str(translation.gettext("We know of no parts of this website that are not accessible."))
    assert expected in text_of(response)


@pytest.mark.parametrize("status", ["A", "B", "C", "D", "E"], ids=lambda status: f"status-{status}")
def test_every_status_renders(client, site_tree, status):
    page = make_statement(site_tree, status=status, slug=f"toegankelijkheid-{status.lower()}")
    response = client.get(page.url)
    assert response.status_code == 200
    assert in_dutch(page.status_sentence()) in text_of(response)


def test_statement_keeps_the_content_pages_query_budget(client, statement):
    """A general page's budget (tests/pages/test_query_counts.py), plus one query for the
    known issues."""
    client.get(statement.url)  # warm up
    with CaptureQueriesContext(connection) as queries:
        assert client.get(statement.url).status_code == 200
    assert len(queries) <= BUDGETS["content"][0] + 1


# --- The admin --------------------------------------------------------------------------------


def test_editors_can_edit_and_preview_the_statement(client, admin_user, statement):
    tests = WagtailPageTestCase()
    tests.client = client
    tests.dummy_request = get_dummy_request()
    revisions = statement.revisions.count()
    tests.assertPageIsEditable(statement, post_data=edit_form_data(client, admin_user, statement), user=admin_user)
    assert statement.revisions.count() == revisions + 1
    tests.assertPageIsPreviewable(statement, post_data=edit_form_data(client, admin_user, statement), user=admin_user)


# --- The demo ---------------------------------------------------------------------------------


def demo_item(language):
    for _kind, section in loader.sections(loader.read(language, "pages.yaml")):
        if "toegankelijkheid" in section["items"]:
            return section["items"]["toegankelijkheid"]
    raise AssertionError(f"no accessibility statement in the {language} demo data")


def test_the_demo_footer_links_the_statement():
    assert loader.read("site.yaml")["municipality"]["accessibility_page"] == "toegankelijkheid"
    assert demo_item("nl")["type"] == "pages.AccessibilityStatementPage"


def test_the_demo_statement_builds_and_renders(client, site_tree):
    data = demo_item("nl")
    page, later = loader.Loader().build(AccessibilityStatementPage, "toegankelijkheid", data)
    assert later == {}
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.status == "B"  # voldoet gedeeltelijk: axe-core finds nothing, people still did
    assert page.known_issues.count() >= 1
    assert all(issue.fixed_by and issue.plan for issue in page.known_issues.all())
    assert "axe-core" in page.evaluation_description and "2.2" in page.evaluation_description
    for issue in page.known_issues.all():
        assert issue.what in text_of(response)


def test_the_english_demo_statement_translates_every_text():
    dutch, english = demo_item("nl"), demo_item("en")
    merged = loader.merge(dutch, english, "toegankelijkheid")  # same structure, same number of issues
    assert len(merged["known_issues"]) == len(dutch["known_issues"])
    for dutch_issue, english_issue in zip(dutch["known_issues"], english["known_issues"], strict=True):
        assert {"what", "cause", "plan"} <= set(english_issue)
        assert english_issue["what"] != dutch_issue["what"]
    for name in ("intro", "evaluation_description", "response_time", "body"):
        assert english[name] != dutch[name], name
