"""System checks of the search configuration, run at start-up (`manage.py check`,
`runserver`, `migrate`) so a misfit shows as a clear error rather than as a search that
silently falls back to the database with "cannot be reached"."""

import importlib
import re

from django.conf import settings
from django.core import checks

#: The Python client of each search server family, by the start of SEARCH_ENGINE.
CLIENTS = {"elasticsearch": ("elasticsearch", "elasticsearch"), "opensearch": ("opensearchpy", "opensearch-py")}


def engine_client(engine):
    """(module name, package name, major version) of the client SEARCH_ENGINE needs, or
    None for the database backend."""
    match = re.fullmatch(r"(elasticsearch|opensearch)(\d+)", engine or "")
    if not match:
        return None
    module, package = CLIENTS[match[1]]
    return module, package, int(match[2])


@checks.register(checks.Tags.compatibility)
def search_client_fits_engine(app_configs=None, **kwargs):
    engine = getattr(settings, "SEARCH_ENGINE", "database")
    needed = engine_client(engine)
    if needed is None:
        return []
    module_name, package, major = needed
    hint = f"Install the {major}.x client: pip install '{package}>={major},<{major + 1}'."
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return [
            checks.Error(
                f"SEARCH_ENGINE={engine} needs the {package} client, which is not installed.",
                hint=hint,
                id="search.E001",
            )
        ]
    installed = tuple(getattr(module, "VERSION", ()) or ())
    if not installed or installed[0] != major:
        found = ".".join(str(part) for part in installed) or "unknown"
        return [
            checks.Error(
                f"SEARCH_ENGINE={engine} needs the {package} client {major}.x, but {found} is installed: "
                "it cannot talk to that server.",
                hint=hint,
                id="search.E002",
            )
        ]
    return []
