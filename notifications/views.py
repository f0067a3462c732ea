"""The one public view of subscriptions to updates: stop receiving them, without an account."""

from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt

from . import subscriptions


@csrf_exempt  # RFC 8058 one-click: the mail client posts without a form; the token is the proof
def unsubscribe(request, token):
    """GET asks to confirm (link checkers in mail servers follow links, they must not
    unsubscribe anyone); POST ends every subscription of the address."""
    subscription = subscriptions.from_unsubscribe_token(token)
    context = {"valid": subscription is not None, "done": False}
    status = 200
    if subscription is None:
        status = 404
    elif request.method == "POST":
        subscriptions.unsubscribe(subscription)
        context["done"] = True
    return TemplateResponse(request, "notifications/unsubscribe.html", context, status=status)
