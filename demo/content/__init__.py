"""The demo content as plain data: facts from the design note, text written for the demo."""
