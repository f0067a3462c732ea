"""What the page types with a form share."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class FormRoutesMixin(RoutablePageMixin):
    """Routes that answer a form: `render(..., status=400)` shows the page again with the
    form's errors under the status code that says what happened."""

    def render(self, request, *args, status=200, **kwargs):
        response = super().render(request, *args, **kwargs)
        response.status_code = status
        return response
