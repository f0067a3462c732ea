"""publiccode.yml and LICENSE at the root: valid against the publiccode.yml standard (0.4)."""

import copy
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((Path(__file__).parent / "data" / "publiccode-0.4.schema.json").read_text(encoding="utf-8"))


def load_publiccode():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def errors(document):
    return sorted(Draft202012Validator(SCHEMA).iter_errors(document), key=lambda error: list(error.path))


def test_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_publiccode_is_valid():
    assert [error.message for error in errors(load_publiccode())] == []


def test_publiccode_says_what_the_project_says():
    document = load_publiccode()
    assert document["publiccodeYmlVersion"] == "0.4"
    assert document["legal"]["license"] == "EUPL-1.2"
    assert document["softwareType"] == "standalone/web"
    assert set(document["localisation"]["availableLanguages"]) == {"nl", "en"}
    assert set(document["description"]) == {"nl", "en"}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{document["softwareVersion"]}"' in pyproject
    assert 'license = { text = "EUPL-1.2" }' in pyproject


def test_license_file_is_the_eupl_1_2():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    assert "15.Applicable Law" in text
    assert "Appendix" in text
    assert len(text) > 13000


def _drop(document, *path):
    *parents, key = path
    for parent in parents:
        document = document[parent]
    del document[key]


def _set(document, value, *path):
    *parents, key = path
    for parent in parents:
        document = document[parent]
    document[key] = value


BROKEN = [
    pytest.param(lambda d: _drop(d, "name"), id="missing-name"),
    pytest.param(lambda d: _drop(d, "legal", "license"), id="missing-license"),
    pytest.param(lambda d: _drop(d, "localisation"), id="missing-localisation"),
    pytest.param(lambda d: _drop(d, "description", "nl", "features"), id="missing-features"),
    pytest.param(lambda d: _set(d, "0.2", "publiccodeYmlVersion"), id="old-version"),
    pytest.param(lambda d: _set(d, ["e-participation"], "categories"), id="unknown-category"),
    pytest.param(lambda d: _set(d, "finished", "developmentStatus"), id="unknown-status"),
    pytest.param(lambda d: _set(d, "standalone", "softwareType"), id="deprecated-software-type"),
    pytest.param(lambda d: _set(d, "x" * 151, "description", "en", "shortDescription"), id="short-too-long"),
    pytest.param(lambda d: _set(d, "Too short.", "description", "nl", "longDescription"), id="long-too-short"),
    pytest.param(lambda d: _drop(d, "maintenance", "contacts"), id="community-without-contacts"),
    pytest.param(lambda d: _set(d, "not a url", "url"), id="url-not-a-url"),
    pytest.param(lambda d: _set(d, "yes", "localisation", "localisationReady"), id="ready-not-boolean"),
    pytest.param(lambda d: _set(d, "2026-7-1", "releaseDate"), id="date-not-iso"),
    pytest.param(lambda d: _set(d, "typo", "nmae"), id="unknown-key"),
]


@pytest.mark.parametrize("break_it", BROKEN)
def test_schema_rejects_a_broken_file(break_it):
    document = copy.deepcopy(load_publiccode())
    break_it(document)
    assert errors(document), "the schema accepted a broken publiccode.yml"
