class BackupError(Exception):
    """A backup or a restore cannot go on; the message says why, for the operator."""
