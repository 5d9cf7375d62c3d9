/** A command given wrongly: its message is for the user, and the exit status is 2 (main.ts). */
export class UsageError extends Error {}
