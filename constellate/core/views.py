from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache


def home(request):
    """Signed-in staff go to their dashboard; everyone else sees what Constellate is."""
    if request.user.is_authenticated:
        return redirect("initiatives:dashboard")
    return render(request, "core/home.html")


@never_cache
def health(request):
    """For load balancers: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def ping(request):
    """A trivial view, used by benchmarks as the yardstick for the server's own overhead."""
    return HttpResponse("ok", content_type="text/plain")


def accessibility(request):
    return render(request, "core/accessibility.html")


def page_not_found(request, exception=None):
    return render(request, "core/error.html", {"status": 404}, status=404)


def server_error(request):
    return render(request, "core/error.html", {"status": 500}, status=500)


def permission_denied(request, exception=None):
    return render(request, "core/error.html", {"status": 403}, status=403)


def bad_request(request, exception=None):
    return render(request, "core/error.html", {"status": 400}, status=400)


def csrf_failure(request, reason=""):
    return render(request, "core/error.html", {"status": 403, "csrf": True}, status=403)
