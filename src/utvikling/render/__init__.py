"""Documents: the Jinja environment, the templates, the public projection and the converters.

``render`` turns data that the use cases have projected into documents; it reads no records.
"""
