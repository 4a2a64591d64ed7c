"""What a deploy can change in an API answer besides the content: the project's code, the
installed libraries and the settings.

Its fingerprint is part of every cached answer's key (api.cache), so a new release, or the same
release with other settings (a CORS origin removed, a new security policy), never serves an
answer an older one stored, while the servers of one release share their entries.
"""

import functools
import hashlib
import importlib.metadata

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# The project's own packages: their Python modules are the code that answers.
PROJECT_PACKAGES = ("api", "cms", "pages", "settings")
# Settings left out: secrets, and where each server finds its services and files, which may
# differ between the servers of one release (splitting their entries) and shape no answer.
PRIVATE_SETTING_WORDS = ("SECRET", "PASSWORD", "TOKEN", "KEY", "CREDENTIAL")
PRIVATE_SETTING_PREFIXES = (
    "DATABASE", "CACHE", "REDIS", "RQ", "TASKS", "EMAIL_", "LOGGING",
    "AWS_", "CLOUDFLARE_", "CLOUDFRONT_", "WAGTAILFRONTENDCACHE",
)  # fmt: skip
PRIVATE_SETTING_SUFFIXES = ("_ROOT", "_DIR", "_DIRS")

_fingerprint = {}


def release_fingerprint():
    """Computed once per process (cms.wsgi asks before gunicorn forks its workers, so a worker
    started after new files landed still names the code it runs) and again when tests change
    settings."""
    if "value" not in _fingerprint:
        digest = hashlib.sha256(code_digest() + settings_digest())
        _fingerprint["value"] = digest.hexdigest()[:16]
    return _fingerprint["value"]


@receiver(setting_changed)
def forget_settings(**kwargs):
    """Tests change settings as a deploy would."""
    _fingerprint.clear()


@functools.cache
def code_digest():
    digest = hashlib.sha256()
    for package in PROJECT_PACKAGES:
        for path in sorted((settings.BASE_DIR / package).rglob("*.py")):
            digest.update(str(path.relative_to(settings.BASE_DIR)).encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:  # unreadable here: its name still counts, and answers go on
                digest.update(b"unreadable")
    libraries = sorted(
        f"{distribution.metadata['Name']}=={distribution.version}"
        for distribution in importlib.metadata.distributions()
    )
    digest.update("\n".join(libraries).encode())
    return digest.digest()


def settings_digest():
    lines = [
        f"{name}={canonical(getattr(settings, name))}"
        for name in sorted(dir(settings))
        if name.isupper()
        and not any(word in name for word in PRIVATE_SETTING_WORDS)
        and not name.startswith(PRIVATE_SETTING_PREFIXES)
        and not name.endswith(PRIVATE_SETTING_SUFFIXES)
        and name != "BASE_DIR"
    ]
    return hashlib.sha256("\n".join(lines).encode()).digest()


def canonical(value):
    """A repr that is the same in every process: sets sorted (their order follows each process's
    string hashing), objects without a repr of their own named by their type only."""
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(canonical(item) for item in value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        items = (f"{canonical(key)}: {canonical(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    text = repr(value)
    return type(value).__qualname__ if " at 0x" in text else text
