"""News feeds of feedback stories ("Jij zei, wij deden"), RSS and Atom (see pages/feeds.py)."""

from django.utils.translation import gettext_lazy as _

from pages.feeds import AtomPageFeed, PageFeed

from .models import PolicyFeedbackStoryIndexPage, PolicyFeedbackStoryPage


class FeedbackStoriesFeed(PageFeed):
    """The newest feedback stories, by the story's date (RSS 2.0)."""

    model = PolicyFeedbackStoryPage
    index_model = PolicyFeedbackStoryIndexPage
    date_field = "date"
    title_all = _("You said, we did")
    title_scoped = _("You said, we did: %(topic)s")
    description_text = _("What residents said, what the municipality decided and why.")


class FeedbackStoriesAtomFeed(AtomPageFeed, FeedbackStoriesFeed):
    """The newest feedback stories (Atom 1.0)."""
