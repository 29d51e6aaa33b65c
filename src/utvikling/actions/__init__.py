"""The use cases, one function per command: check, init, agreement, plan, conversation, minutes.

Each CLI command parses its arguments, calls one function here and presents the result;
everything a command does can be done from Python.
"""
