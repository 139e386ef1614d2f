"""nbclient's NotebookClient adapted to the Deno Jupyter kernel.

Two adaptations:

* Late outputs. The Deno kernel (2.9.6, measured) sometimes publishes a cell's outputs after
  its idle status, which is where nbclient stops reading; plain nbclient lost outputs of
  tests/fixtures/notebooks/burst.ipynb in 9 of 10 runs. After idle, this client keeps
  reading IOPub until no message has arrived for `idle_grace` seconds (each message restarts
  the wait), bounded by `idle_grace_max`.
* Kernel noise. The kernel's stdout and stderr go through a filter that drops the
  '"deno jupyter" is unstable' warning and passes everything else to our stderr.
"""

import os
import re
import sys
import threading
import time
from queue import Empty

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async
from traitlets import Float

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
KERNEL_NOISE = '"deno jupyter" is unstable'


class WorkbookNotebookClient(NotebookClient):
    """nbclient's NotebookClient that reads late outputs and filters kernel noise.

    `current_cell_index` is the index of the cell being executed (-1 before the first).
    """

    idle_grace = Float(0.05, help="Seconds of IOPub silence that end a cell.").tag(config=True)
    idle_grace_max = Float(5.0, help="Upper bound of the wait after idle.").tag(config=True)

    current_cell_index = -1

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        self.current_cell_index = cell_index
        return await super().async_execute_cell(cell, cell_index, *args, **kwargs)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    break
        deadline = time.monotonic() + self.idle_grace_max
        while time.monotonic() < deadline:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.idle_grace))
            except Empty:
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass

    async def async_start_new_kernel(self, **kwargs):
        """Starts the kernel with its stdout and stderr filtered into our stderr."""
        read_fd, write_fd = os.pipe()
        kwargs.setdefault("stdout", write_fd)
        kwargs.setdefault("stderr", write_fd)
        try:
            await super().async_start_new_kernel(**kwargs)
        finally:
            os.close(write_fd)
            threading.Thread(target=_forward_kernel_output, args=(read_fd,), daemon=True).start()


def _forward_kernel_output(read_fd):
    with os.fdopen(read_fd, "rb") as stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace")
            if KERNEL_NOISE not in ANSI.sub("", line):
                sys.stderr.write(line)
                sys.stderr.flush()
