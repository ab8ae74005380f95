"""The pre-send gate (`followup-lint sendmail -- REAL_COMMAND ...`), in the order it works:

- `streams`: standard streams that may be closed or broken; a report that cannot be printed
  never changes what happens to the message;
- `spool`: the message read whole from standard input into a private, unnamed file;
- `report`: the report as the user reads it in a mail client, positions in the body they wrote;
- `handoff`: the real command started with the spooled file as its standard input, signals to
  the gate held until it has finished, and a check that it read the whole message;
- `save`: the copy of a message that was not sent (`--save-blocked DIR`);
- `gate`: the decisions, and the exit status the mail client sees.
"""
