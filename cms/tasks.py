"""The task queue on Redis (TASK_BACKEND=redis), which a Redis outage cannot turn into an error."""

import logging
from functools import partial

import redis
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id
from django_tasks_rq import RQBackend as QueueBackend

from django.db import transaction

logger = logging.getLogger(__name__)


class RQBackend(QueueBackend):
    """django-tasks-rq's backend; a task that cannot reach Redis runs in this process once the
    current transaction commits, instead of failing the transaction.

    Wagtail (reference index) and its search index queue a task from `post_save`, inside the
    editor's transaction: with the queue's connection error, every save and publish failed for
    as long as Redis was down (`make load` found it). Those tasks are short; CDN purges and
    webhook deliveries, queued after commit, keep their own timeouts. A deferred task (a webhook
    retry) still raises: its delivery stays due, and the scheduler's sweep sends it later.
    (Named as django-tasks-rq names it: `/health/` recognises the backend by its class name.)
    """

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.in_process = ImmediateBackend(alias, params)

    def enqueue(self, task, args, kwargs):
        try:
            return super().enqueue(task, args, kwargs)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
            if task.run_after is not None:
                raise
        logger.warning("Task queue unreachable: %s runs in this process", task.module_path)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        # ImmediateBackend runs it as its own: signals, outcome and errors recorded, never raised.
        transaction.on_commit(partial(self.in_process._execute_task, result), robust=True)
        return result
