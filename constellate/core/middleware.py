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


class ContentSecurityPolicyMiddleware:
    """Sends the Content-Security-Policy of settings.CONTENT_SECURITY_POLICY on every response.

    The policy is the same for every page (no nonces, no per-view changes: there is no inline
    script or style to allow), so it is built once when the server starts rather than for
    each response as django-csp's middleware does; django-csp still builds the header text."""

    def __init__(self, get_response):
        from csp.utils import build_policy

        self.get_response = get_response
        self.policy = build_policy()
        self.policy_report_only = build_policy(report_only=True)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        if self.policy_report_only and "Content-Security-Policy-Report-Only" not in response:
            response["Content-Security-Policy-Report-Only"] = self.policy_report_only
        return response
