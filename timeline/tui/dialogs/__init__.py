"""Modal dialogs, one per module: export, note editor, picker, year prompt, help."""
