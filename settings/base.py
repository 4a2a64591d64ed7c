"""Settings shared by every environment; each environment variable is declared here, once."""

import warnings
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from PIL import Image as PILImage

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    DJANGO_SECRET_KEY=(str, ""),
    DJANGO_SECRET_KEY_FALLBACKS=(list, []),
    DJANGO_ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1"]),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    REDIS_URL=(str, ""),
    CORS_ALLOWED_ORIGINS=(list, []),
    FRONTEND_BASE_URL=(str, "http://127.0.0.1:3000"),
    PREVIEW_TOKEN_MAX_AGE=(int, 600),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "static")),
    DEMO_ADMIN_PASSWORD=(str, ""),
    PARTNER_API_RATE=(str, "60/min"),
    PARTNER_API_KEY_RATE=(str, "1200/min"),
    PARTNER_FEED_SETTLE_SECONDS=(float, 2.0),
    TRUSTED_PROXY_COUNT=(int, 0),
    API_CACHE_TIMEOUT=(int, 3600),
    FRONTEND_CACHE_BACKEND=(str, ""),
    FRONTEND_CACHE_LOCATION=(str, ""),
    CLOUDFLARE_BEARER_TOKEN=(str, ""),
    CLOUDFLARE_ZONE_ID=(str, ""),
    CLOUDFRONT_DISTRIBUTION_ID=(str, ""),
    TASK_BACKEND=(str, "database"),
)

DEBUG = env("DJANGO_DEBUG")
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS")
FRONTEND_BASE_URL = env("FRONTEND_BASE_URL").rstrip("/")
# Seconds a preview link stays valid after the editor presses Preview.
PREVIEW_TOKEN_MAX_AGE = env("PREVIEW_TOKEN_MAX_AGE")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL").rstrip("/")
CORS_ALLOWED_ORIGINS = env("CORS_ALLOWED_ORIGINS")
REDIS_URL = env("REDIS_URL")
# The longest a public API answer stays in the cache; changes replace it sooner (api.cache).
API_CACHE_TIMEOUT = env("API_CACHE_TIMEOUT")
# The CDN in front, purged of exactly what a change makes stale (api.invalidation): "http" for a
# Varnish or other cache that accepts PURGE at FRONTEND_CACHE_LOCATION, "cloudflare" or
# "cloudfront"; none by default. (wagtail.contrib.frontend_cache is used as a library, not
# installed as an app: as an app it would also purge the CMS's own page URLs, which nobody reads.)
WAGTAILFRONTENDCACHE = {
    "": {},
    "http": {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_LOCATION"),
        }
    },
    "cloudflare": {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        }
    },
    "cloudfront": {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    },
}[env("FRONTEND_CACHE_BACKEND")]
# Partner API allowances, per client address without a key and per key ("<n>/<sec|min|hour>").
PARTNER_API_RATE = env("PARTNER_API_RATE")
PARTNER_API_KEY_RATE = env("PARTNER_API_KEY_RATE")
# The change feed and listings stop this far behind the clock, so a publish whose transaction is
# still committing cannot land behind a partner's cursor.
PARTNER_FEED_SETTLE_SECONDS = env("PARTNER_FEED_SETTLE_SECONDS")
# Proxies in front of the application that append to X-Forwarded-For (a CDN, a load balancer).
# 0 trusts the connection's address only, so a made-up header cannot dodge a rate limit.
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
# Password for the demo content's logins; generated and kept in .demo-admin-password when empty.
DEMO_ADMIN_PASSWORD = env("DEMO_ADMIN_PASSWORD")

INSTALLED_APPS = [
    "cms",
    "pages",
    "api",
    "demo",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    # For its API tokens: partner keys, issued and revoked under Settings → API tokens.
    "wagtail.api.v3",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that a public API answer is cached with every header the rest add (api.cache).
    "api.cache.ApiCacheStoreMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "api.partners.access.RateLimitHeadersMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Inside ConditionalGetMiddleware, so cached answers get their 304s as fresh ones do.
    "api.cache.ApiCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db_url("DATABASE_URL")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set. An outage must cost speed, not answers: django-redis ignores
# connection errors (a miss), and gives up on a dead server within half a second.
CACHES = {
    "default": (
        {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Not one log line per ignored call (thousands a minute during an outage): /health/ reports it,
# and a missed invalidation is logged once (api.cache).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False

# Background work (reference index, file clean-up; later webhooks) goes through Django's tasks
# interface. The database backend needs nothing but the database; `manage.py db_worker` runs it.
# TASK_BACKEND=redis puts the queue on REDIS_URL (django-tasks-rq); its workers run
# `manage.py rqworker default --with-scheduler --job-class django_tasks_rq.backend.Job` (the
# scheduler runs deferred tasks, such as webhook retries).
if env("TASK_BACKEND") == "redis":
    # cms.tasks.RQBackend: django-tasks-rq's, which runs a task in-process while Redis is down.
    TASKS = {"default": {"BACKEND": "cms.tasks.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    INSTALLED_APPS.append("django_rq")
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default; Arabic is written right to left; French serves partner
# republications. The same list drives Django, the admin and Wagtail's content locales.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "العربية"), ("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page forms (a statement with many issuers and blocks) exceed Django's default of 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Global Coalition against Daesh/ISIS"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Rich text leaves the API as display HTML; page links are resolved for the front end
# (cms.rich_text.FrontendPageLinkHandler).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# The admin's Preview sends the editor to the front end's preview route with a signed token
# (wagtail-headless-preview); the front end reads the unsaved page from /api/v2/preview/.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": f"{FRONTEND_BASE_URL}/preview/"},
    # A redirect rather than a nested iframe lets Wagtail's preview panel keep the scroll position.
    "REDIRECT_ON_PREVIEW": True,
    "ENFORCE_TRAILING_SLASH": True,
}

# Hashtags are stored as plain tokens; "#DefeatDaesh" and "defeatdaesh" are the same tag.
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "cms.models.hashtags.parse_hashtags"

REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "api.problems.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}

# The OpenAPI schema at /api/schema/ and Swagger UI at /api/docs/, with Swagger UI's assets served
# from our own static files (drf-spectacular-sidecar), never from a CDN.
SPECTACULAR_SETTINGS = {
    "TITLE": "Coalition CMS API",
    "DESCRIPTION": (
        "Read-only JSON for the public front end and partners: pages by path, site-wide content, "
        "listings of news, statements and In Focus features, the social wall and editors' "
        "previews. Their errors are RFC 9457 problem details (`application/problem+json`), and "
        "an unknown query parameter is one. Beside them, Wagtail's own v2 endpoints for pages, "
        "images and documents, as Wagtail documents them."
    ),
    "VERSION": "2",
    "SCHEMA_PATH_PREFIX": r"/api/v2",
    "SERVE_INCLUDE_SCHEMA": False,
    # The public API only: Wagtail's admin has its own, internal one.
    "PREPROCESSING_HOOKS": ["api.schema.public_endpoints"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "LocaleEnum": LANGUAGES,
        "RedirectTypeEnum": "api.schema.REDIRECT_TYPES",
        "MemberKindEnum": "cms.models.members.Member.Kind",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Never send the schema to swagger.io's online validator.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # Redoc is not served: its template loads Google Fonts. Should it be, its script is local.
    "REDOC_DIST": "SIDECAR",
}

CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False
# The API is read-only.
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # One line per background task drowns everything else; failures still show.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Webhooks (cms.webhooks): how long one delivery attempt may take, and the networks (CIDR) a
# webhook's host may resolve to although they are private or loopback; none, so only public
# addresses, by default. Cloud metadata addresses are refused even inside an allowed network.
WEBHOOK_TIMEOUT_SECONDS = 5
WEBHOOK_ALLOWED_NETWORKS = []

# Security ---------------------------------------------------------------------------------------
# Headers on every answer, in every environment (production adds HSTS and secure cookies):
# no MIME sniffing, and other origins (the front end included) see only our origin as referrer.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Content Security Policy (django-csp, through cms.security.ContentSecurityPolicyMiddleware). The
# API, feeds, /health/ and served documents are data: nothing in them may load or be framed.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}}
_FRONTEND_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(FRONTEND_BASE_URL))
_ADMIN_SIGN_IN_POLICY = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The first prefix that matches wins.
CONTENT_SECURITY_POLICY_BY_PATH = {
    # Where passwords are typed: the sign-in and password-reset forms run no inline script, so an
    # injected one cannot read what is typed.
    "/admin/login/": _ADMIN_SIGN_IN_POLICY,
    "/admin/password_reset/": _ADMIN_SIGN_IN_POLICY,
    # Wagtail 8's admin still writes inline <script> (inline panels, date and chooser widgets)
    # and style attributes, without nonces: hence 'unsafe-inline' for both (a nonce in the policy
    # would switch 'unsafe-inline' off). Everything else is the site's own, except: images (media
    # storage on another host, embed providers' thumbnails), the preview panel, which
    # redirects to the front end's preview route, and the dashboard's Wagtail release check.
    "/admin/": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "frame-src": ["'self'", _FRONTEND_ORIGIN],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
    # Swagger UI (drf-spectacular) starts itself with an inline script; it reads the schema only.
    "/api/docs/": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'none'"],
    },
}

# Editors' avatars are the ones they upload, never Gravatar's: that would hand a hash of each
# editor's e-mail address to a third party on every admin page (and need it in the policy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin logins (django-axes): five failures for one username from one address lock that pair out
# for 15 minutes (a 429), so guessing costs an attacker, not the editor at another desk. The
# address is the one the partner API's rate limit uses (TRUSTED_PROXY_COUNT).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.security.client_address"
AXES_RESET_ON_SUCCESS = True

# Uploads: no SVG (it can carry script) — WAGTAILIMAGES_EXTENSIONS above; images of at most
# 10 MB and 50 megapixels (a bigger one is a decompression bomb for the rendition workers: 50 MP
# is 200 MB decoded); documents of at most WAGTAILDOCS_MAX_UPLOAD_SIZE.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# Wagtail counts pixels after Willow has decoded the whole image (to read its size), so a small,
# highly compressed PNG declaring 150 megapixels would be decoded first. Pillow refuses it from
# the header instead, at the same limit: its error comes at twice its MAX_IMAGE_PIXELS, and its
# warning below that is Wagtail's check to make.
PILImage.MAX_IMAGE_PIXELS = WAGTAILIMAGES_MAX_IMAGE_PIXELS // 2
warnings.filterwarnings("ignore", category=PILImage.DecompressionBombWarning)
