"""gunicorn's settings for production: `gunicorn -c settings/gunicorn.py cms.wsgi`.

Sized from the machine: (2 × cores) + 1 worker processes, each with a few threads, since a request
spends much of its time waiting on PostgreSQL and Redis. gunicorn's sync workers expect a
buffering proxy in front (nginx, a load balancer, the CDN) to absorb slow clients: see
docs/deployment.md. Every value may be overridden with GUNICORN_* variables or the command line.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
# A request taking longer than this is stuck: its worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak in any library never grows without bound; rarely,
# and far apart (the jitter), so workers are not replaced together under load.
max_requests = 50_000
max_requests_jitter = 25_000
# Load the application once, before forking: a replaced worker starts at once, sharing memory.
preload_app = True
# Application logs go through Django's LOGGING (JSON in production); gunicorn's own to stderr.
accesslog = None
errorlog = "-"
# No runtime control socket (gunicorn 27's gunicornc): nothing uses it, and every gunicorn on a
# machine would share its default path.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
