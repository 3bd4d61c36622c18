/** A database driver's error as better-sqlite3 and node-postgres raise them: an Error with a string code. */
export const driverError = (code: string) => Object.assign(new Error(`driver said ${code}`), { code });
