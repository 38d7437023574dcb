from django.conf import settings


class DefaultLanguageMiddleware:
    """Dutch first: until a visitor picks a language (cookie) or a signed-in user has a
    preferred language, pages are in settings.LANGUAGE_CODE whatever the browser asks for.
    Runs before LocaleMiddleware, which then finds the cookie or this header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            request.META["HTTP_ACCEPT_LANGUAGE"] = settings.LANGUAGE_CODE
        return self.get_response(request)
