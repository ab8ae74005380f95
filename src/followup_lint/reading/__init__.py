"""Reading a draft: sources (str, bytes, path, .eml) and the layout parser (parts and slots)."""
