"""Production settings: `CONSTELLATE_ENV=production` must switch on every safeguard.

Settings are read once per process, so each production case runs in a fresh Python process
(`sys.executable`, from the project root) with a clean set of environment variables. The
development case uses the ordinary test client in this process.
"""

import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[3]

# Every variable constellate/settings.py reads. They are removed from the inherited environment
# so that a developer's shell or the CI job cannot change what these tests see.
SETTINGS_VARIABLES = {
    "CONSTELLATE_ENV",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_CONN_HEALTH_CHECKS",
    "DATABASE_PREPARED_STATEMENTS",
    "SQLITE_NO_PERSISTENT",
    "REDIS_URL",
    "TASKS_BACKEND",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_LOCK_MINUTES",
    "LOGIN_FAILURE_DELAY_SECONDS",
    "TIME_ZONE",
    "LOCALE_DIR",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "DEFAULT_FROM_EMAIL",
    "SITE_NAME",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_PRELOAD",
    "USE_X_FORWARDED_HOST",
    "LOG_LEVEL",
    "LOG_JSON",
    "SERVER_LOG_LEVEL",
}

ONE_YEAR = 60 * 60 * 24 * 365


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("production")


def production_env(workdir: Path, **overrides: str | None) -> dict[str, str]:
    """A production environment as an operator would set it, minus anything inherited.

    Django's own DJANGO_* variables go too: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE
    in this process, which a real deployment must never have (the deploy check says so)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in SETTINGS_VARIABLES and not k.startswith("DJANGO_")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "constellate.settings",
            "PYTHONDONTWRITEBYTECODE": "1",
            "CONSTELLATE_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "example.org",
            # Never touch the developer's own database or static folder.
            "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
        }
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (fixed arguments, our own interpreter)
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run(["-c", textwrap.dedent(code)], env)


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


# The deploy check ------------------------------------------------------------------------


def test_deploy_check_passes_without_warnings_in_production(workdir):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(workdir)
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in result.stdout, output
    assert "WARNING" not in output.upper(), output


def test_postgresql_prepares_statements_unless_switched_off(workdir):
    code = """
        import json
        from django.conf import settings
        print(json.dumps(settings.DATABASES["default"].get("OPTIONS", {})))
    """
    url = "postgres://constellate@db.internal:5432/constellate"
    on = run_python(code, production_env(workdir, DATABASE_URL=url))
    off = run_python(
        code, production_env(workdir, DATABASE_URL=url, DATABASE_PREPARED_STATEMENTS="0")
    )
    assert on.returncode == 0 and off.returncode == 0, on.stderr + off.stderr
    assert json.loads(on.stdout.splitlines()[-1]).get("prepare_threshold") is not None
    assert "prepare_threshold" not in json.loads(off.stdout.splitlines()[-1])


def test_settings_refuse_to_load_in_production_without_secret_key(workdir):
    result = run(["manage.py", "check"], production_env(workdir, SECRET_KEY=None))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_settings_refuse_to_load_in_production_with_empty_secret_key(workdir):
    result = run(["manage.py", "check"], production_env(workdir, SECRET_KEY=""))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_settings_refuse_to_load_in_production_without_allowed_hosts(workdir):
    result = run(["manage.py", "check"], production_env(workdir, ALLOWED_HOSTS=None))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


# Cookies, HTTPS and headers --------------------------------------------------------------


def test_production_cookies_are_secure_and_http_only_and_hsts_is_on(workdir):
    result = run_python(
        """
        import json
        import django
        from django.conf import settings

        django.setup()
        names = [
            "DEBUG",
            "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
            "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY",
            "LANGUAGE_COOKIE_SECURE",
            "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER",
            "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_CONTENT_TYPE_NOSNIFF", "X_FRAME_OPTIONS",
        ]
        print(json.dumps({name: getattr(settings, name) for name in names}))
        """,
        production_env(workdir),
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["LANGUAGE_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    # The reverse proxy terminates TLS and says so in X-Forwarded-Proto.
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] >= ONE_YEAR
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"


def test_production_responses_carry_hsts_strict_csp_and_secure_cookies(workdir):
    """A real page in production mode, after collectstatic, as a browser behind the proxy sees it."""
    env = production_env(workdir)
    collected = run(["manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    assert collected.returncode == 0, collected.stderr

    result = run_python(
        """
        import json
        import django

        django.setup()
        from django.test import Client

        client = Client()
        page = client.get(
            "/accounts/login/", HTTP_HOST="example.org", HTTP_X_FORWARDED_PROTO="https"
        )
        plain_http = client.get("/accounts/login/", HTTP_HOST="example.org")
        print(json.dumps({
            "status": page.status_code,
            "headers": dict(page.headers),
            "cookies": {
                name: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"])}
                for name, m in page.cookies.items()
            },
            "http_status": plain_http.status_code,
            "http_location": plain_http.headers.get("Location", ""),
        }))
        """,
        env,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])

    assert data["status"] == 200
    headers = {k.lower(): v for k, v in data["headers"].items()}
    hsts = headers.get("strict-transport-security", "")
    assert f"max-age={ONE_YEAR}" in hsts
    assert "includeSubDomains" in hsts
    script_src = csp_directives(headers["content-security-policy"])["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert data["cookies"]["csrftoken"] == {"secure": True, "httponly": True}
    # Plain HTTP is sent to HTTPS.
    assert data["http_status"] == 301
    assert data["http_location"].startswith("https://example.org/")


@pytest.mark.django_db
def test_content_security_policy_allows_no_inline_script(client):
    response = client.get("/")
    assert response.status_code == 200
    directives = csp_directives(response.headers["Content-Security-Policy"])
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


# Logging ---------------------------------------------------------------------------------

LOG_ONE_LINE = """
    import logging
    import django
    from django.conf import settings

    django.setup()
    handler = settings.LOGGING["handlers"]["console"]
    formatter = settings.LOGGING["formatters"][handler["formatter"]]
    print(handler["formatter"], formatter.get("()", ""))
    logging.getLogger("constellate.check").warning("disk %s is nearly full", "var")
"""


def test_production_logs_one_json_object_per_line(workdir):
    result = run_python(LOG_ONE_LINE, production_env(workdir))
    assert result.returncode == 0, result.stderr
    name, factory = result.stdout.split()
    assert name == "json"
    assert factory.startswith("pythonjsonlogger.")
    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert record["level"] == "WARNING"
    assert record["logger"] == "constellate.check"
    assert record["message"] == "disk var is nearly full"
    assert "time" in record


def test_development_logs_plain_lines_unless_log_json_is_set(workdir):
    development = production_env(workdir, CONSTELLATE_ENV=None, SECRET_KEY=None)
    result = run_python(LOG_ONE_LINE, development)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "plain"
    assert "WARNING constellate.check: disk var is nearly full" in result.stderr

    result = run_python(LOG_ONE_LINE, {**development, "LOG_JSON": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "json"
    assert json.loads(result.stderr.strip().splitlines()[-1])["level"] == "WARNING"
