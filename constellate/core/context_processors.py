from django.conf import settings


def site(request):
    return {"platform_name": settings.SITE_NAME}
