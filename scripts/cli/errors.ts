/** A user error: printed as one line, exit code 2, no stack trace. */
export class CliError extends Error {}
