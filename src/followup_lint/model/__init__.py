"""The data types: draft parts, context, findings and report, spans, severity, message kinds, errors."""
