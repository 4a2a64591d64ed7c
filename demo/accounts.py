"""The demo's logins: a superuser to administer and an editor who cannot publish."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD_FILE = settings.BASE_DIR / ".demo-admin-password"


def demo_password():
    """DEMO_ADMIN_PASSWORD if set; otherwise one generated once and kept in PASSWORD_FILE."""
    if password := settings.DEMO_ADMIN_PASSWORD:
        return password
    if PASSWORD_FILE.exists():
        return PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    # Readable by its owner only: it is a working login to the demo's admin.
    descriptor = os.open(PASSWORD_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(password + "\n")
    return password


def ensure_user(username, password, *, superuser=False, group=None):
    """Create the user, or bring its password and rights in line. Returns “created”, …"""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        user = User(username=username, email=f"{username}@example.org")
    changed = not user.check_password(password)
    if changed:
        user.set_password(password)
    for name, value in {
        "is_active": True,
        "is_staff": superuser,
        "is_superuser": superuser,
    }.items():
        if getattr(user, name) != value:
            setattr(user, name, value)
            changed = True
    if changed:
        user.save()
    if group and not user.groups.filter(name=group).exists():
        user.groups.add(Group.objects.get(name=group))
        changed = True
    return "created" if created else "updated" if changed else "unchanged"
